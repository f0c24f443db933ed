import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAuditEvents } from '../repositories/audit-repository';
import { rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

const hour = 3_600_000;

describe('stock survey', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('officines declare the doses they hold while the session asks for it; SpF exports them per département', async () => {
    const [a, b] = s.pharmacy;
    const { pfizer, moderna } = s.world.products;
    const sessionId = s.world.sessionId;
    assert.equal((await a.stockSurvey.get.query({ sessionId })).open, false);
    await rejectsWith(a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: 10 }] }), 'STOCK_SURVEY_CLOSED', 412);

    await s.admin.admin.sessions.setStockSurvey.mutate({ sessionId, open: true });
    const form = await a.stockSurvey.get.query({ sessionId });
    assert.equal(form.open, true);
    assert.ok(form.items.some((i) => i.productId === pfizer && i.doses === null));
    await a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: 36 }, { productId: moderna, doses: 20 }] });
    const corrected = await a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: 30 }] });
    assert.equal(corrected.items.find((i) => i.productId === pfizer)?.doses, 30);
    await b.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: 12 }] });
    await rejectsWith(a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: 999_999, doses: 1 }] }), 'PRODUCT_NOT_FOUND', 404);
    await rejectsWith(a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: -1 }] }), 'INVALID_INPUT', 400);

    const audit = await listAuditEvents(s.db, 'stock_declaration', sessionId);
    assert.equal(audit.length, 3, 'every declaration is audited');
    const before = (JSON.parse(audit[1]?.before_json ?? '[]') as { productId: number; doses: number }[]).sort((x, y) => x.productId - y.productId);
    assert.deepEqual(before, [{ productId: pfizer, doses: 36 }, { productId: moderna, doses: 20 }].sort((x, y) => x.productId - y.productId), 'the audit keeps what was declared before');

    const { csv } = await s.admin.admin.sessions.exportStockSurvey.query({ sessionId });
    const rows = csv.trim().split('\r\n').map((r) => r.split(';'));
    assert.deepEqual(rows[0], ['departement', 'produit', 'officines_declarantes', 'doses_en_stock']);
    assert.deepEqual(rows.slice(1), [
      ['75', 'TEST-MODERNA', '1', '20'],
      ['75', 'TEST-PFIZER', '2', '42'],
    ]);

    s.clock.advance(3 * hour);
    await rejectsWith(a.stockSurvey.declare.mutate({ sessionId, items: [{ productId: pfizer, doses: 1 }] }), 'STOCK_SURVEY_CLOSED', 412);
  });
});
