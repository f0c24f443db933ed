import { demoOfficines } from '../dev/demo-catalogue';
import { seedDemoData } from '../dev/demo-data';
import { withLuhnKey } from '../dev/identifiers';
import { findOfficineByFiness } from '../repositories/officines-repository';
import { listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import { startBareTestServer, type BareTestServer, type TestServerOptions } from './test-server';

export interface DemoTestServer extends BareTestServer {
  /** A fresh token for the pharmacist of the demo officine at this position in demo-catalogue (0: 320 effecteurs). */
  demoToken: (officineIndex: number) => Promise<{ token: string; finess: string; name: string }>;
}

/**
 * The real server with the demo data (a session open now, a past one confirmed and
 * delivered, one officine with 320 effecteurs): what the widget and extension tests use.
 */
export async function startDemoTestServer(options: TestServerOptions = {}): Promise<DemoTestServer> {
  const server = await startBareTestServer(options);
  await seedDemoData(server.db, server.config, server.clock.now());
  return {
    ...server,
    demoToken: async (officineIndex) => {
      const demo = demoOfficines[officineIndex];
      if (!demo) throw new Error(`no demo officine at ${officineIndex}`);
      const finess = withLuhnKey(demo.finessBody);
      const officine = await findOfficineByFiness(server.db, finess);
      if (!officine) throw new Error(`demo officine ${finess} not seeded`);
      const [pharmacist] = await listPharmacistsOfOfficine(server.db, officine.id);
      if (!pharmacist) throw new Error(`no pharmacist for ${finess}`);
      const { token } = await server.services.auth.issuePharmacistToken(pharmacist.id, officine.id, 'dev');
      return { token, finess, name: officine.name };
    },
  };
}
