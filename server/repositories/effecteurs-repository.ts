import type { Insertable } from 'kysely';
import type { Db, EffecteurRow, EffecteursTable } from '../db/schema';

export function listEffecteursOfOfficine(db: Db, officineId: number): Promise<EffecteurRow[]> {
  return db.selectFrom('effecteurs').selectAll().where('officine_id', '=', officineId).orderBy('id').execute();
}

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
