import { loadavg } from 'node:os';
import { startCpuMeter, type CpuSplit } from './cpu';
import type { Knobs } from './knobs';
import { LoadGenerator } from './load';
import type { LoadResult } from './load-protocol';
import { readPostgresSettings, type PostgresSettings } from './pg';
import { serverPoolSize, startPgRawTarget, startPgStackTarget, startSqliteTarget, type ScaleTarget, type ScaleTargetName } from './pg-targets';
import { makeTempDir } from './sqlite';
import { median, round } from './stats';

export interface ScaleRun extends LoadResult {
  target: ScaleTargetName;
  round: number;
  /** 1-minute load average just before the run. */
  loadAverage: number;
  cpu: CpuSplit;
}

/** CPU milliseconds per completed order, by who spent them (medians across rounds; null without /proc). */
export interface CpuPerOrder {
  server: number | null;
  postgres: number | null;
  loadGenerator: number | null;
  /** The machine's busy time not in the three above: the kernel's share of networking, the bench process while it waits, other work on the machine. */
  rest: number | null;
}

export interface ScaleMedian {
  target: ScaleTargetName;
  connections: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerOrder: CpuPerOrder;
  /** Busy cores over the run, the whole machine: 2 means both cores were saturated. */
  busyCores: number | null;
  /** Share of the server's and of PostgreSQL's CPU time spent in the kernel (system time). */
  kernelShare: { server: number | null; postgres: number | null };
}

export interface ScaleRatios {
  connections: number;
  /** Full stack on PostgreSQL, one process, against the raw transaction on PostgreSQL: what the stack costs there. */
  pg1OverRaw: number;
  /** Two server processes against one, on the same database: what a second process brings on this machine. */
  pg2OverPg1: number;
  /** One process on PostgreSQL against one on SQLite: what moving the database out of the process costs. */
  pg1OverSqlite1: number;
}

export interface ScaleBenchResult {
  postgres: PostgresSettings;
  /** Connections in each server process's pool, and in the raw route's. */
  poolSize: number;
  setupSeconds: number;
  runs: ScaleRun[];
  medians: ScaleMedian[];
  ratios: ScaleRatios[];
  failedRequests: number;
}

/** Sessions are provisioned for at least this rate, or twice the best seen (as in order-bench.ts). */
const floorRps = 4000;

/**
 * Order submission on PostgreSQL with one and two server processes, against SQLite in one
 * process and against the raw transaction on PostgreSQL. See docs/BENCHMARKS.md.
 */
