import { fork } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AllocMode, AllocReply, ServiceRun } from './alloc-protocol';
import type { AllocationSplit } from './alloc-split';
import { buildNationalSession, type NationalSession } from './alloc-world';
import type { Knobs } from './knobs';
import { makeTempDir } from './sqlite';
import { median, round } from './stats';

export interface AllocBenchResult {
  session: NationalSession;
  runs: Omit<ServiceRun, 'mode' | 'summary'>[];
  closeAndAllocateMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** Medians of the phases, each measured on its own fresh copy. */
  split: AllocationSplit;
  confirmedVials: { productId: number; demandedVials: number; confirmedVials: number; stockVials: number | null }[];
}

function runChild(mode: AllocMode, path: string, sessionId: number): Promise<AllocReply> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./alloc-child.ts', import.meta.url), [mode, path, String(sessionId)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: AllocReply | undefined;
    child.once('message', (message: AllocReply) => (reply = message));
    child.once('exit', (code) => (reply ? resolve(reply) : reject(new Error(`allocation child exited (${code}) without an answer`))));
  });
}

export async function runAllocBench(knobs: Knobs, log: (line: string) => void): Promise<AllocBenchResult> {
  const tmp = makeTempDir();
  try {
    const source = join(tmp.dir, 'national.db');
    log(`allocation: seeding ${knobs.allocOfficines} officines × 20 lines…`);
    const session = await buildNationalSession(source, knobs.allocOfficines);

    // A session allocates once: every run gets its own copy of the file.
    const fresh = async (mode: AllocMode, round: number): Promise<AllocReply> => {
      const path = join(tmp.dir, `national-${mode}-${round}.db`);
      copyFileSync(source, path);
      try {
        const reply = await runChild(mode, path, session.sessionId);
        if (reply.mode === 'error') throw new Error(`allocation ${mode} failed: ${reply.error}`);
        return reply;
      } finally {
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
    };

    const runs: ServiceRun[] = [];
    const splits: AllocationSplit[] = [];
    for (let r = 1; r <= knobs.rounds; r++) {
      const run = await fresh('service', r);
      if (run.mode !== 'service') throw new Error('unexpected allocation answer');
      if (run.summary.lineCount !== session.lines || run.allocationRows !== session.lines) {
        throw new Error(`allocation wrote ${run.allocationRows} rows for ${session.lines} lines`);
      }
      runs.push(run);
      log(`  round ${r}: closeAndAllocate ${round(run.closeAndAllocateMs)} ms, peak RSS ${run.peakRssMb} MB (before: ${run.rssBeforeMb} MB)`);
      const split = await fresh('split', r);
      if (split.mode === 'split') splits.push(split);
    }
    const last = runs[runs.length - 1];
    return {
      session,
      runs: runs.map(({ mode: _mode, summary: _summary, ...figures }) => figures),
      closeAndAllocateMs: round(median(runs.map((r) => r.closeAndAllocateMs))),
      peakRssMb: median(runs.map((r) => r.peakRssMb)),
      rssBeforeMb: median(runs.map((r) => r.rssBeforeMb)),
      split: {
        readMs: round(median(splits.map((s) => s.readMs))),
        prepareMs: round(median(splits.map((s) => s.prepareMs))),
        allocateMs: round(median(splits.map((s) => s.allocateMs))),
        writeMs: round(median(splits.map((s) => s.writeMs))),
      },
      confirmedVials: (last?.summary.products ?? []).map((p) => ({
        productId: p.productId,
        demandedVials: p.demandedVials,
        confirmedVials: p.confirmedVials,
        stockVials: p.stockVials,
      })),
    };
  } finally {
    tmp.remove();
  }
}
