import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { round } from './stats';

/**
 * Where the CPU went during one timed run, from /proc (Linux only; elsewhere every figure is
 * null). Two cores are shared by the servers, PostgreSQL and the load generator, so a throughput
 * only means something next to who was using the cores.
 */
export interface CpuSplit {
  /** The server process(es) under test: the bench process itself for in-process servers. */
  serverMs: number | null;
  /** serverMs process by process: with two, both should be busy (the load is split by connection). */
  serverMsEach: (number | null)[];
  /** Of serverMs, the time in the kernel (system calls: sockets to the clients and to PostgreSQL, the disk). */
  serverSystemMs: number | null;
  /** Every process named `postgres` (backends, WAL writer, checkpointer, autovacuum), whichever database they serve. */
  postgresMs: number | null;
  postgresSystemMs: number | null;
  loadGeneratorMs: number | null;
  /** The bench process when it is not the server (it only waits for the run then). */
  coordinatorMs: number | null;
  /** The whole machine's busy time, everything above included, and anything else that ran. */
  machineMs: number | null;
  /** The processes outside the benchmark that used the most CPU during the run (other work on a shared machine). */
  busiestOthers: { command: string; ms: number }[];
  wallMs: number;
}

export interface CpuRoles {
  server: number[];
  loadGenerator: number | undefined;
}

let ticksPerSecond: number | undefined;
function msPerTick(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const value = Number(out.stdout?.trim());
    ticksPerSecond = Number.isFinite(value) && value > 0 ? value : 100;
  }
  return 1000 / ticksPerSecond;
}

interface Ticks {
  user: number;
  system: number;
}

/** utime and stime of one process, in ticks; undefined when it is gone or there is no /proc. */
function processTicks(pid: number): Ticks | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]), system: Number(fields[12]) };
  } catch {
    return undefined;
  }
}

interface ProcessTicks extends Ticks {
  comm: string;
}

/** Every process's ticks, by pid; undefined without /proc. */
function everyProcess(): Map<number, ProcessTicks> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const all = new Map<number, ProcessTicks>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(entry), { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), user: Number(fields[11]), system: Number(fields[12]) });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return all;
}

function commandLine(pid: number, comm: string): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return (args || comm).replace(/^\S*\/node /, 'node ').slice(0, 80);
  } catch {
    return comm;
  }
}

/** Busy ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineTicks(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal …: time stolen by the hypervisor is not this machine's work.
    const [, user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).map(Number);
    return [user, nice, system, irq, softirq].reduce<number>((sum, v) => sum + (v ?? 0), 0);
  } catch {
    return undefined;
  }
}

interface Snapshot {
  at: number;
  server: (Ticks | undefined)[];
  loadGenerator: Ticks | undefined;
  coordinator: Ticks | undefined;
  processes: Map<number, ProcessTicks> | undefined;
  machine: number | undefined;
}

function snapshot(roles: CpuRoles): Snapshot {
  return {
    at: performance.now(),
    server: roles.server.map(processTicks),
    loadGenerator: roles.loadGenerator === undefined ? undefined : processTicks(roles.loadGenerator),
    coordinator: processTicks(process.pid),
    processes: everyProcess(),
    machine: machineTicks(),
  };
}

const diff = (a: number | undefined, b: number | undefined): number | null => (a === undefined || b === undefined ? null : round((b - a) * msPerTick(), 0));
const total = (t: Ticks | undefined): number | undefined => (t === undefined ? undefined : t.user + t.system);
const sum = (parts: (number | null)[]): number | null => (parts.some((p) => p === null) ? null : parts.reduce<number>((s, p) => s + (p ?? 0), 0));

/** Starts measuring; the returned function ends the measure. */
export function startCpuMeter(roles: CpuRoles): () => CpuSplit {
  const before = snapshot(roles);
  return () => {
    const after = snapshot(roles);
    const inProcess = roles.server.includes(process.pid);
    let postgresMs: number | null = null;
    let postgresSystemMs: number | null = null;
    const others: { pid: number; comm: string; ticks: number }[] = [];
    if (before.processes && after.processes) {
      let ticks = 0;
      let system = 0;
      const ours = new Set([...roles.server, roles.loadGenerator, process.pid]);
      // A process that started during the run counts from zero; one that ended is lost (backends end when idle).
      for (const [pid, t] of after.processes) {
        const was = before.processes.get(pid) ?? { user: 0, system: 0 };
        const delta = t.user + t.system - was.user - was.system;
        if (t.comm === 'postgres') {
          ticks += delta;
          system += t.system - was.system;
        } else if (!ours.has(pid) && delta > 0) {
          others.push({ pid, comm: t.comm, ticks: delta });
        }
      }
      postgresMs = round(ticks * msPerTick(), 0);
      postgresSystemMs = round(system * msPerTick(), 0);
    }
    const busiestOthers = others
      .sort((a, b) => b.ticks - a.ticks)
      .slice(0, 3)
      .map((o) => ({ command: commandLine(o.pid, o.comm), ms: round(o.ticks * msPerTick(), 0) }));
    const serverMsEach = roles.server.map((_, i) => diff(total(before.server[i]), total(after.server[i])));
    return {
      serverMs: sum(serverMsEach),
      serverMsEach,
      serverSystemMs: sum(roles.server.map((_, i) => diff(before.server[i]?.system, after.server[i]?.system))),
      postgresMs,
      postgresSystemMs,
      loadGeneratorMs: diff(total(before.loadGenerator), total(after.loadGenerator)),
      coordinatorMs: inProcess ? null : diff(total(before.coordinator), total(after.coordinator)),
      machineMs: diff(before.machine, after.machine),
      busiestOthers,
      wallMs: round(after.at - before.at, 0),
    };
  };
}
