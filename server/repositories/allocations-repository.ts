import { bulkInsert } from '../db/bulk-insert';
import type { Db } from '../db/schema';

export interface DemandOrder {
  id: number;
  officine_id: number;
  submitted_at: string;
  departement: string | null;
}

/** The submitted orders of a session, with what allocation needs of their officine. */
export function listDemandOrders(db: Db, sessionId: number): Promise<DemandOrder[]> {
  return db
    .selectFrom('orders as o')
    .innerJoin('officines as f', 'f.id', 'o.officine_id')
    .select(['o.id', 'o.officine_id', 'o.submitted_at', 'f.departement'])
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .execute();
}

export interface DemandRow {
  line_id: number;
  order_id: number;
  product_id: number;
  vials: number;
  effecteur_type: string;
}

/**
 * Every line of those orders. Order fields are read once per order above, not once per
 * line: at national scale this is 420,000 rows, and each column is an object field to build.
 */
export function listDemandLines(db: Db, sessionId: number): Promise<DemandRow[]> {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .select(['l.id as line_id', 'l.order_id', 'l.product_id', 'l.vials', 'e.type as effecteur_type'])
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .execute();
}

export interface AllocationValues {
  lineId: number;
  confirmedVials: number;
  substituteProductId: number | null;
  substituteVials: number;
  reason: string;
}

export async function insertAllocations(db: Db, sessionId: number, rows: readonly AllocationValues[]): Promise<void> {
  await bulkInsert(
    db,
    'allocations',
    rows.map((r) => ({
      order_line_id: r.lineId,
      session_id: sessionId,
      confirmed_vials: r.confirmedVials,
      substitute_product_id: r.substituteProductId,
      substitute_vials: r.substituteVials,
      reason: r.reason,
    })),
  );
}
