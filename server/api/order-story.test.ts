import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

const hour = 3_600_000;

describe('the whole ordering story over HTTP', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('create, modify, stale update, cancel, close, allocate, confirm, deliver, track', async () => {
    const [a, b] = s.pharmacy;
    const { world } = s;
    const A = world.officines[0];
    const B = world.officines[1];
    const { pfizer, medecinOnly } = world.products;

    const current = await a.sessions.current.query();
    assert.equal(current.session.status, 'open');
    const ped = current.products.find((p) => p.product.id === medecinOnly);
    assert.deepEqual(ped?.eligibleEffecteurIds.sort(), [A.effecteurs.medecin1, A.effecteurs.medecin2].sort(), 'only active médecins are eligible');

    const key = newKey();
    const created = await a.orders.create.mutate({
      sessionId: world.sessionId,
      idempotencyKey: key,
      lines: [
        { effecteurId: A.effecteurs.self, productId: pfizer, vials: 10 },
        { effecteurId: A.effecteurs.medecin1, productId: pfizer, vials: 4 },
        { effecteurId: A.effecteurs.medecin2, productId: medecinOnly, vials: 1 },
        { effecteurId: A.effecteurs.infirmier, productId: pfizer, vials: 0 },
      ],
    });
    assert.equal(created.version, 1);
    assert.equal(created.lines.length, 3, 'a zero cell is not an order line');

    const replay = await a.orders.create.mutate({ sessionId: world.sessionId, idempotencyKey: key, lines: [] });
    assert.equal(replay.id, created.id, 'a retried create returns the same order');
    assert.equal(replay.version, 1);
    await rejectsWith(
      a.orders.create.mutate({ sessionId: world.sessionId, idempotencyKey: newKey(), lines: [{ effecteurId: A.effecteurs.self, productId: pfizer, vials: 1 }] }),
      'ORDER_EXISTS',
      409,
    );

    const updated = await a.orders.update.mutate({
      id: created.id,
      version: 1,
      lines: [
        { effecteurId: A.effecteurs.self, productId: pfizer, vials: 8 },
        { effecteurId: A.effecteurs.medecin1, productId: pfizer, vials: 4 },
        { effecteurId: A.effecteurs.medecin2, productId: medecinOnly, vials: 1 },
      ],
    });
    assert.equal(updated.version, 2);
    const stale = await rejectsWith(
      a.orders.update.mutate({ id: created.id, version: 1, lines: [{ effecteurId: A.effecteurs.self, productId: pfizer, vials: 1 }] }),
      'ORDER_VERSION_CONFLICT',
      409,
    );
    assert.deepEqual(stale.details, { currentVersion: 2 });
    assert.deepEqual((await a.orders.get.query({ id: created.id })).lines, updated.lines, 'the stale update overwrote nothing');

    const bKey = newKey();
    const bOrder = await b.orders.create.mutate({
      sessionId: world.sessionId,
      idempotencyKey: bKey,
      lines: [{ effecteurId: B.effecteurs.self, productId: pfizer, vials: 10 }],
    });
    const cancelled = await b.orders.cancel.mutate({ id: bOrder.id, version: 1 });
    assert.equal(cancelled.status, 'cancelled');
    await rejectsWith(b.orders.update.mutate({ id: bOrder.id, version: 2, lines: [] }), 'ORDER_CANCELLED', 409);
    const revived = await b.orders.create.mutate({
      sessionId: world.sessionId,
      idempotencyKey: newKey(),
      lines: [
        { effecteurId: B.effecteurs.self, productId: pfizer, vials: 10 },
        { effecteurId: B.effecteurs.medecin1, productId: medecinOnly, vials: 1 },
      ],
    });
    assert.equal(revived.id, bOrder.id, 'one order row per officine and session');
    assert.equal(revived.status, 'submitted');

    const history = await a.orders.history.query({ id: created.id });
    assert.deepEqual(history.map((e) => e.action), ['create', 'update']);
    assert.equal(history[1]?.actor.kind, 'pharmacist');

    // The window closes by server time.
    s.clock.advance(3 * hour);
    await rejectsWith(a.orders.update.mutate({ id: created.id, version: 2, lines: updated.lines }), 'SESSION_CLOSED', 412);
    await rejectsWith(a.orders.cancel.mutate({ id: created.id, version: 2 }), 'SESSION_CLOSED', 412);

    const [first, second] = await Promise.allSettled([
      s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: world.sessionId }),
      s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: world.sessionId }),
    ]);
    const outcomes = [first.status, second.status].sort();
    assert.deepEqual(outcomes, ['fulfilled', 'rejected'], 'allocation runs once even when asked twice at once');
    const summary = first.status === 'fulfilled' ? first.value : second.status === 'fulfilled' ? second.value : null;
    assert.equal(summary?.lineCount, 5);
    await rejectsWith(s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: world.sessionId }), 'SESSION_ALREADY_ALLOCATED', 409);

    const early = await a.tracking.get.query({ sessionId: world.sessionId });
    assert.equal(early.confirmationPublished, false);
    assert.ok(early.lines.every((l) => l.confirmedVials === null), 'confirmed quantities stay hidden before the confirmation time');

    s.clock.advance(2 * hour);
    const tracked = await a.tracking.get.query({ sessionId: world.sessionId });
    assert.equal(tracked.confirmationPublished, true);
    const selfLine = tracked.lines.find((l) => l.effecteurId === A.effecteurs.self && l.productId === pfizer);
    assert.equal(selfLine?.orderedVials, 8);
    assert.equal(selfLine?.confirmedVials, 8);
    assert.equal(selfLine?.reason, 'full');

    // Split delivery: a first part delivered, the rest announced for a later date.
    const firstPart = [
      'finess_officine;effecteur;produit;flacons;date;grossiste;lot;statut',
      `${A.finess};${A.finess};TEST-PFIZER;5;2030-01-10;OCP Répartition;LOT1;livré`,
      `${A.finess};${A.finess};TEST-PFIZER;3;20/01/2030;OCP Répartition;;prévu`,
    ].join('\n');
    assert.deepEqual(await s.admin.admin.deliveries.import.mutate({ sessionId: world.sessionId, csv: firstPart }), { imported: 2 });
    const partly = (await a.tracking.get.query({ sessionId: world.sessionId })).lines.find((l) => l.effecteurId === A.effecteurs.self && l.productId === pfizer);
    assert.equal(partly?.deliveredVials, 5);
    assert.equal(partly?.remainingVials, 3);
    assert.equal(partly?.nextDeliveryDate, '2030-01-20', 'the rest is expected on the announced date');
    const rest = ['finess_officine;effecteur;produit;flacons;date;grossiste;lot', `${A.finess};${A.finess};TEST-PFIZER;3;2030-01-20;OCP Répartition;LOT2`].join('\n');
    assert.deepEqual(await s.admin.admin.deliveries.import.mutate({ sessionId: world.sessionId, csv: rest }), { imported: 1 });
    const delivered = await a.tracking.get.query({ sessionId: world.sessionId });
    const line = delivered.lines.find((l) => l.effecteurId === A.effecteurs.self && l.productId === pfizer);
    assert.equal(line?.deliveredVials, 8);
    assert.equal(line?.remainingVials, 0);
    assert.equal(line?.nextDeliveryDate, null);
    assert.deepEqual(line?.deliveries.filter((d) => !d.planned).map((d) => d.deliveredOn), ['2030-01-10', '2030-01-20']);

    const list = await a.tracking.list.query();
    assert.equal(list.length, 1);
    assert.equal(list[0]?.orderedVials, 13);
    assert.equal(list[0]?.deliveredVials, 8);
  });
});
