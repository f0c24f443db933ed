/**
 * `npm run bench`: order submission over HTTP (full stack against a bare route), a
 * national-scale allocation, the widget and the extension in headless Chromium, and
 * (BENCH_ONLY=postgres) order submission on PostgreSQL with one and two server processes. See docs/BENCHMARKS.md for what
 * is measured and the knobs.
 */
import { loadavg } from 'node:os';
import { runAllocBench } from './alloc-bench';
import { readKnobs } from './knobs';
import { runOrderBench } from './order-bench';
import { runScaleBench } from './pg-bench';
import { command, machine, targets, verdicts, writeReport, type Report } from './report';
import { round } from './stats';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromeDir } from '../extension/e2e/chromium-harness';
import { runExtensionBench } from './extension-bench';
import { allocationTable, extensionTable, ordersTable, scaleTable, verdictLines, widgetTable } from './table';
import { runWidgetBench } from './widget-bench';

const log = (line: string) => console.log(line);

/**
 * What a plain `npm run bench` runs. The PostgreSQL section needs a PostgreSQL server and takes
 * about as long as the two others together: it runs with BENCH_ONLY=postgres only.
 */
const inAll = { orders: true, allocation: true, postgres: false, widget: true, extension: true };

/** The Chrome extension built as the code stands (wxt build); its folder. */
function buildChromeExtension(): string {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: 'ignore' });
  return chromeDir;
}

async function main(): Promise<void> {
  const knobs = readKnobs();
  const m = machine();
  const date = new Date().toISOString();
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  log(`${m.cpu}, ${m.cores} cores, ${m.totalMemoryGb} GB, Node ${m.node}, load average ${loadBefore}`);

  const runs = (section: keyof typeof inAll) => knobs.only === section || (knobs.only === 'all' && inAll[section]);
  const orders = runs('orders') ? await runOrderBench(knobs, log) : undefined;
  const allocation = runs('allocation') ? await runAllocBench(knobs, log) : undefined;
  const postgres = runs('postgres') ? await runScaleBench(knobs, log) : undefined;
  const widget = runs('widget') ? await runWidgetBench(knobs.widgetRuns, log) : undefined;
  const extension = runs('extension') ? await runExtensionBench({ runs: knobs.extensionRuns, extensionDir: buildChromeExtension() }, log) : undefined;
  const loadAverage = { before: loadBefore, after: round(loadavg()[0] ?? 0, 2) };
  const report: Report = {
    machine: m,
    loadAverage,
    command: command(),
    date,
    knobs,
    targets,
    verdicts: verdicts(orders, allocation, postgres, widget, extension),
    orders,
    allocation,
    postgres,
    widget,
    extension,
  };

  log('');
  if (orders) log([...ordersTable(orders, knobs), ''].join('\n'));
  if (allocation) log([...allocationTable(allocation, knobs), ''].join('\n'));
  if (postgres) log([...scaleTable(postgres, knobs), ''].join('\n'));
  if (widget) log([...widgetTable(widget), ''].join('\n'));
  if (extension) log([...extensionTable(extension), ''].join('\n'));
  log(verdictLines(report).join('\n'));
  log(`load average before ${loadAverage.before}, after ${loadAverage.after} (${m.cores} cores)`);
  log(`\nwritten to ${writeReport(report)}`);
  // A run where requests failed measured something else than order submission.
  if ((orders?.failedRequests ?? 0) + (postgres?.failedRequests ?? 0) > 0) process.exitCode = 1;
}

// Exit handlers (temporary databases) do not run when a signal kills the process; an exit does.
process.once('SIGINT', () => process.exit(130));
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
