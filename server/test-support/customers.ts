import { withLuhnKey } from '../dev/identifiers';
import type { Db } from '../db/schema';
import { insertEffecteurs, listEffecteursOfOfficine } from '../repositories/effecteurs-repository';
import { insertOfficine } from '../repositories/officines-repository';
import { insertPharmacist, linkPharmacistToOfficine } from '../repositories/pharmacists-repository';
import type { Services } from '../services/index';

/** An officine ready to order: its token and a full order (one line per effecteur). */
export interface Customer {
  officineId: number;
  finess: string;
  token: string;
  lines: { effecteurId: number; productId: number; vials: number }[];
}

const system = { kind: 'system' as const };

/** A product and `sessions` sessions open now, for load and crash tests. */
export async function openSessions(services: Services, sessions = 1): Promise<{ productId: number; sessionIds: number[] }> {
  const product = await services.products.upsert(
    { code: 'LOAD-TEST', label: 'Vaccin test', laboratory: 'Test', kind: 'vaccin', dosesPerVial: 6, vialsPerBox: 10, minVials: 1, boxOnly: false, allowedEffecteurTypes: ['medecin'], substituteProductId: null },
    system,
  );
  const now = Date.now();
  const sessionIds: number[] = [];
  for (let s = 0; s < sessions; s++) {
    const session = await services.sessions.create(
      {
        label: `Session de charge ${s + 1}`,
        times: { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), confirmationAt: new Date(now + 7_200_000).toISOString() },
        products: [{ productId: product.id, stockVials: 1000, policy: 'proportional', minOnePerOfficine: false, caps: [] }],
      },
      system,
    );
    sessionIds.push(session.id);
  }
  return { productId: product.id, sessionIds };
}

/** `count` officines with a pharmacist, `linesPerOrder` médecins each, and a token. */
export async function createCustomers(db: Db, services: Services, productId: number, count: number, linesPerOrder: number): Promise<Customer[]> {
  const at = new Date().toISOString();
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const finess = withLuhnKey(`93${String(i).padStart(6, '0')}`);
    const officineId = await insertOfficine(db, {
      finess,
      name: `Officine ${i}`,
      address_line: '1 rue',
      postal_code: '93200',
      city: 'Saint-Denis',
      departement: '93',
      kind: 'officine',
      email: `o${i}@example.org`,
      created_at: at,
      updated_at: at,
    });
    const pharmacistId = await insertPharmacist(db, { idNat: `8${withLuhnKey(`10${String(i).padStart(8, '0')}`)}`, firstName: 'P', lastName: String(i), createdAt: at });
    await linkPharmacistToOfficine(db, pharmacistId, officineId, 'titulaire');
    await insertEffecteurs(
      db,
      Array.from({ length: linesPerOrder }, (_, n) => ({
        officine_id: officineId,
        type: 'medecin',
        name: `Dr ${n}`,
        rpps: withLuhnKey(`2${String(i).padStart(4, '0')}${String(n).padStart(5, '0')}`),
        finess: null,
        email: null,
        notify_by_email: 1,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    );
    const effecteurs = await listEffecteursOfOfficine(db, officineId);
    const { token } = await services.auth.issuePharmacistToken(pharmacistId, officineId, 'dev');
    customers.push({ officineId, finess, token, lines: effecteurs.map((e, n) => ({ effecteurId: e.id, productId, vials: 1 + ((n + i) % 5) })) });
  }
  return customers;
}
