import { fixedInsert, fixedQuery } from '../db/fixed-query';
import type { Db, OrderRow } from '../db/schema';

export interface LineValues {
  effecteurId: number;
  productId: number;
  vials: number;
}

export function findOrderById(db: Db, id: number): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrderOfOfficine(db: Db, sessionId: number, officineId: number): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('session_id', '=', sessionId).where('officine_id', '=', officineId).executeTakeFirst();
}

export function findOrderByIdempotencyKey(db: Db, officineId: number, key: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('officine_id', '=', officineId).where('idempotency_key', '=', key).executeTakeFirst();
}

/**
 * What a new submission must know of the officine's orders, in one statement: the order
 * already made with this idempotency key (a replay), and the officine's order in the session.
 * Often the same row; each half of the union is one unique index lookup.
 */
const ordersForSubmission = fixedQuery(3, (db, officineId: number, key: string, sessionId: number) =>
  db
    .selectFrom('orders')
    .selectAll()
    .where('officine_id', '=', officineId)
    .where('idempotency_key', '=', key)
    .unionAll(db.selectFrom('orders').selectAll().where('session_id', '=', sessionId).where('officine_id', '=', officineId)),
);

export async function findOrdersForSubmission(
  db: Db,
  officineId: number,
  key: string,
  sessionId: number,
): Promise<{ byKey: OrderRow | undefined; ofSession: OrderRow | undefined }> {
  const rows = await ordersForSubmission(db, officineId, key, sessionId);
  return { byKey: rows.find((r) => r.idempotency_key === key), ofSession: rows.find((r) => r.session_id === sessionId) };
}

export async function listLines(db: Db, orderId: number): Promise<LineValues[]> {
  const rows = await db
    .selectFrom('order_lines')
    .select(['effecteur_id', 'product_id', 'vials'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ effecteurId: r.effecteur_id, productId: r.product_id, vials: r.vials }));
}

export function listOrdersOfOfficine(db: Db, officineId: number) {
  return db
    .selectFrom('orders as o')
    .leftJoin('order_lines as l', 'l.order_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.session_id',
      'o.officine_id',
      'o.status',
      'o.version',
      'o.submitted_at',
      'o.updated_at',
      eb.fn.count<number | string>('l.id').as('line_count'),
      eb.fn.coalesce(eb.fn.sum<number | string>('l.vials'), eb.lit(0)).as('total_vials'),
    ])
    .where('o.officine_id', '=', officineId)
    .groupBy(['o.id', 'o.session_id', 'o.officine_id', 'o.status', 'o.version', 'o.submitted_at', 'o.updated_at'])
    .orderBy('o.submitted_at', 'desc')
    .execute();
}

const insertOrderReturningId = fixedQuery(
  8,
  (db, sessionId: number, officineId: number, status: string, version: number, idempotencyKey: string, at: string, updatedAt: string, pharmacistId: number | null) =>
    db
      .insertInto('orders')
      .values({
        session_id: sessionId,
        officine_id: officineId,
        status,
        version,
        idempotency_key: idempotencyKey,
        submitted_at: at,
        updated_at: updatedAt,
        pharmacist_id: pharmacistId,
      })
      .returning('id'),
);

export async function insertOrder(
  db: Db,
  row: { sessionId: number; officineId: number; idempotencyKey: string; at: string; pharmacistId: number | null },
): Promise<number> {
  const [inserted] = await insertOrderReturningId(db, row.sessionId, row.officineId, 'submitted', 1, row.idempotencyKey, row.at, row.at, row.pharmacistId);
  if (!inserted) throw new Error('insert into orders returned no id');
  return inserted.id;
}

const insertLineRows = fixedInsert('order_lines', ['order_id', 'effecteur_id', 'product_id', 'vials']);

export async function insertLines(db: Db, orderId: number, lines: readonly LineValues[]): Promise<void> {
  // 4 parameters a row; chunks stay far below SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < lines.length; i += 1000) {
    await insertLineRows(
      db,
      lines.slice(i, i + 1000).map((l) => [orderId, l.effecteurId, l.productId, l.vials]),
    );
  }
}

export async function deleteLines(db: Db, orderId: number): Promise<void> {
  await db.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
}

/**
 * Moves an order to its next version only if nobody else did first: the version read by
 * the client is the condition of the write.
 */
export async function bumpOrderVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: { status: string; at: string; submittedAt?: string; idempotencyKey?: string; pharmacistId: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({
      status: changes.status,
      version: expectedVersion + 1,
      updated_at: changes.at,
      pharmacist_id: changes.pharmacistId,
      ...(changes.submittedAt ? { submitted_at: changes.submittedAt } : {}),
      ...(changes.idempotencyKey ? { idempotency_key: changes.idempotencyKey } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every submitted line of a session with what logistics needs, for the CSV export. */
export function listSessionLinesForExport(db: Db, sessionId: number) {
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .innerJoin('officines as f', 'f.id', 'o.officine_id')
    .innerJoin('effecteurs as e', 'e.id', 'l.effecteur_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .leftJoin('allocations as a', 'a.order_line_id', 'l.id')
    .leftJoin('products as sp', 'sp.id', 'a.substitute_product_id')
    .select([
      'o.id as order_id',
      'o.submitted_at',
      'f.finess as officine_finess',
      'f.name as officine_name',
      'f.departement',
      'e.type as effecteur_type',
      'e.name as effecteur_name',
      'e.rpps',
      'e.finess as effecteur_finess',
      'p.code as product_code',
      'l.vials',
      'a.confirmed_vials',
      'sp.code as substitute_code',
      'a.substitute_vials',
      'a.reason',
    ])
    .where('o.session_id', '=', sessionId)
    .where('o.status', '=', 'submitted')
    .orderBy('f.finess')
    .orderBy('l.id')
    .execute();
}
