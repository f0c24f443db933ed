import type { Db } from '../db/schema';

/** An officine's order lines for a session with their allocation, if any. */
export function listTrackedLines(db: Db, orderId: number) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('allocations as a', 'a.order_line_id', 'l.id')
    .leftJoin('products as sp', 'sp.id', 'a.substitute_product_id')
    .select([
      'l.effecteur_id',
      'e.name as effecteur_name',
      'e.type as effecteur_type',
      'l.product_id',
      'p.code as product_code',
      'p.label as product_label',
      'p.doses_per_vial',
      'l.vials',
      'a.confirmed_vials',
      'a.substitute_product_id',
      'sp.label as substitute_label',
      'a.substitute_vials',
      'a.reason',
    ])
    .where('l.order_id', '=', orderId)
    .orderBy('l.id')
    .execute();
}

export async function sumConfirmedBySession(db: Db, officineId: number) {
  return db
    .selectFrom('allocations as a')
    .innerJoin('order_lines as l', 'l.id', 'a.order_line_id')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select((eb) => ['o.session_id', eb.fn.sum<number | string>(eb('a.confirmed_vials', '+', eb.ref('a.substitute_vials'))).as('vials')])
    .where('o.officine_id', '=', officineId)
    .groupBy('o.session_id')
    .execute();
}
