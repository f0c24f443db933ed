import type { Insertable, Updateable } from 'kysely';
import { fixedQuery } from '../db/fixed-query';
import type { Db, EffecteurRow, EffecteursTable } from '../db/schema';

export function listEffecteursOfOfficine(db: Db, officineId: number): Promise<EffecteurRow[]> {
  return db.selectFrom('effecteurs').selectAll().where('officine_id', '=', officineId).orderBy('id').execute();
}

/** Only what the order rules read of each effecteur (id, type, active), in id order. */
export function listEffecteurRulesOfOfficine(db: Db, officineId: number): Promise<Pick<EffecteurRow, 'id' | 'type' | 'active'>[]> {
  return effecteurRules(db, officineId);
}

const effecteurRules = fixedQuery(1, (db, officineId: number) =>
  db.selectFrom('effecteurs').select(['id', 'type', 'active']).where('officine_id', '=', officineId).orderBy('id'),
);

export async function insertEffecteur(db: Db, row: Insertable<EffecteursTable>): Promise<number> {
  const { id } = await db.insertInto('effecteurs').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Inserts many at once; used by the demo seed and tests. */
export async function insertEffecteurs(db: Db, rows: Insertable<EffecteursTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('effecteurs').values(rows.slice(i, i + 500)).execute();
  }
}

export function findEffecteurOfOfficine(db: Db, officineId: number, id: number): Promise<EffecteurRow | undefined> {
  return db.selectFrom('effecteurs').selectAll().where('officine_id', '=', officineId).where('id', '=', id).executeTakeFirst();
}

/** Another effecteur of the officine with the same RPPS or FINESS, if any. */
export function findSameIdentifier(db: Db, officineId: number, ids: { rpps: string | null; finess: string | null }, exceptId?: number) {
  return db
    .selectFrom('effecteurs')
    .select('id')
    .where('officine_id', '=', officineId)
    .where((eb) => eb.or([...(ids.rpps ? [eb('rpps', '=', ids.rpps)] : []), ...(ids.finess ? [eb('finess', '=', ids.finess)] : []), eb.lit(false)]))
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? 0))
    .executeTakeFirst();
}

export async function updateEffecteur(db: Db, id: number, row: Updateable<EffecteursTable>): Promise<void> {
  await db.updateTable('effecteurs').set(row).where('id', '=', id).execute();
}

export async function deleteEffecteur(db: Db, id: number): Promise<void> {
  await db.deleteFrom('effecteurs').where('id', '=', id).execute();
}

/** Whether any order or delivery names this effecteur: then it must be kept, only deactivated. */
export async function isEffecteurReferenced(db: Db, id: number): Promise<boolean> {
  const line = await db.selectFrom('order_lines').select('id').where('effecteur_id', '=', id).limit(1).executeTakeFirst();
  if (line) return true;
  const delivery = await db.selectFrom('deliveries').select('id').where('effecteur_id', '=', id).limit(1).executeTakeFirst();
  return delivery !== undefined;
}
