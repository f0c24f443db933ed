import type { EffecteurType } from '../shared/domain/effecteur-types';
import { allocateSession, type AllocationPolicy, type DemandLine, type ProductAllocationInput } from '../shared/rules/allocation';
import type { Db } from '../server/db/schema';
import { insertAllocations, listDemandLines } from '../server/repositories/allocations-repository';
import { loadSessionCatalogue } from '../server/services/rules-context';

export interface AllocationSplit {
  readMs: number;
  prepareMs: number;
  allocateMs: number;
  writeMs: number;
}

/**
 * closeAndAllocate's three phases timed one by one, on a fresh copy of the same session.
 * The middle part mirrors AllocationService.allocate (private there); keep the two in step.
 */
export async function timeAllocationPhases(db: Db, sessionId: number): Promise<AllocationSplit> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const [catalogue, demand] = await Promise.all([loadSessionCatalogue(db, sessionId), listDemandLines(db, sessionId)]);
  const readMs = lap();

  const inSession = new Map(catalogue.products.map((p) => [p.product.id, p]));
  const linesByProduct = new Map<number, DemandLine[]>();
  for (const row of demand) {
    const entry = inSession.get(row.product_id);
    const substitute = entry?.product.substituteProductId ? inSession.get(entry.product.substituteProductId) : undefined;
    const list = linesByProduct.get(row.product_id) ?? [];
    list.push({
      lineId: row.line_id,
      officineId: row.officine_id,
      submittedAt: row.submitted_at,
      vials: row.vials,
      preferForMinOne: row.effecteur_type === 'officine',
      substitutable: substitute?.product.allowedEffecteurTypes.includes(row.effecteur_type as EffecteurType) ?? false,
    });
    linesByProduct.set(row.product_id, list);
  }
  const inputs: ProductAllocationInput[] = catalogue.products.map(({ product, rule }) => ({
    productId: product.id,
    stockVials: rule.stock_vials,
    unitVials: product.boxOnly ? product.vialsPerBox : 1,
    policy: rule.policy as AllocationPolicy,
    minOnePerOfficine: rule.min_one_per_officine === 1,
    substituteProductId: product.substituteProductId !== null && inSession.has(product.substituteProductId) ? product.substituteProductId : null,
    lines: linesByProduct.get(product.id) ?? [],
  }));
  const prepareMs = lap();

  const result = allocateSession(inputs);
  const allocateMs = lap();

  const rows = result.lines.map((l) => ({
    lineId: l.lineId,
    confirmedVials: l.confirmedVials,
    substituteProductId: l.substituteProductId,
    substituteVials: l.substituteVials,
    reason: l.reason,
  }));
  await db.transaction().execute((trx) => insertAllocations(trx, sessionId, rows));
  const writeMs = lap();
  return { readMs, prepareMs, allocateMs, writeMs };
}
