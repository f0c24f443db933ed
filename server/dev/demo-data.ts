import { addDaysToDate, mondayOf, parisWallClockToUtc, utcToParisParts } from '../../shared/calendar/paris-time';
import { sessionTimesForWeek } from '../../shared/calendar/session-calendar';
import { departementFromPostalCode, idNatFromRpps } from '../../shared/rules/identifiers';
import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { ZSessionProductRulesInput } from '../../shared/schemas/sessions';
import type { AppConfig } from '../config';
import type { Db } from '../db/schema';
import { insertEffecteurs } from '../repositories/effecteurs-repository';
import { countOfficines, insertOfficine } from '../repositories/officines-repository';
import { findPharmacistByIdNat, insertPharmacist, linkPharmacistToOfficine, listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import { createServices } from '../services/index';
import { demoCaps, demoOfficines, demoProducts } from './demo-catalogue';
import { fakeRpps, seededRandom, withLuhnKey } from './identifiers';

const firstNames = ['Alice', 'Bruno', 'Camille', 'David', 'Élodie', 'François', 'Gaëlle', 'Henri', 'Isabelle', 'Jérôme', 'Karim', 'Laure', 'Marc', 'Nadia', 'Olivier', 'Pauline'];
const lastNames = ['Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Chevalier', 'Blanc', 'Guerin', 'Boyer', 'Roux', 'Faure', 'André', 'Mercier', 'Dupont', 'Leroy', 'Girard', 'Bonnet'];
const professionalTypes: EffecteurType[] = ['medecin', 'medecin', 'medecin', 'infirmier', 'infirmier', 'sage_femme', 'chirurgien_dentiste', 'medecin_travail'];
const typeTitles: Partial<Record<EffecteurType, string>> = { medecin: 'Dr', chirurgien_dentiste: 'Dr', medecin_travail: 'Dr', sage_femme: 'Mme', infirmier: '' };


/**
 * Seeds an empty database with a small but complete world: officines of the three kinds,
 * their pharmacists and effecteurs (one with 300+), the campaign's products, a session
 * open now and a past one closed, confirmed and partly delivered. Returns null when the
 * database already has data.
 */
export async function seedDemoData(db: Db, config: AppConfig, now = new Date()): Promise<Record<string, number> | null> {
  if ((await countOfficines(db)) > 0) return null;
  const random = seededRandom(2021);
  const at = now.toISOString();
  const admin = { kind: 'system' as const };
  const services = createServices({ db, config, clock: { now: () => now } });

  const productIds = new Map<string, number>();
  for (const p of [...demoProducts].reverse()) {
    const { substituteCode, ...fields } = p;
    const product = await services.products.upsert({ ...fields, substituteProductId: substituteCode ? (productIds.get(substituteCode) ?? null) : null }, admin);
    productIds.set(p.code, product.id);
  }

  let effecteurCount = 0;
  const officineIds: number[] = [];
  for (const o of demoOfficines) {
    const finess = withLuhnKey(o.finessBody);
    const officineId = await insertOfficine(db, {
      finess,
      name: o.name,
      address_line: o.addressLine,
      postal_code: o.postalCode,
      city: o.city,
      departement: departementFromPostalCode(o.postalCode),
      kind: o.kind,
      email: o.email,
      siret: o.siret ?? null,
      created_at: at,
      updated_at: at,
    });
    officineIds.push(officineId);
    const idNat = idNatFromRpps(withLuhnKey(o.pharmacist.rppsBody));
    const pharmacistId =
      (await findPharmacistByIdNat(db, idNat))?.id ??
      (await insertPharmacist(db, { idNat, firstName: o.pharmacist.firstName, lastName: o.pharmacist.lastName, createdAt: at }));
    await linkPharmacistToOfficine(db, pharmacistId, officineId, o.pharmacist.role);

    const base = { officine_id: officineId, email: null, notify_by_email: 1, active: 1, created_at: at, updated_at: at };
    const rows: { type: string; name: string; rpps: string | null; finess: string | null; active: number }[] = [{ type: 'officine', name: o.name, rpps: null, finess, active: 1 }];
    rows.push({ type: 'ehpad', active: 1, name: `EHPAD Les Tilleuls (${o.city})`, rpps: null, finess: withLuhnKey(o.finessBody.slice(0, 2) + String(600000 + officineId).padStart(6, '0')) });
    const seen = new Set<string>();
    for (let i = 0; i < o.effecteurs; i++) {
      const type = professionalTypes[i % professionalTypes.length] ?? 'medecin';
      let rpps = fakeRpps(random);
      while (seen.has(rpps)) rpps = fakeRpps(random);
      seen.add(rpps);
      const first = firstNames[Math.floor(random() * firstNames.length)] ?? 'Alice';
      const last = lastNames[Math.floor(random() * lastNames.length)] ?? 'Martin';
      const title = typeTitles[type] ?? '';
      rows.push({ type, name: `${title ? `${title} ` : ''}${first} ${last}`, rpps, finess: null, active: i === 5 ? 0 : 1 });
    }
    await insertEffecteurs(db, rows.map((r) => ({ ...base, ...r })));
    effecteurCount += rows.length;
  }

  const pastCount = await seedPastSession(db, config, now, productIds, officineIds);
  await seedOpenSession(services, now, productIds);
  return { officines: officineIds.length, effecteurs: effecteurCount, products: productIds.size, pastOrders: pastCount };
}

function rulesFor(productIds: Map<string, number>, stock: Record<string, number | null>): ZSessionProductRulesInput[] {
  const dilutedVaccine = productIds.get('COMIRNATY-10-5-11');
  return [...productIds.entries()].map(([code, productId]) => ({
    productId,
    stockVials: stock[code] ?? null,
    policy: code === 'SPIKEVAX-BA45-1D' ? 'maxmin' : 'proportional',
    minOnePerOfficine: code === 'COMIRNATY-30-GRIS',
    caps: demoCaps[code] ?? [],
    // The March 2021 rule: one vial for every ordering officine, then the hardest-hit départements.
    ...(code === 'COMIRNATY-30-GRIS' ? { priorityDepartements: ['13', '59'], minOneBeforeSurplus: true } : {}),
    // The pediatric vaccine is diluted: at most one vial of solvent per vial ordered.
    ...(code === 'SOLVANT-NACL-09' && dilutedVaccine ? { tie: { vaccineProductId: dilutedVaccine, per: 'vial' as const, ratio: 1, rule: 'at_most' as const } } : {}),
  }));
}

async function seedOpenSession(services: ReturnType<typeof createServices>, now: Date, productIds: Map<string, number>): Promise<void> {
  const system = { kind: 'system' as const };
  const today = utcToParisParts(now.toISOString()).date;
  // Open now whatever the day, so a fresh `npm start` can be tried at once.
  const opensAt = new Date(now.getTime() - 60 * 60_000).toISOString();
  const closesAt = parisWallClockToUtc(addDaysToDate(today, 1), '23:00');
  const confirmationAt = parisWallClockToUtc(addDaysToDate(today, 2), '18:00');
  const open = await services.sessions.create(
    {
      label: `Session de commande du ${today}`,
      times: { opensAt, closesAt, confirmationAt },
      expectedDeliveryDates: [addDaysToDate(today, 9), addDaysToDate(today, 10)],
      products: rulesFor(productIds, { 'COMIRNATY-30-GRIS': 40_000, 'SPIKEVAX-BA45-1D': 60_000 }),
    },
    system,
  );
  // This week SpF also asks officines how many doses they hold.
  await services.stockSurvey.setOpen(open.id, true, system);
}

async function seedPastSession(db: Db, config: AppConfig, now: Date, productIds: Map<string, number>, officineIds: number[]): Promise<number> {
  const monday = mondayOf(addDaysToDate(utcToParisParts(now.toISOString()).date, -14));
  const times = sessionTimesForWeek(monday);
  const at = (iso: string) => createServices({ db, config, clock: { now: () => new Date(iso) } });
  const before = at(new Date(Date.parse(times.opensAt) - 3_600_000).toISOString());
  const session = await before.sessions.create(
    {
      label: `Session de commande du ${monday}`,
      times: { weekOf: monday },
      // Scarce Pfizer (substituted by Moderna) and scarce Moderna show reductions and their reasons.
      products: rulesFor(productIds, { 'COMIRNATY-30-GRIS': 30, 'SPIKEVAX-BA45-1D': 60 }),
    },
    { kind: 'system' },
  );

  let orders = 0;
  for (const [index, officineId] of officineIds.slice(0, 8).entries()) {
    const during = at(new Date(Date.parse(times.opensAt) + (index + 1) * 3_600_000).toISOString());
    const current = await during.sessions.current(officineId);
    const [pharmacist] = await listPharmacistsOfOfficine(db, officineId);
    if (!pharmacist) throw new Error(`demo officine ${officineId} has no pharmacist`);
    const lines = current.products
      .filter((p) => ['COMIRNATY-30-GRIS', 'SPIKEVAX-BA45-1D'].includes(p.product.code))
      .flatMap((p) => p.eligibleEffecteurIds.slice(0, 4).map((effecteurId, i) => ({ effecteurId, productId: p.product.id, vials: i === 0 ? 3 : 1 })));
    await during.orders.create({ officineId, pharmacistId: pharmacist.id }, { sessionId: session.id, lines, idempotencyKey: `demo-past-${officineId}` });
    orders++;
  }
  const after = at(new Date(Date.parse(times.confirmationAt) + 3_600_000).toISOString());
  await after.allocation.closeAndAllocate(session.id, { closeNow: false }, { kind: 'system' });
  const csv = await after.exports.sessionOrdersCsv(session.id);
  const restDate = addDaysToDate(utcToParisParts(now.toISOString()).date, 3);
  const deliveryRows = csv.csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(';'))
    .filter((f) => Number(f[11]) > 0)
    .flatMap((f, i) => {
      const line = (vials: number, date: string | undefined, status: string) =>
        [f[2], f[7] || f[8], f[9], vials, date, i18nWholesaler(f[4]), status === 'prévu' ? '' : 'LOT-DEMO-01', status].join(';');
      const confirmed = Number(f[11]);
      // A third of the lines are delivered in two parts: the rest announced for later this week.
      if (i % 3 === 2 && confirmed > 1) return [line(1, times.expectedDeliveryDates[0], 'livré'), line(confirmed - 1, restDate, 'prévu')];
      return [line(confirmed, times.expectedDeliveryDates[0], 'livré')];
    });
  await after.deliveries.importCsv(session.id, ['finess_officine;effecteur;produit;flacons;date;grossiste;lot;statut', ...deliveryRows].join('\n'), { kind: 'system' });
  return orders;
}

function i18nWholesaler(departement: string | undefined): string {
  return departement && Number.parseInt(departement, 10) < 50 ? 'OCP Répartition' : 'CERP Rouen';
}
