/**
 * `npm run bench`: order submission over HTTP (full stack against a bare route) and a
 * national-scale allocation. See docs/BENCHMARKS.md for what is measured and the knobs.
 */
import { loadavg } from 'node:os';
import { runAllocBench } from './alloc-bench';
import { readKnobs } from './knobs';
import { runOrderBench } from './order-bench';
import { command, machine, targets, verdicts, writeReport, type Report } from './report';
import { round } from './stats';
import { allocationTable, ordersTable, verdictLines } from './table';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const knobs = readKnobs();
  const m = machine();
  const date = new Date().toISOString();
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  log(`${m.cpu}, ${m.cores} cores, ${m.totalMemoryGb} GB, Node ${m.node}, load average ${loadBefore}`);

  const orders = knobs.only === 'allocation' ? undefined : await runOrderBench(knobs, log);
  const allocation = knobs.only === 'orders' ? undefined : await runAllocBench(knobs, log);
  const loadAverage = { before: loadBefore, after: round(loadavg()[0] ?? 0, 2) };
  const report: Report = { machine: m, loadAverage, command: command(), date, knobs, targets, verdicts: verdicts(orders, allocation), orders, allocation };

  log('');
  if (orders) log([...ordersTable(orders, knobs), ''].join('\n'));
  if (allocation) log([...allocationTable(allocation, knobs), ''].join('\n'));
  log(verdictLines(report).join('\n'));
  log(`load average before ${loadAverage.before}, after ${loadAverage.after} (${m.cores} cores)`);
  log(`\nwritten to ${writeReport(report)}`);
  // A run where requests failed measured something else than order submission.
  if (orders && orders.failedRequests > 0) process.exitCode = 1;
}

// Exit handlers (temporary databases) do not run when a signal kills the process; an exit does.
process.once('SIGINT', () => process.exit(130));
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
