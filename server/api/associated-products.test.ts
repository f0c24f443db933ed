import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

describe('associated products ordered with the vaccines', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('a solvent tied to a vaccine (exactly one per vial): proposed to clients, checked by the server', async () => {
    const { pfizer } = s.world.products;
    const A = s.world.officines[0];
    const solvent = await s.admin.admin.products.upsert.mutate({
      code: 'TEST-SOLVANT',
      label: 'Solvant NaCl test',
      laboratory: 'SpF',
      kind: 'solvant',
      dosesPerVial: 1,
      vialsPerBox: 10,
      minVials: 1,
      boxOnly: false,
      allowedEffecteurTypes: ['officine'],
      substituteProductId: null,
    });
    const solventRules = (vaccineProductId: number) => ({
      sessionId: s.world.sessionId,
      productId: solvent.id,
      stockVials: null,
      policy: 'fcfs' as const,
      minOnePerOfficine: false,
      caps: [],
      tie: { vaccineProductId, per: 'vial' as const, ratio: 1, rule: 'exactly' as const },
    });
    await rejectsWith(s.admin.admin.sessions.setProductRules.mutate(solventRules(solvent.id)), 'INVALID_INPUT', 400);
    await s.admin.admin.sessions.setProductRules.mutate(solventRules(pfizer));
    const current = await s.pharmacy[0].sessions.current.query();
    assert.deepEqual(current.products.find((p) => p.product.id === solvent.id)?.tie, { vaccineProductId: pfizer, per: 'vial', ratio: 1, rule: 'exactly' });

    const lines = (solventVials: number) => [
      { effecteurId: A.effecteurs.self, productId: pfizer, vials: 3 },
      { effecteurId: A.effecteurs.medecin1, productId: pfizer, vials: 1 },
      { effecteurId: A.effecteurs.self, productId: solvent.id, vials: solventVials },
    ];
    const error = await rejectsWith(
      s.pharmacy[0].orders.create.mutate({ sessionId: s.world.sessionId, idempotencyKey: newKey(), lines: lines(3) }),
      'ORDER_LINES_INVALID',
      422,
    );
    assert.deepEqual((error.details as { lines: { code: string; params: Record<string, number> }[] }).lines.map((l) => [l.code, l.params]), [['LINE_TIE_EXACTLY', { expected: 4 }]]);
    const order = await s.pharmacy[0].orders.create.mutate({ sessionId: s.world.sessionId, idempotencyKey: newKey(), lines: lines(4) });
    assert.equal(order.lines.length, 3);
  });
});
