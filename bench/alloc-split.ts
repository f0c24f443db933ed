import { allocateSession } from '../shared/rules/allocation';
import type { Db } from '../server/db/schema';
import { insertAllocations, listDemandLines, listDemandOrders } from '../server/repositories/allocations-repository';
import { buildAllocationInputs } from '../server/services/allocation-inputs';
import { loadSessionCatalogue } from '../server/services/rules-context';

export interface AllocationSplit {
  readMs: number;
  prepareMs: number;
  allocateMs: number;
  writeMs: number;
}

/**
 * closeAndAllocate's three phases timed one by one, on a fresh copy of the same session.
 * The prepare step is the service's own buildAllocationInputs, so both measure the same work.
 */
export async function timeAllocationPhases(db: Db, sessionId: number): Promise<AllocationSplit> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const [catalogue, orders, demand] = await Promise.all([
    loadSessionCatalogue(db, sessionId),
    listDemandOrders(db, sessionId),
    listDemandLines(db, sessionId),
  ]);
  const readMs = lap();

  const inputs = buildAllocationInputs(catalogue, orders, demand);
  const prepareMs = lap();

  const result = allocateSession(inputs);
  const allocateMs = lap();

  await db.transaction().execute((trx) => insertAllocations(trx, sessionId, result.lines));
  const writeMs = lap();
  return { readMs, prepareMs, allocateMs, writeMs };
}
