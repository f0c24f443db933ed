import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from '../config';
import { migrateToLatest, openSqlite } from '../db/connection';
import { createServices } from '../services/index';
import { countRows } from '../test-support/count-rows';
import { seedDemoData } from './demo-data';

describe('demo data', () => {
  test('a fresh database gets the whole demo world, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vaccins-demo-'));
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${join(dir, 'demo.db')}`, LOG_LEVEL: 'silent' });
    const { db, close } = openSqlite(join(dir, 'demo.db'));
    try {
      await migrateToLatest(db);
      const seeded = await seedDemoData(db, config);
      assert.deepEqual(seeded, { officines: 12, effecteurs: 422, products: 7, pastOrders: 8 });
      assert.equal(await seedDemoData(db, config), null, 'not twice');
      const services = createServices({ db, config, clock: { now: () => new Date() } });
      const sessions = await services.sessions.list();
      assert.deepEqual(sessions.map((s) => s.status).sort(), ['confirmed', 'open']);
      const officines = await services.officines.list();
      assert.deepEqual([...new Set(officines.map((o) => o.kind))].sort(), ['miniere', 'mutualiste', 'officine']);
      const largest = Math.max(...(await Promise.all(officines.map(async (o) => (await services.account.listEffecteurs(o.id)).length))));
      assert.ok(largest >= 300, 'one officine with 300+ effecteurs');
      assert.ok((await countRows(db, 'allocations')) > 0 && (await countRows(db, 'deliveries')) > 0, 'the past session is confirmed and partly delivered');
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
