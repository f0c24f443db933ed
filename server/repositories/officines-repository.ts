import type { Insertable } from 'kysely';
import type { Db, OfficinesTable, OfficineRow } from '../db/schema';

export function findOfficineById(db: Db, id: number): Promise<OfficineRow | undefined> {
  return db.selectFrom('officines').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOfficineByFiness(db: Db, finess: string): Promise<OfficineRow | undefined> {
  return db.selectFrom('officines').selectAll().where('finess', '=', finess).executeTakeFirst();
}

export function listOfficines(db: Db): Promise<OfficineRow[]> {
  return db.selectFrom('officines').selectAll().orderBy('id').execute();
}

export async function insertOfficine(db: Db, row: Insertable<OfficinesTable>): Promise<number> {
  const { id } = await db.insertInto('officines').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function countOfficines(db: Db): Promise<number> {
  const { n } = await db.selectFrom('officines').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export async function setOfficineEmail(db: Db, id: number, email: string, at: string): Promise<void> {
  await db.updateTable('officines').set({ email, updated_at: at }).where('id', '=', id).execute();
}

export function findOfficineBySiret(db: Db, siret: string): Promise<OfficineRow | undefined> {
  return db.selectFrom('officines').selectAll().where('siret', '=', siret).executeTakeFirst();
}

export function findOfficinesByIds(db: Db, ids: readonly number[]): Promise<OfficineRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('officines').selectAll().where('id', 'in', ids).orderBy('name').execute();
}
