import type { EffecteurType } from '../shared/domain/effecteur-types';
import type { Db } from '../server/db/schema';
import type { SeededOfficine } from './world';

const structures = new Set<EffecteurType>(['officine', 'laboratoire', 'ehpad', 'autre_structure']);
/** Rows per multi-row insert: at most 11 parameters a row, well under PostgreSQL's 65,535. */
const chunk = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunk) out.push(rows.slice(i, i + chunk));
  return out;
}

/**
 * The PostgreSQL twin of `insertOfficines` (bench/world.ts): the same rows, written in one
 * transaction with multi-row inserts, since a statement is a network round trip here.
 */
export async function insertOfficinesPg(db: Db, count: number, types: readonly EffecteurType[], at: string): Promise<SeededOfficine[]> {
  return db.transaction().execute(async (trx) => {
    const indexes = Array.from({ length: count }, (_, i) => i);
    const officineIds = new Map<string, number>();
    for (const part of chunks(indexes)) {
      const rows = await trx
        .insertInto('officines')
        .values(
          part.map((i) => {
            const departement = String(1 + (i % 95)).padStart(2, '0');
            return {
              finess: `B${String(i).padStart(8, '0')}`,
              name: `Pharmacie du banc ${i}`,
              address_line: '1 rue du Banc',
              postal_code: `${departement}000`,
              city: 'Benchville',
              departement,
              kind: 'officine',
              // An e-mail, since an officine without one may not order.
              email: `banc-${i}@pharmacie.example`,
              created_at: at,
              updated_at: at,
            };
          }),
        )
        .returning(['id', 'finess'])
        .execute();
      for (const r of rows) officineIds.set(r.finess, r.id);
    }
    const pharmacistIds = new Map<string, number>();
    for (const part of chunks(indexes)) {
      const rows = await trx
        .insertInto('pharmacists')
        .values(part.map((i) => ({ id_nat: `8${String(i).padStart(10, '0')}`, first_name: 'Bench', last_name: `Pharmacien ${i}`, created_at: at })))
        .returning(['id', 'id_nat'])
        .execute();
      for (const r of rows) pharmacistIds.set(r.id_nat, r.id);
    }
    const seeded: SeededOfficine[] = indexes.map((i) => {
      const officineId = officineIds.get(`B${String(i).padStart(8, '0')}`);
      const pharmacistId = pharmacistIds.get(`8${String(i).padStart(10, '0')}`);
      if (officineId === undefined || pharmacistId === undefined) throw new Error(`officine ${i} was not inserted`);
      return { officineId, pharmacistId, effecteurs: [] };
    });
    for (const part of chunks(seeded)) {
      await trx
        .insertInto('pharmacist_officines')
        .values(part.map((o) => ({ pharmacist_id: o.pharmacistId, officine_id: o.officineId, role: 'titulaire' })))
        .execute();
    }

    const effecteurRows = seeded.flatMap((o, i) =>
      types.map((type, k) => {
        const ids = structures.has(type) ? { rpps: null, finess: `E${String(i).padStart(7, '0')}${k}` } : { rpps: `1${String(k).padStart(10, '0')}`, finess: null };
        return {
          officine_id: o.officineId,
          type,
          name: `${type} ${k}`,
          rpps: ids.rpps,
          finess: ids.finess,
          email: null,
          notify_by_email: 0,
          active: 1,
          created_at: at,
          updated_at: at,
        };
      }),
    );
    // Names are unique within an officine (they carry the position), so ids are matched by (officine, name), not by row order.
    const effecteurIds = new Map<string, number>();
    for (const part of chunks(effecteurRows)) {
      const rows = await trx.insertInto('effecteurs').values(part).returning(['id', 'officine_id', 'name']).execute();
      for (const r of rows) effecteurIds.set(`${r.officine_id}/${r.name}`, r.id);
    }
    for (const o of seeded) {
      o.effecteurs = types.map((type, k) => {
        const id = effecteurIds.get(`${o.officineId}/${type} ${k}`);
        if (id === undefined) throw new Error(`effecteur ${k} of officine ${o.officineId} was not inserted`);
        return { id, type };
      });
    }
    return seeded;
  });
}
