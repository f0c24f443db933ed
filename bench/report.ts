import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AllocBenchResult } from './alloc-bench';
import type { Knobs } from './knobs';
import type { OrderBenchResult } from './order-bench';
import type { ScaleBenchResult } from './pg-bench';
import type { WidgetBenchResult } from './widget-bench';
import type { ExtensionBenchResult } from './extension-bench';

export const targets = { rpsRatioMin: 0.7, p99MsMaxAt10: 50, allocMsMax: 2000, allocRssMbMax: 500, widgetRenderMsMax: 200, widgetKeystrokeMsMax: 16, widgetPdfMsMax: 1000, widgetInitialGzipBytesMax: 60_000, diagnosticsMsMax: 3000, popupMsMax: 200 };

export interface Report {
  machine: { cpu: string; cores: number; totalMemoryGb: number; node: string; os: string };
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadAverage: { before: number; after: number };
  command: string;
  date: string;
  knobs: Knobs;
  targets: typeof targets;
  verdicts: Record<string, boolean>;
  orders?: OrderBenchResult;
  allocation?: AllocBenchResult;
  /** Order submission on PostgreSQL, one and two server processes (BENCH_ONLY=postgres). */
  postgres?: ScaleBenchResult;
  /** « Saisie de commande » and the tracking PDF in headless Chromium (see widget-bench.ts). */
  widget?: WidgetBenchResult;
  /** The extension's diagnostics and popup in headless Chromium (see extension-bench.ts). */
  extension?: ExtensionBenchResult;
}

export function machine(): Report['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    totalMemoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

export function command(): string {
  const knobs = Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_'))
    .map(([name, value]) => `${name}=${value ?? ''} `)
    .join('');
  return `${knobs}${process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : `tsx ${process.argv.slice(1).join(' ')}`}`;
}

export function verdicts(
  orders: OrderBenchResult | undefined,
  allocation: AllocBenchResult | undefined,
  postgres?: ScaleBenchResult,
  widget?: WidgetBenchResult,
  extension?: ExtensionBenchResult,
): Record<string, boolean> {
  const v: Record<string, boolean> = {};
  for (const r of orders?.ratios ?? []) v[`orders: full/bare ≥ ${targets.rpsRatioMin} at ${r.connections} connections`] = r.rpsRatio >= targets.rpsRatioMin;
  const full10 = orders?.medians.find((m) => m.target === 'full' && m.connections === 10);
  if (full10) v[`orders: full-stack p99 < ${targets.p99MsMaxAt10} ms at 10 connections`] = full10.p99Ms < targets.p99MsMaxAt10;
  if (orders) v['orders: every request answered 2xx'] = orders.failedRequests === 0;
  if (allocation) {
    v[`allocation: closeAndAllocate < ${targets.allocMsMax} ms`] = allocation.closeAndAllocateMs < targets.allocMsMax;
    v[`allocation: peak RSS < ${targets.allocRssMbMax} MB`] = allocation.peakRssMb < targets.allocRssMbMax;
  }
  if (postgres) v['postgres: every request answered 2xx'] = postgres.failedRequests === 0;
  if (widget) {
    v[`widget: « Tout Développer » for ${widget.cells} cells < ${targets.widgetRenderMsMax} ms`] = widget.renderMs < targets.widgetRenderMsMax;
    v[`widget: keystroke to totals < ${targets.widgetKeystrokeMsMax} ms`] = widget.keystrokeMs < targets.widgetKeystrokeMsMax;
    v[`widget: PDF for ${widget.pdfEffecteurs} effecteurs < ${targets.widgetPdfMsMax} ms`] = widget.pdfMs < targets.widgetPdfMsMax;
    v[`widget: initial JavaScript ≤ ${targets.widgetInitialGzipBytesMax / 1000} kB gzipped`] = widget.initialGzipBytes <= targets.widgetInitialGzipBytesMax;
  }
  if (extension) {
    if (extension.diagnosticsAllUpMs !== null) v[`extension: all checks < ${targets.diagnosticsMsMax} ms, every host up`] = extension.diagnosticsAllUpMs < targets.diagnosticsMsMax;
    // The page's own work on top of the network timeout: a dead host gives a verdict, not a hang.
    if (extension.diagnosticsOneDeadMs !== null) v['extension: all checks within the network timeout + 0.5 s, one host dead'] = extension.diagnosticsOneDeadMs < extension.networkTimeoutMs + 500;
    v[`extension: popup ready < ${targets.popupMsMax} ms (logged out and logged in)`] = Math.max(extension.popupLoggedOutMs, extension.popupLoggedInMs) < targets.popupMsMax;
  }
  return v;
}

export function writeReport(report: Report): string {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
