/**
 * One allocation in a fresh process (argv: mode, database path, session id), so its RSS
 * high-water is the allocation's and not the setup's, and the JIT is as cold as at a real close.
 */
import { systemClock } from '../server/clock';
import { openSqlite } from '../server/db/connection';
import { createServices } from '../server/services/index';
import type { AllocReply } from './alloc-protocol';
import { timeAllocationPhases } from './alloc-split';
import { benchConfig } from './sqlite';

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

async function main(): Promise<AllocReply> {
  const [mode, path, session] = process.argv.slice(2);
  if (!path || !session) throw new Error('usage: alloc-child <service|split> <db path> <session id>');
  const sessionId = Number(session);
  const { db, close } = openSqlite(path);
  try {
    // The first query opens the driver's connection; that is start-up, not allocation.
    await db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirstOrThrow();
    if (mode === 'split') return { mode: 'split', ...(await timeAllocationPhases(db, sessionId)) };

    const services = createServices({ db, config: benchConfig(path), clock: systemClock });
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const summary = await services.allocation.closeAndAllocate(sessionId, { closeNow: true }, { kind: 'system' });
    const closeAndAllocateMs = performance.now() - started;
    // maxRSS is in kilobytes; read before anything else can raise it.
    const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
    const { n } = await db
      .selectFrom('allocations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return { mode: 'service', closeAndAllocateMs, peakRssMb, rssBeforeMb: mb(rssBefore), summary, allocationRows: Number(n) };
  } finally {
    await close();
  }
}

// Disconnecting lets the process end once the answer is out; the open channel would keep it alive.
const answer = (reply: AllocReply) => process.send?.(reply, () => process.disconnect());
main().then(answer, (error: unknown) => answer({ mode: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
