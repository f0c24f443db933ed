import type SQLite from 'better-sqlite3';
import type { EffecteurType } from '../shared/domain/effecteur-types';
import type { ZSessionProductRulesInput } from '../shared/schemas/sessions';
import { demoProducts } from '../server/dev/demo-catalogue';
import type { Services } from '../server/services/index';

export interface SeededOfficine {
  officineId: number;
  pharmacistId: number;
  effecteurs: { id: number; type: EffecteurType }[];
}

const structures = new Set<EffecteurType>(['officine', 'laboratoire', 'ehpad', 'autre_structure']);
const system = { kind: 'system' as const };

/**
 * Officines, one pharmacist each and their effecteurs, in one transaction with prepared
 * statements: going through the services would cost one durable commit per row.
 */
export function insertOfficines(sqlite: SQLite.Database, count: number, types: readonly EffecteurType[], at: string): SeededOfficine[] {
  const officine = sqlite.prepare(
    `insert into officines (finess, name, address_line, postal_code, city, departement, kind, email, created_at, updated_at)
     values (?, ?, '1 rue du Banc', ?, 'Benchville', ?, 'officine', ?, ?, ?)`,
  );
  const pharmacist = sqlite.prepare('insert into pharmacists (id_nat, first_name, last_name, created_at) values (?, ?, ?, ?)');
  const link = sqlite.prepare(`insert into pharmacist_officines (pharmacist_id, officine_id, role) values (?, ?, 'titulaire')`);
  const effecteur = sqlite.prepare(
    `insert into effecteurs (officine_id, type, name, rpps, finess, email, notify_by_email, active, created_at, updated_at)
     values (?, ?, ?, ?, ?, null, 0, 1, ?, ?)`,
  );
  return sqlite.transaction(() => {
    const seeded: SeededOfficine[] = [];
    for (let i = 0; i < count; i++) {
      const departement = String(1 + (i % 95)).padStart(2, '0');
      // An e-mail, since an officine without one may not order.
      const email = `banc-${i}@pharmacie.example`;
      const officineId = Number(officine.run(`B${String(i).padStart(8, '0')}`, `Pharmacie du banc ${i}`, `${departement}000`, departement, email, at, at).lastInsertRowid);
      const pharmacistId = Number(pharmacist.run(`8${String(i).padStart(10, '0')}`, 'Bench', `Pharmacien ${i}`, at).lastInsertRowid);
      link.run(pharmacistId, officineId);
      const effecteurs = types.map((type, k) => {
        const ids = structures.has(type) ? { rpps: null, finess: `E${String(i).padStart(7, '0')}${k}` } : { rpps: `1${String(k).padStart(10, '0')}`, finess: null };
        const id = Number(effecteur.run(officineId, type, `${type} ${k}`, ids.rpps, ids.finess, at, at).lastInsertRowid);
        return { id, type };
      });
      seeded.push({ officineId, pharmacistId, effecteurs });
    }
    return seeded;
  })();
}

/** Products of the demo catalogue, created through the service (substitutes first, as the demo seed does). */
export async function createProducts(services: Services, codes: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const p of [...demoProducts].reverse()) {
    if (!codes.includes(p.code)) continue;
    const { substituteCode, ...fields } = p;
    const substituteProductId = substituteCode ? (ids.get(substituteCode) ?? null) : null;
    ids.set(p.code, (await services.products.upsert({ ...fields, substituteProductId }, system)).id);
  }
  return ids;
}

/** A session open since an hour ago and for two more days, so orders are accepted throughout the run. */
export async function createOpenSession(services: Services, label: string, products: ZSessionProductRulesInput[]): Promise<number> {
  const now = Date.now();
  const iso = (offsetHours: number) => new Date(now + offsetHours * 3_600_000).toISOString();
  const session = await services.sessions.create({ label, times: { opensAt: iso(-1), closesAt: iso(48), confirmationAt: iso(72) }, products }, system);
  return session.id;
}
