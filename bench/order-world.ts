import type { EffecteurType } from '../shared/domain/effecteur-types';
import type { ZSessionProductRulesInput } from '../shared/schemas/sessions';
import type { Services } from '../server/services/index';
import { demoCaps } from '../server/dev/demo-catalogue';
import { linesPerOrder } from './knobs';
import { createOpenSession, createProducts, type SeededOfficine } from './world';

/** What the load generator needs to send one officine's orders. */
export interface LoadClient {
  authorization: string;
  /** The `lines` array of the body, serialised once: the session and the key change per request. */
  linesJson: string;
}

/** One server under test; sessions are opened on demand because each officine may order once per session. */
export interface Target {
  name: 'full' | 'bare';
  url: string;
  clients: LoadClient[];
  openSessions: (count: number) => Promise<number[]>;
  /** Puts every officine in the state it has just before it submits (see full-target.ts). */
  beforeRun: () => void;
  close: () => Promise<void>;
}

const gris = 'COMIRNATY-30-GRIS';
const spikevax = 'SPIKEVAX-BA45-1D';
const professionals: EffecteurType[] = ['medecin', 'infirmier', 'sage_femme', 'chirurgien_dentiste', 'medecin_travail'];
/** The officine itself, its EHPAD, then professionals: a mix that exercises type and cap checks. */
const effecteurTypes: EffecteurType[] = ['officine', 'ehpad', ...Array.from({ length: linesPerOrder - 2 }, (_, i) => professionals[i % professionals.length] ?? 'medecin')];

export interface OrderWorld {
  officines: SeededOfficine[];
  linesJson: (officine: SeededOfficine) => string;
  openSessions: (count: number) => Promise<number[]>;
}

/** Bulk officines with their pharmacist and effecteurs: `insertOfficines` on SQLite, `insertOfficinesPg` on PostgreSQL. */
export type OfficineInserter = (count: number, types: readonly EffecteurType[], at: string) => SeededOfficine[] | Promise<SeededOfficine[]>;

/** The same officines, products and session rules on every server's database. */
export async function seedOrderWorld(insert: OfficineInserter, services: Services, officineCount: number): Promise<OrderWorld> {
  const products = await createProducts(services, [gris, spikevax]);
  const grisId = products.get(gris);
  const spikevaxId = products.get(spikevax);
  if (grisId === undefined || spikevaxId === undefined) throw new Error('bench products missing from the demo catalogue');
  const officines = await insert(officineCount, effecteurTypes, new Date().toISOString());
  // The demo session's caps; 2 vials a line stays within every one of them.
  const rules: ZSessionProductRulesInput[] = [
    {
      productId: grisId,
      stockVials: null,
      policy: 'proportional',
      minOnePerOfficine: true,
      caps: demoCaps[gris] ?? [],
    },
    {
      productId: spikevaxId,
      stockVials: null,
      policy: 'maxmin',
      minOnePerOfficine: false,
      caps: demoCaps[spikevax] ?? [],
    },
  ];
  let opened = 0;
  return {
    officines,
    linesJson: (officine) =>
      JSON.stringify(officine.effecteurs.map((e, k) => ({ effecteurId: e.id, productId: k % 2 === 0 ? grisId : spikevaxId, vials: 2 }))),
    openSessions: async (count) => {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) ids.push(await createOpenSession(services, `Session de banc ${++opened}`, rules));
      return ids;
    },
  };
}
