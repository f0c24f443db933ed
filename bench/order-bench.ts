import { startBareTarget } from './bare-target';
import { startFullTarget } from './full-target';
import { probeCommits, type CommitProbe } from './commit-probe';
import type { Knobs } from './knobs';
import { LoadGenerator } from './load';
import type { LoadResult } from './load-protocol';
import type { Target } from './order-world';
import { makeTempDir } from './sqlite';
import { median, round } from './stats';

export interface OrderRun extends LoadResult {
  target: Target['name'];
  round: number;
}

export interface OrderMedian {
  target: Target['name'];
  connections: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export interface OrderBenchResult {
  commitProbe: CommitProbe;
  runs: OrderRun[];
  medians: OrderMedian[];
  /** Median full-stack throughput over median bare throughput, per connection count. */
  ratios: { connections: number; rpsRatio: number }[];
  failedRequests: number;
}

/** Pairs are provisioned for at least this rate, or twice the best seen: a warm-up second underestimates, and sessions are cheap. */
const floorRps = 4000;

export async function runOrderBench(knobs: Knobs, log: (line: string) => void): Promise<OrderBenchResult> {
  const tmp = makeTempDir();
  const load = new LoadGenerator();
  const targets: Target[] = [];
  try {
    const commitProbe = probeCommits(tmp.dir);
    log(`orders: one 50-row commit takes ${commitProbe.fullMs} ms with synchronous=FULL (${commitProbe.normalMs} ms with NORMAL) in ${tmp.dir}`);
    log(`orders: seeding ${knobs.orderOfficines} officines × 50 effecteurs on each server…`);
    targets.push(await startFullTarget(tmp.dir, knobs.orderOfficines), await startBareTarget(tmp.dir, knobs.orderOfficines));
    const bestRps = new Map<string, number>();

    const measure = async (target: Target, connections: number, seconds: number): Promise<LoadResult> => {
      const expected = Math.max(floorRps, 2 * (bestRps.get(target.name) ?? 0));
      const sessions = await target.openSessions(Math.ceil((expected * seconds) / target.clients.length) + 1);
      target.beforeRun();
      const result = await load.run({ urls: [target.url], connections, seconds, clients: target.clients, sessions });
      bestRps.set(target.name, Math.max(bestRps.get(target.name) ?? 0, result.rps));
      if (result.capped) log(`  warning: ${target.name}@${connections} used every pair it had and stopped early`);
      return result;
    };

    // One unmeasured second each, so the first timed run does not pay for JIT warm-up and cold pages.
    for (const target of targets) {
      const warm = await measure(target, Math.max(...knobs.connections), 1);
      if (warm.non2xx + warm.errors > 0) throw new Error(`${target.name} fails during warm-up: ${warm.failures.join(' | ')}`);
    }

    const runs: OrderRun[] = [];
    // Interleaved, so slow phases of a noisy machine spread over both servers instead of biasing one.
    for (let r = 1; r <= knobs.rounds; r++) {
      for (const connections of knobs.connections) {
        for (const target of targets) {
          const result = await measure(target, connections, knobs.seconds);
          runs.push({ ...result, target: target.name, round: r });
          // autocannon counts a timeout in errors too.
          const failed = result.non2xx + result.errors;
          log(
            `  round ${r} ${target.name.padEnd(4)} @${String(connections).padStart(3)}: ${round(result.rps)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms` +
              (failed > 0 ? `, ${failed} FAILED: ${result.failures.join(' | ')}` : ''),
          );
        }
      }
    }
    return { commitProbe, ...summarize(runs, knobs.connections) };
  } finally {
    load.close();
    for (const target of targets) await target.close();
    tmp.remove();
  }
}

function summarize(runs: OrderRun[], connectionCounts: number[]): Omit<OrderBenchResult, 'commitProbe'> {
  const medians: OrderMedian[] = [];
  for (const connections of connectionCounts) {
    for (const target of ['full', 'bare'] as const) {
      const mine = runs.filter((r) => r.target === target && r.connections === connections);
      medians.push({
        target,
        connections,
        rps: round(median(mine.map((r) => r.rps))),
        p50Ms: median(mine.map((r) => r.p50Ms)),
        p99Ms: median(mine.map((r) => r.p99Ms)),
      });
    }
  }
  const ratios = connectionCounts.map((connections) => {
    const of = (target: string) => medians.find((m) => m.target === target && m.connections === connections)?.rps ?? Number.NaN;
    return { connections, rpsRatio: round(of('full') / of('bare'), 3) };
  });
  const failedRequests = runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  return { runs, medians, ratios, failedRequests };
}
