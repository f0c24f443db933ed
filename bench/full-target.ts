import { join } from 'node:path';
import { buildApp } from '../server/app';
import { systemClock } from '../server/clock';
import { migrateToLatest, openSqlite } from '../server/db/connection';
import { createServices } from '../server/services/index';
import { seedOrderWorld, type Target } from './order-world';
import { benchConfig, openRaw } from './sqlite';

/** The real server: buildApp over openSqlite, as server/main.ts runs it, logging off. */
export async function startFullTarget(dir: string, officineCount: number): Promise<Target> {
  const path = join(dir, 'full.db');
  const config = benchConfig(path);
  const { db, close } = openSqlite(path);
  await migrateToLatest(db);
  const { app, services } = await buildApp({ config, db });

  // A second connection for the bulk rows; the app's own handle is private to openSqlite.
  const bulk = openRaw(path);
  const world = await seedOrderWorld(bulk, services, officineCount).finally(() => bulk.close());

  // Real tokens from the auth service, all in one transaction so setup pays one commit, not thousands.
  const tokens = await db.transaction().execute(async (trx) => {
    const { auth } = createServices({ db: trx, config, clock: systemClock });
    const issued: string[] = [];
    for (const o of world.officines) issued.push((await auth.issuePharmacistToken(o.pharmacistId, o.officineId, 'dev')).token);
    return issued;
  });

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    name: 'full',
    url,
    clients: world.officines.map((o, i) => ({ authorization: `Bearer ${tokens[i] ?? ''}`, linesJson: world.linesJson(o) })),
    openSessions: world.openSessions,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
