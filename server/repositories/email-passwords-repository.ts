import type { Db } from '../db/schema';

export async function insertEmailPassword(db: Db, row: { officineId: number; passwordHash: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('email_passwords')
    .values({ officine_id: row.officineId, password_hash: row.passwordHash, created_at: row.createdAt, expires_at: row.expiresAt })
    .execute();
}

/** Live passwords for the officines that have this e-mail. */
export function listLivePasswords(db: Db, email: string, now: string) {
  return db
    .selectFrom('email_passwords as p')
    .innerJoin('officines as o', 'o.id', 'p.officine_id')
    .select(['p.id', 'p.officine_id', 'p.password_hash'])
    .where('o.email', '=', email)
    .where('p.used_at', 'is', null)
    .where('p.expires_at', '>', now)
    .execute();
}

export async function usePassword(db: Db, id: number, now: string): Promise<boolean> {
  const used = await db.updateTable('email_passwords').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function purgeEmailPasswords(db: Db, now: string): Promise<void> {
  await db.deleteFrom('email_passwords').where('expires_at', '<', now).execute();
}

export function listOfficinesByEmail(db: Db, email: string) {
  return db.selectFrom('officines').select(['id', 'name', 'finess']).where('email', '=', email).execute();
}
