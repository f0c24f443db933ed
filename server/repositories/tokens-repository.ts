import type { Insertable } from 'kysely';
import { fixedQuery } from '../db/fixed-query';
import type { AuthTokenRow, AuthTokensTable, Db } from '../db/schema';

export async function insertToken(db: Db, row: Insertable<AuthTokensTable>): Promise<number> {
  const { id } = await db.insertInto('auth_tokens').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The token with its officine's e-mail, read in the same query since every request needs both. */
export async function findTokenByHash(db: Db, hash: string): Promise<(AuthTokenRow & { officine_email: string | null }) | undefined> {
  const [row] = await tokenByHash(db, hash);
  return row;
}

const tokenByHash = fixedQuery(1, (db, hash: string) =>
  db.selectFrom('auth_tokens as t').leftJoin('officines as o', 'o.id', 't.officine_id').selectAll('t').select('o.email as officine_email').where('t.token_hash', '=', hash),
);

export async function touchToken(db: Db, id: number, at: string, idleExpiresAt: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ last_used_at: at, idle_expires_at: idleExpiresAt }).where('id', '=', id).execute();
}

export async function revokeToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** The officine's latest logins (each issued pharmacist token is one login). */
export function listRecentLogins(db: Db, officineId: number, limit: number) {
  return db
    .selectFrom('auth_tokens')
    .select(['created_at', 'method', 'pharmacist_id'])
    .where('officine_id', '=', officineId)
    .where('kind', '=', 'pharmacist')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function listLastLoginByPharmacist(db: Db, officineId: number) {
  return db
    .selectFrom('auth_tokens')
    .select((eb) => ['pharmacist_id', eb.fn.max('created_at').as('last_login_at')])
    .where('officine_id', '=', officineId)
    .where('kind', '=', 'pharmacist')
    .groupBy('pharmacist_id')
    .execute();
}
