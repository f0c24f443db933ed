import type { Insertable, Updateable } from 'kysely';
import { fixedQuery } from '../db/fixed-query';
import type { Db, SessionRow, SessionsTable } from '../db/schema';

export function findSessionById(db: Db, id: number): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSessions(db: Db): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().orderBy('opens_at', 'desc').execute();
}

/** The session open at `now`, else the next one to open, else the last one that closed. */
export async function findCurrentSession(db: Db, now: string): Promise<SessionRow | undefined> {
  const open = await db
    .selectFrom('sessions')
    .selectAll()
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .orderBy('closes_at')
    .executeTakeFirst();
  if (open) return open;
  const next = await db.selectFrom('sessions').selectAll().where('opens_at', '>', now).orderBy('opens_at').executeTakeFirst();
  if (next) return next;
  return db.selectFrom('sessions').selectAll().orderBy('closes_at', 'desc').executeTakeFirst();
}

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<number> {
  const { id } = await db.insertInto('sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateSession(db: Db, id: number, row: Updateable<SessionsTable>): Promise<void> {
  await db.updateTable('sessions').set(row).where('id', '=', id).execute();
}

/** Claims the session for allocation: only one caller can flip allocated_at from null. */
export async function markAllocated(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ allocated_at: at, updated_at: at })
    .where('id', '=', id)
    .where('allocated_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SessionProductRuleRow {
  product_id: number;
  stock_vials: number | null;
  policy: string;
  min_one_per_officine: number;
  priority_departements: string;
  min_one_before_surplus: number;
  tie_vaccine_product_id: number | null;
  tie_per: string | null;
  tie_ratio: number | null;
  tie_rule: string | null;
}

export function listSessionProducts(db: Db, sessionId: number): Promise<SessionProductRuleRow[]> {
  return db
    .selectFrom('session_products')
    .select([
      'product_id',
      'stock_vials',
      'policy',
      'min_one_per_officine',
      'priority_departements',
      'min_one_before_surplus',
      'tie_vaccine_product_id',
      'tie_per',
      'tie_ratio',
      'tie_rule',
    ])
    .where('session_id', '=', sessionId)
    .orderBy('product_id')
    .execute();
}

export function listSessionCaps(db: Db, sessionId: number) {
  return db
    .selectFrom('session_caps')
    .select(['product_id', 'effecteur_type', 'cap_vials'])
    .where('session_id', '=', sessionId)
    .execute();
}

/** Replaces a product's rules in a session, caps included. */
export async function putSessionProduct(
  db: Db,
  sessionId: number,
  rule: SessionProductRuleRow,
  caps: { effecteur_type: string; cap_vials: number | null }[],
): Promise<void> {
  await db.deleteFrom('session_caps').where('session_id', '=', sessionId).where('product_id', '=', rule.product_id).execute();
  await db
    .insertInto('session_products')
    .values({ session_id: sessionId, ...rule })
    .onConflict((oc) =>
      oc.columns(['session_id', 'product_id']).doUpdateSet({
        stock_vials: rule.stock_vials,
        policy: rule.policy,
        min_one_per_officine: rule.min_one_per_officine,
        priority_departements: rule.priority_departements,
        min_one_before_surplus: rule.min_one_before_surplus,
        tie_vaccine_product_id: rule.tie_vaccine_product_id,
        tie_per: rule.tie_per,
        tie_ratio: rule.tie_ratio,
        tie_rule: rule.tie_rule,
      }),
    )
    .execute();
  if (caps.length > 0) {
    await db
      .insertInto('session_caps')
      .values(caps.map((c) => ({ session_id: sessionId, product_id: rule.product_id, ...c })))
      .execute();
  }
}

/** What an order needs of its session: the times that decide whether it is open, and each offered product's rules and caps. */
export interface SessionOfferRow {
  opens_at: string;
  closes_at: string;
  confirmation_at: string;
  allocated_at: string | null;
  /** Null on the one row of a session that offers no product. */
  product_id: number | null;
  doses_per_vial: number | null;
  vials_per_box: number | null;
  min_vials: number | null;
  box_only: number | null;
  allowed_effecteur_types: string | null;
  tie_vaccine_product_id: number | null;
  tie_per: string | null;
  tie_ratio: number | null;
  tie_rule: string | null;
  /** Null on a product's one row when it has no caps. */
  effecteur_type: string | null;
  cap_vials: number | null;
}

/**
 * The session, the products it offers and their caps in one statement: one row per cap (or per
 * product without caps), none per product the session does not offer. No rows: no such session.
 */
export function listSessionOffer(db: Db, sessionId: number): Promise<SessionOfferRow[]> {
  return sessionOffer(db, sessionId);
}

const sessionOffer = fixedQuery(1, (db, sessionId: number) =>
  db
    .selectFrom('sessions as s')
    .leftJoin('session_products as sp', 'sp.session_id', 's.id')
    .leftJoin('products as p', 'p.id', 'sp.product_id')
    .leftJoin('session_caps as c', (join) => join.onRef('c.session_id', '=', 'sp.session_id').onRef('c.product_id', '=', 'sp.product_id'))
    .select([
      's.opens_at',
      's.closes_at',
      's.confirmation_at',
      's.allocated_at',
      'p.id as product_id',
      'p.doses_per_vial',
      'p.vials_per_box',
      'p.min_vials',
      'p.box_only',
      'p.allowed_effecteur_types',
      'sp.tie_vaccine_product_id',
      'sp.tie_per',
      'sp.tie_ratio',
      'sp.tie_rule',
      'c.effecteur_type',
      'c.cap_vials',
    ])
    .where('s.id', '=', sessionId)
    .orderBy('sp.product_id'),
);
