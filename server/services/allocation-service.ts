import { allocateSession } from '../../shared/rules/allocation';
import type { ZAllocationSummary } from '../../shared/schemas/admin';
import type { Db } from '../db/schema';
import { AppError } from '../errors';
import { insertAllocations, listDemandLines, listDemandOrders } from '../repositories/allocations-repository';
import { insertAuditEvent } from '../repositories/audit-repository';
import * as sessions from '../repositories/sessions-repository';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { buildAllocationInputs } from './allocation-inputs';
import { loadSessionCatalogue } from './rules-context';

export class AllocationService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Closes (if asked) and allocates a session in one transaction: the claim on the session,
   * the confirmed quantities and the audit event commit together or not at all, so a second
   * caller, at the same time or later, finds it done.
   */
  async closeAndAllocate(sessionId: number, options: { closeNow: boolean }, actor: Actor): Promise<ZAllocationSummary> {
    return this.deps.db.transaction().execute(async (trx) => {
      const now = this.deps.clock.now().toISOString();
      const session = await sessions.findSessionById(trx, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      if (session.allocated_at !== null) throw new AppError('SESSION_ALREADY_ALLOCATED');
      if (session.closes_at > now) {
        if (!options.closeNow) throw new AppError('SESSION_NOT_CLOSED');
        const opensAt = session.opens_at < now ? session.opens_at : now;
        const confirmationAt = session.confirmation_at < now ? now : session.confirmation_at;
        await sessions.updateSession(trx, sessionId, { opens_at: opensAt, closes_at: now, confirmation_at: confirmationAt, updated_at: now });
      }
      if (!(await sessions.markAllocated(trx, sessionId, now))) throw new AppError('SESSION_ALREADY_ALLOCATED');
      const summary = await this.allocate(trx, sessionId, now);
      await insertAuditEvent(trx, {
        at: now,
        actorKind: actor.kind,
        actorId: actorId(actor),
        officineId: null,
        entity: 'session',
        entityId: sessionId,
        action: 'allocate',
        before: null,
        after: summary,
      });
      return summary;
    });
  }

  /** Sessions whose window has closed and that nobody has allocated yet: the scheduler's work list. */
  async allocateDueSessions(): Promise<number[]> {
    const now = this.deps.clock.now().toISOString();
    const due = (await sessions.listSessions(this.deps.db)).filter((s) => s.allocated_at === null && s.closes_at <= now);
    const done: number[] = [];
    for (const session of due) {
      try {
        await this.closeAndAllocate(session.id, { closeNow: false }, { kind: 'system' });
        done.push(session.id);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'SESSION_ALREADY_ALLOCATED')) throw error;
      }
    }
    return done;
  }

  private async allocate(trx: Db, sessionId: number, at: string): Promise<ZAllocationSummary> {
    const [catalogue, orders, demand] = await Promise.all([
      loadSessionCatalogue(trx, sessionId),
      listDemandOrders(trx, sessionId),
      listDemandLines(trx, sessionId),
    ]);
    const inputs = buildAllocationInputs(catalogue, orders, demand);
    const result = allocateSession(inputs);
    // The result lines carry every column insertAllocations writes: no copy of 420,000 objects.
    await insertAllocations(trx, sessionId, result.lines);
    return {
      sessionId,
      allocatedAt: at,
      lineCount: result.lines.length,
      products: result.products.map((p) => ({
        productId: p.productId,
        demandedVials: p.demandedVials,
        confirmedVials: p.confirmedVials,
        substituteVialsGiven: p.substituteVialsGiven,
        stockVials: p.stockVials,
      })),
    };
  }
}
