import type { AllocBenchResult } from './alloc-bench';
import type { Knobs } from './knobs';
import type { OrderBenchResult } from './order-bench';
import type { ScaleBenchResult } from './pg-bench';
import type { Report } from './report';
import type { WidgetBenchResult } from './widget-bench';
import type { ExtensionBenchResult } from './extension-bench';

const row = (cells: (string | number)[], widths: number[]) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 10)).join('  ');

export function ordersTable(orders: OrderBenchResult, knobs: Knobs): string[] {
  const widths = [6, 10, 10, 8, 8, 10];
  const lines = [
    `Order submission, 50 lines an order, medians of ${knobs.rounds} rounds × ${knobs.seconds} s`,
    row(['conns', 'server', 'req/s', 'p50 ms', 'p99 ms', 'full/bare'], widths),
  ];
  for (const m of orders.medians) {
    const ratio = m.target === 'full' ? (orders.ratios.find((r) => r.connections === m.connections)?.rpsRatio ?? '') : '';
    lines.push(row([m.connections, m.target === 'full' ? 'full stack' : 'bare', m.rps, m.p50Ms, m.p99Ms, ratio], widths));
  }
  lines.push(`failed requests (non-2xx, errors, timeouts): ${orders.failedRequests}`);
  lines.push(`one 50-row commit on this disk: ${orders.commitProbe.fullMs} ms with synchronous=FULL, ${orders.commitProbe.normalMs} ms with NORMAL`);
  return lines;
}

export function allocationTable(a: AllocBenchResult, knobs: Knobs): string[] {
  return [
    `Allocation, ${a.session.officines} officines × 20 lines = ${a.session.lines} lines, 5 products, stock 60 % of demand, medians of ${knobs.rounds}`,
    `closeAndAllocate   ${a.closeAndAllocateMs} ms`,
    `peak RSS           ${a.peakRssMb} MB (RSS before the call: ${a.rssBeforeMb} MB)`,
    `phases            read ${a.split.readMs} ms, prepare ${a.split.prepareMs} ms, allocateSession ${a.split.allocateMs} ms, write + commit ${a.split.writeMs} ms`,
  ];
}

export function scaleTable(s: ScaleBenchResult, knobs: Knobs): string[] {
  const widths = [6, 9, 8, 7, 7, 21, 9, 6, 6, 11, 11, 6];
  const lines = [
    `Order submission on PostgreSQL, 50 lines an order, medians of ${knobs.rounds} rounds × ${knobs.seconds} s (PostgreSQL ${s.postgres.version}, pools of ${s.poolSize})`,
    row(['conns', 'target', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/order: server', 'postgres', 'load', 'rest', 'server sys', 'pg sys', 'busy cores'], widths),
  ];
  const show = (v: number | null) => (v === null ? '?' : v);
  for (const m of s.medians) {
    const c = m.cpuMsPerOrder;
    lines.push(row([m.connections, m.target, m.rps, m.p50Ms, m.p99Ms, show(c.server), show(c.postgres), show(c.loadGenerator), show(c.rest), show(m.kernelShare.server), show(m.kernelShare.postgres), show(m.busyCores)], widths));
  }
  for (const r of s.ratios) {
    lines.push(`@${r.connections}: pg-1/pg-raw ${r.pg1OverRaw}, pg-2/pg-1 ${r.pg2OverPg1}, pg-1/sqlite-1 ${r.pg1OverSqlite1}`);
  }
  lines.push(`failed requests (non-2xx, errors, timeouts): ${s.failedRequests}; pg-2's latencies are one histogram over both processes' answers`);
  return lines;
}

export function widgetTable(w: WidgetBenchResult): string[] {
  const line = (label: string, ms: number) => `${label.padEnd(64)}${ms} ms`;
  return [
    `Widget in headless Chromium, officine of 320 effecteurs, medians of ${w.runs} runs`,
    line(`« Tout Développer », ${w.cells} quantity cells (${w.domRows} rows in the DOM)`, w.renderMs),
    line('keystroke in a cell to updated totals', w.keystrokeMs),
    line(`tracking PDF, ${w.pdfEffecteurs} effecteurs (${Math.round(w.pdfBytes / 1024)} KB)`, w.pdfMs),
    `${'initial JavaScript, gzipped (entry and its static chunks)'.padEnd(64)}${(w.initialGzipBytes / 1000).toFixed(2)} kB`,
  ];
}

export function extensionTable(e: ExtensionBenchResult): string[] {
  const line = (label: string, ms: number | null) => `${label.padEnd(64)}${ms ?? '-'} ms`;
  return [
    `Extension in headless Chromium (Chrome build), medians of ${e.runs} runs`,
    line('diagnostics, every host up', e.diagnosticsAllUpMs),
    line(`diagnostics, PSC host never answers (network timeout ${e.networkTimeoutMs} ms)`, e.diagnosticsOneDeadMs),
    line('popup ready, logged out', e.popupLoggedOutMs),
    line('popup ready, logged in', e.popupLoggedInMs),
    `popup single runs from ${e.popupRangeMs[0]} to ${e.popupRangeMs[1]} ms; first drawn from the last answer: ${e.popupsFromSnapshot} of ${2 * e.runs}`,
  ];
}

export function verdictLines(report: Report): string[] {
  return ['Targets', ...Object.entries(report.verdicts).map(([name, met]) => `${met ? 'met   ' : 'MISSED'}  ${name}`)];
}
