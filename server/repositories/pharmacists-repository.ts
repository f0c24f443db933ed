import type { Db } from '../db/schema';

export interface PharmacistRow {
  id: number;
  id_nat: string;
  first_name: string;
  last_name: string;
}

export function findPharmacistById(db: Db, id: number): Promise<PharmacistRow | undefined> {
  return db.selectFrom('pharmacists').select(['id', 'id_nat', 'first_name', 'last_name']).where('id', '=', id).executeTakeFirst();
}

export function findPharmacistByIdNat(db: Db, idNat: string): Promise<PharmacistRow | undefined> {
  return db.selectFrom('pharmacists').select(['id', 'id_nat', 'first_name', 'last_name']).where('id_nat', '=', idNat).executeTakeFirst();
}

export async function insertPharmacist(db: Db, row: { idNat: string; firstName: string; lastName: string; createdAt: string }): Promise<number> {
  const { id } = await db
    .insertInto('pharmacists')
    .values({ id_nat: row.idNat, first_name: row.firstName, last_name: row.lastName, created_at: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function linkPharmacistToOfficine(db: Db, pharmacistId: number, officineId: number, role: string): Promise<void> {
  await db.insertInto('pharmacist_officines').values({ pharmacist_id: pharmacistId, officine_id: officineId, role }).execute();
}

export function listOfficineLinks(db: Db, pharmacistId: number): Promise<{ officine_id: number; role: string }[]> {
  return db.selectFrom('pharmacist_officines').select(['officine_id', 'role']).where('pharmacist_id', '=', pharmacistId).execute();
}

export function isLinked(db: Db, pharmacistId: number, officineId: number): Promise<{ role: string } | undefined> {
  return db
    .selectFrom('pharmacist_officines')
    .select('role')
    .where('pharmacist_id', '=', pharmacistId)
    .where('officine_id', '=', officineId)
    .executeTakeFirst();
}

export function listPharmacistsOfOfficine(db: Db, officineId: number) {
  return db
    .selectFrom('pharmacist_officines as po')
    .innerJoin('pharmacists as p', 'p.id', 'po.pharmacist_id')
    .select(['p.id', 'p.id_nat', 'p.first_name', 'p.last_name', 'po.role'])
    .where('po.officine_id', '=', officineId)
    .orderBy('p.last_name')
    .execute();
}
