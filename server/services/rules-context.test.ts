import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../config';
import { migrateToLatest, openSqlite, type OpenedDatabase } from '../db/connection';
import { findOrdersForSubmission, insertOrder } from '../repositories/orders-repository';
import { createWorld, type WorldFixture } from '../test-support/fixtures';
import { createServices, type Services } from './index';
import { loadRulesContext, loadSessionRules } from './rules-context';

const system = { kind: 'system' as const };

/** The caps of each product as sorted lists: their order in the map carries no meaning. */
const sortedCaps = (caps: ReadonlyMap<number, readonly { effecteurType: string; capVials: number | null }[]>) =>
  new Map([...caps].map(([id, list]) => [id, [...list].sort((a, b) => a.effecteurType.localeCompare(b.effecteurType))]));

describe('the order path reads its session in one statement', () => {
  let opened: OpenedDatabase;
  let services: Services;
  let world: WorldFixture;
  const now = new Date();

  before(async () => {
    opened = openSqlite(':memory:');
    await migrateToLatest(opened.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'sqlite::memory:' });
    services = createServices({ db: opened.db, config, clock: { now: () => now } });
    world = await createWorld(opened.db, services, now);
  });
  after(() => opened.close());

  const sessionWith = async (products: Parameters<Services['sessions']['create']>[0]['products']) => {
    const times = {
      opensAt: new Date(now.getTime() - 3_600_000).toISOString(),
      closesAt: new Date(now.getTime() + 3_600_000).toISOString(),
      confirmationAt: new Date(now.getTime() + 7_200_000).toISOString(),
    };
    return (await services.sessions.create({ label: `Session ${Math.random()}`, times, products }, system)).id;
  };

  const assertSameRules = async (sessionId: number) => {
    const officineId = world.officines[0].officineId;
    const reference = await loadRulesContext(opened.db, sessionId, officineId);
    const loaded = await loadSessionRules(opened.db, sessionId);
    assert.ok(loaded);
    assert.deepEqual(loaded.rules.products, reference.products);
    assert.deepEqual(sortedCaps(loaded.rules.caps), sortedCaps(reference.caps));
    assert.deepEqual(loaded.rules.ties, reference.ties);
    assert.deepEqual([...loaded.rules.ties.keys()], [...(reference.ties ?? new Map()).keys()], 'ties in the same order, so errors come in the same order');
  };

  test('the same products, caps and ties as the catalogue the session pages show', async () => {
    await assertSameRules(world.sessionId);
    const { pfizer, moderna, boxed } = world.products;
    const tied = await sessionWith([
      { productId: pfizer, stockVials: null, policy: 'proportional', minOnePerOfficine: false, caps: [{ effecteurType: 'medecin', capVials: 3 }] },
      { productId: boxed, stockVials: null, policy: 'fcfs', minOnePerOfficine: false, caps: [], tie: { vaccineProductId: pfizer, per: 'dose', ratio: 2, rule: 'at_most' } },
      { productId: moderna, stockVials: null, policy: 'maxmin', minOnePerOfficine: false, caps: [], tie: { vaccineProductId: pfizer, per: 'vial', ratio: 1, rule: 'exactly' } },
    ]);
    await assertSameRules(tied);
  });

  test('a session without products is found, with nothing open; an unknown session is not', async () => {
    const empty = await sessionWith([]);
    const loaded = await loadSessionRules(opened.db, empty);
    assert.ok(loaded);
    assert.equal(loaded.rules.products.size, 0);
    assert.equal(loaded.rules.caps.size, 0);
    assert.equal(await loadSessionRules(opened.db, 999_999), undefined);
  });

  test('one union finds the replay and the officine order in the session, the same row or two', async () => {
    const officineId = world.officines[1].officineId;
    const at = now.toISOString();
    const first = await sessionWith([]);
    const second = await sessionWith([]);
    assert.deepEqual(await findOrdersForSubmission(opened.db, officineId, 'cle-1', first), { byKey: undefined, ofSession: undefined });
    const id = await insertOrder(opened.db, { sessionId: first, officineId, idempotencyKey: 'cle-1', at, pharmacistId: null });
    const same = await findOrdersForSubmission(opened.db, officineId, 'cle-1', first);
    assert.equal(same.byKey?.id, id);
    assert.equal(same.ofSession?.id, id);
    const otherKey = await findOrdersForSubmission(opened.db, officineId, 'cle-2', first);
    assert.equal(otherKey.byKey, undefined);
    assert.equal(otherKey.ofSession?.id, id);
    const otherSession = await findOrdersForSubmission(opened.db, officineId, 'cle-1', second);
    assert.equal(otherSession.byKey?.id, id);
    assert.equal(otherSession.ofSession, undefined);
    assert.deepEqual(await findOrdersForSubmission(opened.db, world.officines[0].officineId, 'cle-1', first), { byKey: undefined, ofSession: undefined });
  });
});