export async function runScaleBench(knobs: Knobs, log: (line: string) => void): Promise<ScaleBenchResult> {
  const postgres = await readPostgresSettings(knobs.postgresAdminUrl);
  log(`postgres: PostgreSQL ${postgres.version}, synchronous_commit=${postgres.synchronousCommit}, fsync=${postgres.fsync}, shared_buffers=${postgres.sharedBuffers}`);
  const tmp = makeTempDir();
  const load = new LoadGenerator();
  const targets: ScaleTarget[] = [];
  const setupStarted = performance.now();
  try {
    log(`postgres: seeding ${knobs.orderOfficines} officines × 50 effecteurs in SQLite and in three PostgreSQL databases, starting three server processes…`);
    targets.push(await startSqliteTarget(tmp.dir, knobs.orderOfficines));
    targets.push(await startPgStackTarget('pg-1', 1, knobs.postgresAdminUrl, knobs.orderOfficines));
    targets.push(await startPgStackTarget('pg-2', 2, knobs.postgresAdminUrl, knobs.orderOfficines));
    targets.push(await startPgRawTarget(knobs.postgresAdminUrl, knobs.orderOfficines));
    const setupSeconds = round((performance.now() - setupStarted) / 1000);
    const bestRps = new Map<string, number>();

    const measure = async (target: ScaleTarget, connections: number, seconds: number): Promise<{ result: LoadResult; cpu: CpuSplit }> => {
      const expected = Math.max(floorRps, 2 * (bestRps.get(target.name) ?? 0));
      const sessions = await target.openSessions(Math.ceil((expected * seconds) / target.clients.length) + 1);
      await target.beforeRun();
      const stop = startCpuMeter({ server: target.serverPids, loadGenerator: load.pid });
      const result = await load.run({ urls: target.urls, connections, seconds, clients: target.clients, sessions });
      const cpu = stop();
      bestRps.set(target.name, Math.max(bestRps.get(target.name) ?? 0, result.rps));
      if (result.capped) log(`  warning: ${target.name}@${connections} used every pair it had and stopped early`);
      return { result, cpu };
    };

    // Two unmeasured seconds each: the server processes start cold, and at a few hundred orders a second one is not enough for the JIT.
    for (const target of targets) {
      const { result } = await measure(target, Math.max(...knobs.connections), 2);
      if (result.non2xx + result.errors > 0) throw new Error(`${target.name} fails during warm-up: ${result.failures.join(' | ')}`);
    }

    const runs: ScaleRun[] = [];
    for (let r = 1; r <= knobs.rounds; r++) {
      for (const connections of knobs.connections) {
        for (const target of targets) {
          const loadAverage = round(loadavg()[0] ?? 0, 2);
          const { result, cpu } = await measure(target, connections, knobs.seconds);
          runs.push({ ...result, target: target.name, round: r, loadAverage, cpu });
          const failed = result.non2xx + result.errors;
          const perOrder = (ms: number | null) => (ms === null || result.requests === 0 ? '?' : round(ms / result.requests, 2));
          const busiest = cpu.busiestOthers[0];
          const others = busiest && busiest.ms > 0.05 * cpu.wallMs ? `, busiest other process ${round(busiest.ms / cpu.wallMs, 2)} cores: ${busiest.command}` : '';
          log(
            `  round ${r} ${target.name.padEnd(8)} @${String(connections).padStart(3)}: ${round(result.rps)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
              `CPU ms/order server ${perOrder(cpu.serverMs)} postgres ${perOrder(cpu.postgresMs)} load ${perOrder(cpu.loadGeneratorMs)}, load average ${loadAverage}${others}` +
              (failed > 0 ? `, ${failed} FAILED: ${result.failures.join(' | ')}` : ''),
          );
        }
      }
    }
    return { postgres, poolSize: serverPoolSize, setupSeconds, ...summarize(runs, knobs.connections, targets.map((t) => t.name)) };
  } finally {
    load.close();
    for (const target of targets) {
      try {
        await target.close();
      } catch (error) {
        log(`postgres: closing ${target.name} failed: ${String(error)}`);
      }
    }
    tmp.remove();
  }
}

function medianOrNull(values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return median(values as number[]);
}

function summarize(runs: ScaleRun[], connectionCounts: number[], names: ScaleTargetName[]) {
  const medians: ScaleMedian[] = [];
  for (const connections of connectionCounts) {
    for (const target of names) {
      const mine = runs.filter((r) => r.target === target && r.connections === connections);
      const perOrder = (pick: (c: CpuSplit) => number | null) => {
        const m = medianOrNull(
          mine.map((r) => {
            const ms = pick(r.cpu);
            return ms === null || r.requests === 0 ? null : ms / r.requests;
          }),
        );
        return m === null ? null : round(m, 2);
      };
      const cores = medianOrNull(mine.map((r) => (r.cpu.machineMs === null ? null : r.cpu.machineMs / r.cpu.wallMs)));
      const share = (part: (c: CpuSplit) => number | null, whole: (c: CpuSplit) => number | null) => {
        const m = medianOrNull(
          mine.map((r) => {
            const p = part(r.cpu);
            const w = whole(r.cpu);
            return p === null || !w ? null : p / w;
          }),
        );
        return m === null ? null : round(m, 2);
      };
      medians.push({
        target,
        connections,
        rps: round(median(mine.map((r) => r.rps))),
        p50Ms: median(mine.map((r) => r.p50Ms)),
        p99Ms: median(mine.map((r) => r.p99Ms)),
        cpuMsPerOrder: {
          server: perOrder((c) => c.serverMs),
          postgres: perOrder((c) => c.postgresMs),
          loadGenerator: perOrder((c) => c.loadGeneratorMs),
          rest: perOrder((c) =>
            c.machineMs === null || c.serverMs === null || c.postgresMs === null || c.loadGeneratorMs === null
              ? null
              : c.machineMs - c.serverMs - c.postgresMs - c.loadGeneratorMs,
          ),
        },
        busyCores: cores === null ? null : round(cores, 2),
        kernelShare: { server: share((c) => c.serverSystemMs, (c) => c.serverMs), postgres: share((c) => c.postgresSystemMs, (c) => c.postgresMs) },
      });
    }
  }
  const ratios: ScaleRatios[] = connectionCounts.map((connections) => {
    const of = (target: ScaleTargetName) => medians.find((m) => m.target === target && m.connections === connections)?.rps ?? Number.NaN;
    return {
      connections,
      pg1OverRaw: round(of('pg-1') / of('pg-raw'), 3),
      pg2OverPg1: round(of('pg-2') / of('pg-1'), 3),
      pg1OverSqlite1: round(of('pg-1') / of('sqlite-1'), 3),
    };
  });
  const failedRequests = runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  return { runs, medians, ratios, failedRequests };
}
