import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withLuhnKey } from '../dev/identifiers';
import { newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

describe('admin procedures', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('officines are registered with a checked FINESS, once', async () => {
    const admin = s.admin.admin;
    const finess = withLuhnKey('13009876');
    const base = { name: 'Pharmacie Nouvelle', addressLine: '5 rue Neuve', postalCode: '13001', city: 'Marseille', kind: 'officine' as const };
    const created = await admin.officines.create.mutate({ ...base, finess: ` ${finess.slice(0, 3)} ${finess.slice(3)} ` });
    assert.equal(created.finess, finess, 'spaces from a pasted number are removed');
    assert.equal(created.departement, '13');
    assert.equal(created.email, null);
    await rejectsWith(admin.officines.create.mutate({ ...base, finess }), 'OFFICINE_EXISTS', 409);
    const wrongKey = finess.slice(0, 8) + String((Number(finess[8]) + 1) % 10);
    await rejectsWith(admin.officines.create.mutate({ ...base, finess: wrongKey }), 'FINESS_CHECK_DIGIT', 400);
    await rejectsWith(admin.officines.create.mutate({ ...base, finess: '12345' }), 'FINESS_FORMAT', 400);
    const corsica = await admin.officines.create.mutate({ ...base, finess: '2A0001234', postalCode: '20000', city: 'Ajaccio' });
    assert.equal(corsica.departement, '2A');
    assert.ok((await admin.officines.list.query()).some((o) => o.id === corsica.id));
  });

  test('a session from the weekly template lands on Paris wall-clock times across daylight saving', async () => {
    const session = await s.admin.admin.sessions.create.mutate({ label: 'Semaine du 30 mars', times: { weekOf: '2031-03-31' }, products: [] });
    // 2031-03-30 is the last Sunday of March: summer time (UTC+2) has begun.
    assert.equal(session.opensAt, '2031-03-31T06:00:00.000Z');
    assert.equal(session.closesAt, '2031-04-01T21:00:00.000Z');
    assert.equal(session.confirmationAt, '2031-04-02T16:00:00.000Z');
    const winter = await s.admin.admin.sessions.create.mutate({ label: 'Semaine du 27 octobre', times: { weekOf: '2031-10-29' }, products: [] });
    assert.equal(winter.opensAt, '2031-10-27T07:00:00.000Z', 'a mid-week date means that week');
    const shifted = await s.admin.admin.sessions.shift.mutate({ sessionId: winter.id, opensAt: '2031-10-24T07:00:00.000Z' });
    assert.equal(shifted.opensAt, '2031-10-24T07:00:00.000Z', 'bank holiday: opens the Friday before');
    await rejectsWith(s.admin.admin.sessions.shift.mutate({ sessionId: winter.id, closesAt: '2031-10-20T00:00:00.000Z' }), 'SESSION_TIMES_ORDER', 400);
  });

  test('products: codes are unique and a substitute must exist', async () => {
    const base = {
      code: 'ADMIN-TEST-1',
      label: 'Produit admin',
      laboratory: 'Lab',
      kind: 'vaccin' as const,
      dosesPerVial: 5,
      vialsPerBox: 10,
      minVials: 1,
      boxOnly: false,
      allowedEffecteurTypes: ['officine' as const],
      substituteProductId: null,
    };
    const product = await s.admin.admin.products.upsert.mutate(base);
    await rejectsWith(s.admin.admin.products.upsert.mutate(base), 'PRODUCT_CODE_EXISTS', 409);
    await rejectsWith(s.admin.admin.products.upsert.mutate({ ...base, code: 'ADMIN-TEST-2', substituteProductId: 999_999 }), 'PRODUCT_NOT_FOUND', 404);
    const renamed = await s.admin.admin.products.upsert.mutate({ ...base, id: product.id, label: 'Produit renommé' });
    assert.equal(renamed.label, 'Produit renommé');
  });

  test('the orders export has one row per line with its officine and allocation', async () => {
    const A = s.world.officines[0];
    await s.pharmacy[0].orders.create.mutate({
      sessionId: s.world.sessionId,
      idempotencyKey: newKey(),
      lines: [
        { effecteurId: A.effecteurs.self, productId: s.world.products.pfizer, vials: 3 },
        { effecteurId: A.effecteurs.medecin1, productId: s.world.products.pfizer, vials: 2 },
      ],
    });
    await s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: s.world.sessionId, closeNow: true });
    const { filename, csv } = await s.admin.admin.sessions.exportOrders.query({ sessionId: s.world.sessionId });
    assert.equal(filename, `commandes-session-${s.world.sessionId}.csv`);
    const rows = csv.trim().split('\r\n').map((r) => r.split(';'));
    assert.equal(rows[0]?.[2], 'finess_officine');
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.slice(1).map((r) => [r[2], r[10], r[11], r[14]]), [
      [A.finess, '3', '3', 'full'],
      [A.finess, '2', '2', 'full'],
    ]);
  });
});
