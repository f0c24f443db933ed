import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { migrateToLatest, openDatabase } from './db/connection';
import { seedDemoData } from './dev/demo-data';
import { setUpPsc } from './auth/psc/psc-setup';
import { startDemoHost } from './dev/demo-host/demo-host';

/** How often closed sessions are checked for allocation; allocation itself runs once per session. */
const allocationSweepMs = 30_000;
const pscCheckMs = 30_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { db, close } = openDatabase(config.database);
  await migrateToLatest(db);
  const psc = await setUpPsc(config);
  const { app, services } = await buildApp({ config, db, psc: psc.client });
  services.pscMonitor.start(pscCheckMs);
  if (config.seedDemo) {
    const seeded = await seedDemoData(db, config);
    if (seeded) app.log.info(seeded, 'demo data created');
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const demoHost = config.demoHost.enabled ? await startDemoHost({ host: config.host, port: config.demoHost.port, apiUrl: config.publicUrl }) : null;

  const sweep = async (): Promise<void> => {
    try {
      await services.login.purgeExpired();
      await services.emailLogin.purgeExpired();
      const done = await services.allocation.allocateDueSessions();
      if (done.length > 0) app.log.info({ sessions: done }, 'sessions allocated at close');
      const mails = await services.confirmationMails.run();
      if (mails.sent + mails.failed > 0) app.log.info(mails, 'confirmation e-mails');
    } catch (error) {
      app.log.error({ err: error }, 'sweep failed');
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), allocationSweepMs);

  console.log(`Service de commande de vaccins prêt : ${address}`);
  console.log(`  API tRPC : ${address}/trpc   (santé : ${address}/trpc/health)`);
  if (psc.standIn) console.log(`  Pro Santé Connect (simulateur de développement) : ${psc.standIn.discoveryUrl}`);
  if (demoHost) console.log(`  Page de démonstration (logiciel pharmacie, autre origine) : ${demoHost.url}/`);
  if (config.env === 'development') console.log('  Jeton de démonstration : npm run admin -- demo-token');

  const stop = async (): Promise<void> => {
    clearInterval(timer);
    services.pscMonitor.stop();
    await app.close();
    await demoHost?.close();
    await psc.standIn?.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
