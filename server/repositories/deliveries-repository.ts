import type { Db } from '../db/schema';

export interface DeliveryValues {
  officineId: number;
  effecteurId: number;
  productId: number;
  vials: number;
  deliveredOn: string;
  wholesaler: string;
  lot: string | null;
  /** An announced part (with its expected date), not yet delivered. */
  planned: boolean;
}

export async function insertDeliveryImport(db: Db, sessionId: number, at: string, rows: readonly DeliveryValues[]): Promise<number> {
  const { id } = await db
    .insertInto('delivery_imports')
    .values({ session_id: sessionId, imported_at: at, row_count: rows.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('deliveries')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          import_id: id,
          session_id: sessionId,
          officine_id: r.officineId,
          effecteur_id: r.effecteurId,
          product_id: r.productId,
          vials: r.vials,
          delivered_on: r.deliveredOn,
          wholesaler: r.wholesaler,
          lot: r.lot,
          planned: r.planned ? 1 : 0,
        })),
      )
      .execute();
  }
  return id;
}

/** Identifier lookups for the import: officines by FINESS and their effecteurs by RPPS or FINESS. */
export function listEffecteurIdentifiers(db: Db, officineFinesses: readonly string[]) {
  if (officineFinesses.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('effecteurs as e')
    .innerJoin('officines as o', 'o.id', 'e.officine_id')
    .select(['o.id as officine_id', 'o.finess as officine_finess', 'e.id as effecteur_id', 'e.rpps', 'e.finess'])
    .where('o.finess', 'in', officineFinesses)
    .execute();
}

export function listDeliveriesOfOfficine(db: Db, sessionId: number, officineId: number) {
  return db
    .selectFrom('deliveries')
    .select(['effecteur_id', 'product_id', 'vials', 'delivered_on', 'wholesaler', 'lot', 'planned'])
    .where('session_id', '=', sessionId)
    .where('officine_id', '=', officineId)
    .orderBy('delivered_on')
    .orderBy('id')
    .execute();
}

export async function sumDeliveredBySession(db: Db, officineId: number) {
  return db
    .selectFrom('deliveries')
    .select((eb) => ['session_id', eb.fn.sum<number | string>('vials').as('vials')])
    .where('officine_id', '=', officineId)
    .where('planned', '=', 0)
    .groupBy('session_id')
    .execute();
}

export function listConfirmedOfSession(db: Db, sessionId: number) {
  return db
    .selectFrom('allocations as a')
    .innerJoin('order_lines as l', 'l.id', 'a.order_line_id')
    .select(['l.effecteur_id', 'l.product_id', 'a.confirmed_vials', 'a.substitute_product_id', 'a.substitute_vials'])
    .where('a.session_id', '=', sessionId)
    .execute();
}

export async function sumDeliveredOfSession(db: Db, sessionId: number) {
  return db
    .selectFrom('deliveries')
    .select((eb) => ['effecteur_id', 'product_id', 'planned', eb.fn.sum<number | string>('vials').as('vials')])
    .where('session_id', '=', sessionId)
    .groupBy(['effecteur_id', 'product_id', 'planned'])
    .execute();
}
