import { bulkInsert } from '../db/bulk-insert';
import type { Db } from '../db/schema';

export interface DemandRow {
  line_id: number;
  officine_id: number;
  product_id: number;
  vials: number;
  submitted_at: string;
  effecteur_type: string;
}

/** Every submitted line of a session: the input of allocation. */
export function listDemandLines(db: Db, sessionId: number): Promise<DemandRow[]> {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .select(['l.id as line_id', 'o.officine_id', 'l.product_id', 'l.vials', 'o.submitted_at', 'e.type as effecteur_type'])
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
