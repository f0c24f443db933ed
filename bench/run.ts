/**
 * `npm run bench`: order submission over HTTP (full stack against a bare route) and a
 * national-scale allocation. See docs/BENCHMARKS.md for what is measured and the knobs.
 */
import { runAllocBench } from './alloc-bench';
import { readKnobs } from './knobs';
import { runOrderBench } from './order-bench';
import { command, machine, targets, verdicts, writeReport, type Report } from './report';
import { allocationTable, ordersTable, verdictLines } from './table';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const knobs = readKnobs();
  const m = machine();
  const date = new Date().toISOString();
  log(`${m.cpu}, ${m.cores} cores, ${m.totalMemoryGb} GB, Node ${m.node}`);

  const orders = knobs.only === 'allocation' ? undefined : await runOrderBench(knobs, log);
  const allocation = knobs.only === 'orders' ? undefined : await runAllocBench(knobs, log);
  const report: Report = { machine: m, command: command(), date, knobs, targets, verdicts: verdicts(orders, allocation), orders, allocation };

  log('');
  if (orders) log([...ordersTable(orders, knobs), ''].join('\n'));
  if (allocation) log([...allocationTable(allocation, knobs), ''].join('\n'));
  log(verdictLines(report).join('\n'));
  log(`\nwritten to ${writeReport(report)}`);
  // A run where requests failed measured something else than order submission.
  if (orders && orders.failedRequests > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
