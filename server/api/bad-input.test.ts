import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows } from '../test-support/count-rows';
import { appRouter } from './router';
import { listProcedures, rawCall } from '../test-support/raw-http';
import { newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

const tables = ['orders', 'order_lines', 'allocations', 'deliveries', 'delivery_imports', 'sessions', 'products', 'support_tickets', 'audit_events', 'effecteurs'];

async function rowCounts(s: TestServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(s.db, table);
  return counts;
}

const garbage: unknown[] = [
  'text',
  42,
  null,
  [],
  {},
  { id: -1, sessionId: -1, version: -1 },
  { id: 1e12, sessionId: 1e12 },
  { id: 1.5, sessionId: 2.5 },
  { id: '1 OR 1=1', sessionId: "1; DROP TABLE orders;--" },
  // Each shape has one bad field at least, whatever procedure receives it.
  { id: 0, sessionId: 0, idempotencyKey: "'); DROP TABLE orders;--", lines: [] },
  { id: 0, sessionId: 0, idempotencyKey: 'k'.repeat(500), lines: 'x' },
  { id: 0, lines: [{ effecteurId: 1, productId: 1, vials: -3 }], sessionId: 0, idempotencyKey: 'abcdefgh' },
  { id: 0, lines: [{ effecteurId: 1, productId: 1, vials: 1e15 }], sessionId: 0, idempotencyKey: 'abcdefgh' },
  { motif: '<script>alert(1)</script>', message: '', contactEmail: 'not-an-email' },
  { a: { b: { c: { d: { e: { f: { g: [1, [2, [3, [4]]]] } } } } } } },
];

describe('bad input never gives a 500 nor a partial write', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('garbage sent to every procedure that takes input answers 4xx with a catalogue code', async () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
    const withInput = listProcedures().filter((p) => (procedures[p.path]?._def.inputs.length ?? 0) > 0);
    assert.ok(withInput.length >= 12, `found only ${withInput.length} procedures with input`);
    const before = await rowCounts(s);
    for (const { path, type } of withInput) {
      const token = path.startsWith('admin.') ? s.world.adminToken : s.world.officines[0].token;
      for (const input of garbage) {
        const answer = await rawCall(s.url, path, type, { token, input });
        assert.ok(answer.status >= 400 && answer.status < 500, `${path} ${JSON.stringify(input)} → ${answer.status} ${JSON.stringify(answer.body)}`);
        assert.ok(answer.appCode, `${path} answered without a catalogue code`);
      }
    }
    assert.deepEqual(await rowCounts(s), before, 'nothing was written');
  });

  test('malformed JSON, a wrong method and an oversized body are clean 4xx', async () => {
    const token = s.world.officines[0].token;
    const malformed = await rawCall(s.url, 'orders.create', 'mutation', { token, body: '{"sessionId": 1, "lines": [' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.appCode, 'INVALID_INPUT');
    const huge = JSON.stringify({ sessionId: 1, idempotencyKey: 'abcdefgh12', lines: [], pad: 'x'.repeat(4_000_000) });
    const oversized = await rawCall(s.url, 'orders.create', 'mutation', { token, body: huge });
    assert.equal(oversized.status, 413);
    assert.equal(oversized.appCode, 'PAYLOAD_TOO_LARGE');
    const unknown = await rawCall(s.url, 'orders.doesNotExist', 'query', { token });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.appCode, 'INVALID_INPUT');
    const wrongMethod = await rawCall(s.url, 'orders.create', 'query', { token, input: {} });
    assert.ok(wrongMethod.status === 405 || wrongMethod.status === 400, `status ${wrongMethod.status}`);
  });

  test('each order rule names the line and the reason, and the order stays unwritten', async () => {
    const [a] = s.pharmacy;
    const A = s.world.officines[0];
    const B = s.world.officines[1];
    const { pfizer, boxed, medecinOnly } = s.world.products;
    const before = await rowCounts(s);
    const create = (lines: { effecteurId: number; productId: number; vials: number }[], sessionId = s.world.sessionId) =>
      a.orders.create.mutate({ sessionId, idempotencyKey: newKey(), lines });

    const invalid = await rejectsWith(
      create([
        { effecteurId: A.effecteurs.self, productId: pfizer, vials: 11 },
        { effecteurId: A.effecteurs.self, productId: boxed, vials: 15 },
        { effecteurId: A.effecteurs.medecin1, productId: boxed, vials: 0 },
        { effecteurId: A.effecteurs.medecin1, productId: boxed, vials: 0 },
        { effecteurId: A.effecteurs.infirmier, productId: medecinOnly, vials: 1 },
        { effecteurId: A.effecteurs.inactive, productId: pfizer, vials: 1 },
        { effecteurId: B.effecteurs.self, productId: pfizer, vials: 1 },
        { effecteurId: A.effecteurs.medecin2, productId: 999_999, vials: 1 },
      ]),
      'ORDER_LINES_INVALID',
      422,
    );
    const codes = (invalid.details as { lines: { index: number; code: string; params: Record<string, number> }[] }).lines.map((l) => [l.index, l.code, l.params]);
    assert.deepEqual(codes, [
      [0, 'LINE_ABOVE_CAP', { cap: 10 }],
      [1, 'LINE_NOT_BOX_MULTIPLE', { box: 10 }],
      [3, 'LINE_DUPLICATE', {}],
      [4, 'LINE_TYPE_NOT_ALLOWED', {}],
      [5, 'LINE_EFFECTEUR_INACTIVE', {}],
      [6, 'LINE_EFFECTEUR_UNKNOWN', {}],
      [7, 'LINE_PRODUCT_NOT_OPEN', {}],
    ]);
    await rejectsWith(create([{ effecteurId: A.effecteurs.self, productId: pfizer, vials: 0 }]), 'ORDER_EMPTY', 422);
    await rejectsWith(create([{ effecteurId: A.effecteurs.self, productId: pfizer, vials: 1 }], 999_999), 'SESSION_NOT_FOUND', 404);
    await rejectsWith(a.orders.get.query({ id: 999_999 }), 'ORDER_NOT_FOUND', 404);
    await rejectsWith(a.tracking.get.query({ sessionId: 999_999 }), 'SESSION_NOT_FOUND', 404);
    await rejectsWith(
      s.admin.admin.sessions.create.mutate({
        label: 'Mauvaise session',
        times: { opensAt: '2030-01-02T08:00:00Z', closesAt: '2030-01-01T08:00:00Z', confirmationAt: '2030-01-03T08:00:00Z' },
        products: [],
      }),
      'SESSION_TIMES_ORDER',
      400,
    );
    await rejectsWith(
      s.admin.admin.sessions.create.mutate({
        label: 'Produit inconnu',
        times: { weekOf: '2030-01-07' },
        products: [{ productId: 999_999, stockVials: null, policy: 'fcfs', minOnePerOfficine: false, caps: [] }],
      }),
      'PRODUCT_NOT_FOUND',
      404,
    );
    await rejectsWith(s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: s.world.sessionId }), 'SESSION_NOT_CLOSED', 412);
    const deliveries = await rejectsWith(
      s.admin.admin.deliveries.import.mutate({
        sessionId: s.world.sessionId,
        csv: ['finess_officine;effecteur;produit;flacons;date;grossiste;lot', `${A.finess};${A.finess};TEST-PFIZER;2;2030-01-10;OCP;L1`].join('\n'),
      }),
      'DELIVERY_IMPORT_INVALID',
      422,
    );
    assert.match(JSON.stringify(deliveries.details), /pas encore confirmées/);
    await rejectsWith(
      s.anonymous.support.createTicket.mutate({ motif: 'autre', message: 'x', contactEmail: 'a@b.fr', diagnostics: { big: 'x'.repeat(70_000) } }),
      'INVALID_INPUT',
      400,
    );
    assert.deepEqual(await rowCounts(s), before, 'no refused call wrote anything');
  });

  test('a delivery file with bad rows is refused whole, with every bad line and why', async () => {
    const [a] = s.pharmacy;
    const A = s.world.officines[0];
    await a.orders.create.mutate({
      sessionId: s.world.sessionId,
      idempotencyKey: newKey(),
      lines: [{ effecteurId: A.effecteurs.self, productId: s.world.products.pfizer, vials: 4 }],
    });
    await s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: s.world.sessionId, closeNow: true });
    const before = await rowCounts(s);
    const csv = [
      'finess_officine;effecteur;produit;flacons;date;grossiste;lot',
      `${A.finess};${A.finess};TEST-PFIZER;2;2030-01-10;OCP;L1`,
      `123;${A.finess};TEST-PFIZER;2;2030-01-10;OCP;L1`,
      `${A.finess};10000000000;TEST-PFIZER;2;2030-01-10;OCP;L1`,
      `${A.finess};${A.finess};INCONNU;2;2030-01-10;OCP;L1`,
      `${A.finess};${A.finess};TEST-PFIZER;-2;2030-01-10;OCP;L1`,
      `${A.finess};${A.finess};TEST-PFIZER;2;31/02/2030;OCP;L1`,
      `${A.finess};${A.finess};TEST-PFIZER;2;2030-01-10;;L1`,
      `${A.finess};${A.finess};TEST-PFIZER;3;2030-01-11;OCP;L2`,
    ].join('\n');
    const error = await rejectsWith(s.admin.admin.deliveries.import.mutate({ sessionId: s.world.sessionId, csv }), 'DELIVERY_IMPORT_INVALID', 422);
    const lines = (error.details as { errors: { line: number }[] }).errors.map((e) => e.line);
    assert.deepEqual(lines, [3, 4, 5, 6, 7, 8, 9], 'every bad line, including the one going beyond the confirmed quantity');
    assert.deepEqual(await rowCounts(s), before, 'nothing of the file was imported');
  });
});
