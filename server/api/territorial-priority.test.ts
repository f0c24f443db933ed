import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withLuhnKey } from '../dev/identifiers';
import { clientFor, newKey, startTestServer, type TestServer } from '../test-support/test-server';

const hour = 3_600_000;

describe('territorial priority at allocation (March 2021 rule)', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('each ordering officine gets one vial, then the priority département is served, then the rest share', async () => {
    const { pfizer, moderna } = s.world.products;
    const marseille = await s.admin.admin.officines.create.mutate({
      finess: withLuhnKey('13000777'),
      name: 'Pharmacie de la Canebière',
      addressLine: '1 La Canebière',
      postalCode: '13001',
      city: 'Marseille',
      kind: 'officine',
      email: 'canebiere@pharmacie.example',
    });
    const session = await s.admin.admin.sessions.get.query({ sessionId: s.world.sessionId });
    const rules = session.products.find((p) => p.productId === pfizer);
    assert.ok(rules);
    await s.admin.admin.sessions.setProductRules.mutate({
      ...rules,
      sessionId: s.world.sessionId,
      stockVials: 16,
      policy: 'proportional',
      priorityDepartements: ['13'],
      minOneBeforeSurplus: true,
    });
    // No substitute stock this week, so reductions stay visible as such.
    const modernaRules = session.products.find((p) => p.productId === moderna);
    assert.ok(modernaRules);
    await s.admin.admin.sessions.setProductRules.mutate({ ...modernaRules, sessionId: s.world.sessionId, stockVials: 0 });
    const token = (await s.services.auth.issuePharmacistToken(s.world.officines[0].pharmacistId, marseille.id, 'dev')).token;
    const own = (await clientFor(s.url, token).account.listEffecteurs.query()).find((e) => e.type === 'officine');
    assert.ok(own);
    const orders = [
      { client: s.pharmacy[0], effecteurId: s.world.officines[0].effecteurs.self },
      { client: s.pharmacy[1], effecteurId: s.world.officines[1].effecteurs.self },
      { client: clientFor(s.url, token), effecteurId: own.id },
    ];
    for (const o of orders) {
      await o.client.orders.create.mutate({ sessionId: s.world.sessionId, idempotencyKey: newKey(), lines: [{ effecteurId: o.effecteurId, productId: pfizer, vials: 10 }] });
    }
    s.clock.advance(3 * hour);
    const summary = await s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: s.world.sessionId });
    assert.equal(summary.products.find((p) => p.productId === pfizer)?.confirmedVials, 16, 'the whole stock, not more');
    s.clock.advance(2 * hour);
    const lineOf = async (client: (typeof orders)[number]['client']) => (await client.tracking.get.query({ sessionId: s.world.sessionId })).lines[0];
    const [paris1, paris2, priority] = await Promise.all(orders.map((o) => lineOf(o.client)));
    // 16 vials: one each (3), the Marseille officine's remaining 9, then 4 shared by the two others.
    assert.deepEqual([priority?.confirmedVials, priority?.reason], [10, 'full']);
    assert.deepEqual([paris1?.confirmedVials, paris1?.reason], [3, 'territorial']);
    assert.deepEqual([paris2?.confirmedVials, paris2?.reason], [3, 'territorial']);
  });
});
