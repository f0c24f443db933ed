import { join } from 'node:path';
import { buildApp } from '../server/app';
import { systemClock } from '../server/clock';
import { migrateToLatest, openSqlite } from '../server/db/connection';
import { createServices } from '../server/services/index';
import { seedOrderWorld, type Target } from './order-world';
import { benchConfig, openRaw } from './sqlite';
import { insertOfficines } from './world';

/** The real server: buildApp over openSqlite, as server/main.ts runs it, logging off. */
export async function startFullTarget(dir: string, officineCount: number): Promise<Target> {
  const path = join(dir, 'full.db');
  const config = benchConfig(path);
  const { db, close } = openSqlite(path);
  await migrateToLatest(db);
  const { app, services } = await buildApp({ config, db });

  // A second connection for bulk rows and token upkeep; the app's own handle is private to openSqlite.
  const bulk = openRaw(path);
  const world = await seedOrderWorld((n, types, at) => insertOfficines(bulk, n, types, at), services, officineCount);

  // Real tokens from the auth service, all in one transaction so setup pays one commit, not thousands.
  const tokens = await db.transaction().execute(async (trx) => {
    const { auth } = createServices({ db: trx, config, clock: systemClock });
    const issued: string[] = [];
    for (const o of world.officines) issued.push((await auth.issuePharmacistToken(o.pharmacistId, o.officineId, 'dev')).token);
    return issued;
  });

  /*
   * A pharmacist submits from the order form, which has just called sessions.current with the same
   * token; so a submission finds its token used less than a minute ago and does not rewrite it
   * (AuthService touches a token at most once a minute). Without this, nearly every bench request
   * would be a token's first use in minutes and pay one more durable write than real submissions do.
   */
  const freshen = bulk.prepare('update auth_tokens set last_used_at = ?');
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    name: 'full',
    url,
    clients: world.officines.map((o, i) => ({ authorization: `Bearer ${tokens[i] ?? ''}`, linesJson: world.linesJson(o) })),
    openSessions: world.openSessions,
    beforeRun: () => void freshen.run(new Date().toISOString()),
    close: async () => {
      await app.close();
      bulk.close();
      await close();
    },
  };
}
