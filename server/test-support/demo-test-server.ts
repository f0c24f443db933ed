import { demoOfficines } from '../dev/demo-catalogue';
import { seedDemoData } from '../dev/demo-data';
import { withLuhnKey } from '../dev/identifiers';
import { testIdentities } from '../dev/psc-stand-in/index';
import { findOfficineByFiness } from '../repositories/officines-repository';
import { listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import { startBareTestServer, type BareTestServer, type TestServerOptions } from './test-server';

export interface DemoTestServer extends BareTestServer {
  /** A fresh token for the pharmacist of the demo officine at this position in demo-catalogue (0: 320 effecteurs). */
  demoToken: (officineIndex: number) => Promise<{ token: string; finess: string; name: string; idNat: string }>;
  /** Makes the Pharmacie des Abymes (no demo data) a first login again; returns the idNat PSC knows for its titulaire. */
  resetFirstLogin: () => Promise<{ idNat: string }>;
}

/**
 * The real server with the demo data (a session open now, a past one confirmed and
 * delivered, one officine with 320 effecteurs): what the widget and extension tests use.
 */
export async function startDemoTestServer(options: TestServerOptions = {}): Promise<DemoTestServer> {
  const server = await startBareTestServer(options);
  await seedDemoData(server.db, server.config, server.clock.now());
  // PSC knows Julie Roux's officine but the demo data does not: registered here without an
  // e-mail, it gives the widget tests a first login of their own.
  await server.services.officines.create(
    {
      finess: withLuhnKey('97100999'),
      name: 'Pharmacie des Abymes',
      addressLine: '8 rue Delgrès',
      postalCode: '97139',
      city: 'Les Abymes',
      kind: 'officine',
      email: null,
      siret: null,
    },
    { kind: 'system' },
  );
  const demoOfficine = async (index: number) => {
    const demo = demoOfficines[index];
    if (!demo) throw new Error(`no demo officine at ${index}`);
    const officine = await findOfficineByFiness(server.db, withLuhnKey(demo.finessBody));
    if (!officine) throw new Error(`demo officine ${demo.name} not seeded`);
    return officine;
  };
  return {
    ...server,
    demoToken: async (officineIndex) => {
      const officine = await demoOfficine(officineIndex);
      const [pharmacist] = await listPharmacistsOfOfficine(server.db, officine.id);
      if (!pharmacist) throw new Error(`no pharmacist for ${officine.finess}`);
      const { token } = await server.services.auth.issuePharmacistToken(pharmacist.id, officine.id, 'dev');
      return { token, finess: officine.finess, name: officine.name, idNat: pharmacist.id_nat };
    },
    resetFirstLogin: async () => {
      await server.db.updateTable('officines').set({ email: null }).where('finess', '=', withLuhnKey('97100999')).execute();
      const julie = testIdentities.find((i) => i.lastName === 'Roux');
      if (!julie) throw new Error('the PSC stand-in lost Julie Roux');
      return { idNat: julie.idNat };
    },
  };
}
