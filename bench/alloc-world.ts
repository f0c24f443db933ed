import { systemClock } from '../server/clock';
import { migrateToLatest, openSqlite } from '../server/db/connection';
import { seededRandom } from '../server/dev/identifiers';
import { createServices } from '../server/services/index';
import type { EffecteurType } from '../shared/domain/effecteur-types';
import type { AllocationPolicy } from '../shared/rules/allocation';
import { allocLinesPerOfficine } from './knobs';
import { benchConfig, openRaw } from './sqlite';
import { createOpenSession, createProducts, insertOfficines } from './world';

/** Five products and every policy, min-one, a substitute and a box-only product: each allocation path runs. */
const products: { code: string; policy: AllocationPolicy; minOne: boolean; unit: number }[] = [
  { code: 'COMIRNATY-30-GRIS', policy: 'proportional', minOne: true, unit: 1 },
  { code: 'SPIKEVAX-BA45-1D', policy: 'maxmin', minOne: false, unit: 1 },
  { code: 'COMIRNATY-10-5-11', policy: 'proportional', minOne: false, unit: 1 },
  { code: 'NUVAXOVID', policy: 'fcfs', minOne: false, unit: 1 },
  { code: 'VIDPREVTYN-BETA', policy: 'proportional', minOne: false, unit: 10 },
];
const effecteurTypes: EffecteurType[] = ['officine', 'medecin', 'infirmier', 'ehpad'];
export const stockShare = 0.6;

export interface NationalSession {
  sessionId: number;
  officines: number;
  lines: number;
  products: { productId: number; code: string; policy: AllocationPolicy; demandVials: number; stockVials: number }[];
}

/**
 * A national session about to close: every officine orders every product for each of its
 * effecteurs. Rows go in through prepared statements in one transaction (setup is not measured);
 * products and the session go through the services so their rules are stored as the server stores them.
 */
export async function buildNationalSession(path: string, officineCount: number): Promise<NationalSession> {
  if (effecteurTypes.length * products.length !== allocLinesPerOfficine) throw new Error('lines per officine do not add up');
  const { db, close } = openSqlite(path);
  const sqlite = openRaw(path);
  try {
    await migrateToLatest(db);
    const services = createServices({ db, config: benchConfig(path), clock: systemClock });
    const productIds = await createProducts(services, products.map((p) => p.code));
    const officines = insertOfficines(sqlite, officineCount, effecteurTypes, new Date().toISOString());

    // Demand first, since the stock is a share of it. Squared draws: many small lines, a few large ones.
    const random = seededRandom(2021);
    const vials = new Int32Array(officineCount * allocLinesPerOfficine);
    const demand = products.map(() => 0);
    for (let i = 0; i < vials.length; i++) {
      const p = i % products.length;
      const unit = products[p]?.unit ?? 1;
      const v = unit * (1 + Math.floor(random() ** 2 * (unit > 1 ? 4 : 30)));
      vials[i] = v;
      demand[p] = (demand[p] ?? 0) + v;
    }
    const stock = products.map((p, i) => Math.floor(((demand[i] ?? 0) * stockShare) / p.unit) * p.unit);
    const sessionId = await createOpenSession(
      services,
      'Session nationale de banc',
      products.map((p, i) => ({ productId: productIds.get(p.code) ?? 0, stockVials: stock[i] ?? 0, policy: p.policy, minOnePerOfficine: p.minOne, caps: [] })),
    );

    const opensAt = Date.now() - 3_600_000;
    const order = sqlite.prepare(
      `insert into orders (session_id, officine_id, status, version, idempotency_key, submitted_at, updated_at, pharmacist_id)
       values (?, ?, 'submitted', 1, ?, ?, ?, ?)`,
    );
    const line = sqlite.prepare('insert into order_lines (order_id, effecteur_id, product_id, vials) values (?, ?, ?, ?)');
    sqlite.transaction(() => {
      let i = 0;
      for (const o of officines) {
        const at = new Date(opensAt + Math.floor(random() * 3_500_000)).toISOString();
        const orderId = Number(order.run(sessionId, o.officineId, `bench-national-${o.officineId}`, at, at, o.pharmacistId).lastInsertRowid);
        for (const e of o.effecteurs) {
          for (const p of products) line.run(orderId, e.id, productIds.get(p.code) ?? 0, vials[i++] ?? 0);
        }
      }
    })();
    return {
      sessionId,
      officines: officineCount,
      lines: vials.length,
      products: products.map((p, i) => ({ productId: productIds.get(p.code) ?? 0, code: p.code, policy: p.policy, demandVials: demand[i] ?? 0, stockVials: stock[i] ?? 0 })),
    };
  } finally {
    sqlite.close();
    await close();
  }
}
