import type { EffecteurType } from '../../shared/domain/effecteur-types';
import { departementFromPostalCode, idNatFromRpps } from '../../shared/rules/identifiers';
import type { Db } from '../db/schema';
import { withLuhnKey } from '../dev/identifiers';
import { insertEffecteur } from '../repositories/effecteurs-repository';
import { insertOfficine } from '../repositories/officines-repository';
import { insertPharmacist, linkPharmacistToOfficine } from '../repositories/pharmacists-repository';
import type { Services } from '../services/index';

export interface OfficineFixture {
  officineId: number;
  pharmacistId: number;
  finess: string;
  effecteurs: { self: number; medecin1: number; medecin2: number; infirmier: number; inactive: number };
  token: string;
}

export interface WorldFixture {
  products: { pfizer: number; moderna: number; boxed: number; medecinOnly: number };
  officines: [OfficineFixture, OfficineFixture];
  sessionId: number;
  adminToken: string;
}

let sequence = 0;

/** A small world for API tests: two officines, four products, one session open at `now`. */
export async function createWorld(db: Db, services: Services, now: Date): Promise<WorldFixture> {
  const system = { kind: 'system' as const };
  const all: EffecteurType[] = ['officine', 'medecin', 'infirmier', 'sage_femme', 'ehpad'];
  const base = { laboratory: 'Test', kind: 'vaccin' as const, vialsPerBox: 10, minVials: 1, boxOnly: false, allowedEffecteurTypes: all, substituteProductId: null };
  const moderna = await services.products.upsert({ ...base, code: 'TEST-MODERNA', label: 'Moderna test', dosesPerVial: 10 }, system);
  const pfizer = await services.products.upsert({ ...base, code: 'TEST-PFIZER', label: 'Pfizer test', dosesPerVial: 6, substituteProductId: moderna.id }, system);
  const boxed = await services.products.upsert({ ...base, code: 'TEST-BOXED', label: 'Boxed test', dosesPerVial: 10, minVials: 10, boxOnly: true }, system);
  const medecinOnly = await services.products.upsert({ ...base, code: 'TEST-PED', label: 'Pédiatrique test', dosesPerVial: 10, allowedEffecteurTypes: ['medecin'] }, system);

  const officines = [await createOfficine(db, services, now, 'A'), await createOfficine(db, services, now, 'B')] as [OfficineFixture, OfficineFixture];
  const session = await services.sessions.create(
    {
      label: 'Session de test',
      times: {
        opensAt: new Date(now.getTime() - 3_600_000).toISOString(),
        closesAt: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
        confirmationAt: new Date(now.getTime() + 4 * 3_600_000).toISOString(),
      },
      expectedDeliveryDates: ['2030-01-10'],
      products: [
        {
          productId: pfizer.id,
          stockVials: 1000,
          policy: 'proportional',
          minOnePerOfficine: false,
          caps: [
            { effecteurType: 'officine', capVials: 10 },
            { effecteurType: 'medecin', capVials: 4 },
            { effecteurType: 'infirmier', capVials: 2 },
          ],
        },
        { productId: moderna.id, stockVials: null, policy: 'maxmin', minOnePerOfficine: false, caps: [] },
        { productId: boxed.id, stockVials: null, policy: 'fcfs', minOnePerOfficine: false, caps: [] },
        { productId: medecinOnly.id, stockVials: 5, policy: 'proportional', minOnePerOfficine: false, caps: [{ effecteurType: 'medecin', capVials: 1 }] },
      ],
    },
    system,
  );
  const { token: adminToken } = await services.auth.issueAdminToken('tests');
  return { products: { pfizer: pfizer.id, moderna: moderna.id, boxed: boxed.id, medecinOnly: medecinOnly.id }, officines, sessionId: session.id, adminToken };
}

async function createOfficine(db: Db, services: Services, now: Date, suffix: string): Promise<OfficineFixture> {
  sequence++;
  const at = now.toISOString();
  const finess = withLuhnKey(`750${String(sequence).padStart(5, '0')}`);
  const officineId = await insertOfficine(db, {
    finess,
    name: `Pharmacie ${suffix}`,
    address_line: '1 rue de la Paix',
    postal_code: '75002',
    city: 'Paris',
    departement: departementFromPostalCode('75002'),
    kind: 'officine',
    email: `${suffix.toLowerCase()}@pharmacie.example`,
    created_at: at,
    updated_at: at,
  });
  const rpps = (n: number) => withLuhnKey(`1${String(sequence).padStart(4, '0')}${String(n).padStart(5, '0')}`);
  const pharmacistId = await insertPharmacist(db, { idNat: idNatFromRpps(rpps(0)), firstName: 'Test', lastName: suffix, createdAt: at });
  await linkPharmacistToOfficine(db, pharmacistId, officineId, 'titulaire');
  const effecteur = (type: string, name: string, ids: { rpps?: string; finess?: string }, active = 1) =>
    insertEffecteur(db, {
      officine_id: officineId,
      type,
      name,
      rpps: ids.rpps ?? null,
      finess: ids.finess ?? null,
      email: null,
      notify_by_email: 1,
      active,
      created_at: at,
      updated_at: at,
    });
  const effecteurs = {
    self: await effecteur('officine', `Pharmacie ${suffix}`, { finess }),
    medecin1: await effecteur('medecin', `Dr Un ${suffix}`, { rpps: rpps(1) }),
    medecin2: await effecteur('medecin', `Dr Deux ${suffix}`, { rpps: rpps(2) }),
    infirmier: await effecteur('infirmier', `Infirmier ${suffix}`, { rpps: rpps(3) }),
    inactive: await effecteur('medecin', `Dr Parti ${suffix}`, { rpps: rpps(4) }, 0),
  };
  const { token } = await services.auth.issuePharmacistToken(pharmacistId, officineId, 'dev');
  return { officineId, pharmacistId, finess, effecteurs, token };
}
