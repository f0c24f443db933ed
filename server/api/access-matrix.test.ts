import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../services/index';
import { listProcedures, rawCall } from '../test-support/raw-http';
import { clientFor, newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

const publicPaths = new Set(['health', 'support.motifs', 'support.createTicket', 'auth.exchangeCode', 'auth.cibaStart', 'auth.cibaPoll', 'auth.requestEmailPassword', 'auth.emailLogin']);
const isAdmin = (path: string) => path.startsWith('admin.');

describe('access control for every procedure', () => {
  let s: TestServer;
  let revoked: string;
  let expired: string;
  before(async () => {
    s = await startTestServer();
    const A = s.world.officines[0];
    revoked = (await s.services.auth.issuePharmacistToken(A.pharmacistId, A.officineId, 'dev')).token;
    await clientFor(s.url, revoked).auth.logout.mutate();
    const past = createServices({ db: s.db, config: s.config, clock: { now: () => new Date('2020-01-01T00:00:00Z') } });
    expired = (await past.auth.issuePharmacistToken(A.pharmacistId, A.officineId, 'dev')).token;
  });
  after(async () => {
    await s.close();
  });

  test('no token, a forged, revoked or expired token, and the wrong role are refused everywhere', async () => {
    const procedures = listProcedures().filter((p) => !publicPaths.has(p.path));
    assert.ok(procedures.length >= 20, `expected the whole API, found ${procedures.length}`);
    for (const { path, type } of procedures) {
      const cases: [string | undefined, string, number][] = [
        [undefined, 'UNAUTHENTICATED', 401],
        ['vop_forged-token-that-was-never-issued-000000', 'TOKEN_INVALID', 401],
        ['not a token', 'TOKEN_INVALID', 401],
        [revoked, 'TOKEN_INVALID', 401],
        [expired, 'TOKEN_EXPIRED', 401],
        [isAdmin(path) ? s.world.officines[0].token : s.world.adminToken, 'ROLE_FORBIDDEN', 403],
      ];
      for (const [token, appCode, status] of cases) {
        const answer = await rawCall(s.url, path, type, token === undefined ? {} : { token });
        assert.equal(answer.appCode, appCode, `${path} with ${token ?? 'no token'}`);
        assert.equal(answer.status, status, `${path} status`);
      }
    }
  });

  test("an officine never reads or writes another officine's data, procedure by procedure", async () => {
    const [a, b] = s.pharmacy;
    const A = s.world.officines[0];
    const B = s.world.officines[1];
    const { pfizer } = s.world.products;
    const order = await a.orders.create.mutate({
      sessionId: s.world.sessionId,
      idempotencyKey: newKey(),
      lines: [{ effecteurId: A.effecteurs.self, productId: pfizer, vials: 2 }],
    });
    const checked = new Set<string>();
    const check = async (path: string, run: () => Promise<void>) => {
      await run();
      checked.add(path);
    };

    await check('auth.me', async () => assert.equal((await b.auth.me.query()).officine.id, B.officineId));
    await check('auth.logout', async () => {
      const token = (await s.services.auth.issuePharmacistToken(B.pharmacistId, B.officineId, 'dev')).token;
      await clientFor(s.url, token).auth.logout.mutate();
      await a.auth.me.query();
    });
    await check('account.get', async () => assert.equal((await b.account.get.query()).officine.id, B.officineId));
    await check('account.listEffecteurs', async () => {
      const ids = (await b.account.listEffecteurs.query()).map((e) => e.id);
      assert.ok(!ids.includes(A.effecteurs.self) && ids.includes(B.effecteurs.self));
    });
    await check('sessions.current', async () => {
      const current = await b.sessions.current.query();
      const eligible = current.products.flatMap((p) => p.eligibleEffecteurIds);
      assert.ok(eligible.length > 0 && !Object.values(A.effecteurs).some((id) => eligible.includes(id)));
    });
    await check('sessions.list', async () => assert.ok((await b.sessions.list.query()).length > 0));
    await check('orders.list', async () => assert.ok((await b.orders.list.query()).every((o) => o.officineId === B.officineId)));
    await check('orders.get', async () => void (await rejectsWith(b.orders.get.query({ id: order.id }), 'ORDER_NOT_FOUND', 404)));
    await check('orders.history', async () => void (await rejectsWith(b.orders.history.query({ id: order.id }), 'ORDER_NOT_FOUND', 404)));
    await check('orders.update', async () => {
      await rejectsWith(b.orders.update.mutate({ id: order.id, version: 1, lines: [{ effecteurId: B.effecteurs.self, productId: pfizer, vials: 1 }] }), 'ORDER_NOT_FOUND', 404);
    });
    await check('orders.cancel', async () => void (await rejectsWith(b.orders.cancel.mutate({ id: order.id, version: 1 }), 'ORDER_NOT_FOUND', 404)));
    await check('orders.create', async () => {
      const error = await rejectsWith(
        b.orders.create.mutate({ sessionId: s.world.sessionId, idempotencyKey: newKey(), lines: [{ effecteurId: A.effecteurs.medecin1, productId: pfizer, vials: 1 }] }),
        'ORDER_LINES_INVALID',
        422,
      );
      assert.match(JSON.stringify(error.details), /LINE_EFFECTEUR_UNKNOWN/);
    });
    await check('tracking.get', async () => {
      const tracking = await b.tracking.get.query({ sessionId: s.world.sessionId });
      assert.equal(tracking.order, null);
      assert.deepEqual(tracking.lines, []);
    });
    await check('tracking.list', async () => assert.deepEqual(await b.tracking.list.query(), []));
    await check('stockSurvey.declare', async () => {
      await s.admin.admin.sessions.setStockSurvey.mutate({ sessionId: s.world.sessionId, open: true });
      await a.stockSurvey.declare.mutate({ sessionId: s.world.sessionId, items: [{ productId: pfizer, doses: 30 }] });
      await b.stockSurvey.declare.mutate({ sessionId: s.world.sessionId, items: [{ productId: pfizer, doses: 12 }] });
    });
    await check('stockSurvey.get', async () => {
      const mine = (await b.stockSurvey.get.query({ sessionId: s.world.sessionId })).items.find((i) => i.productId === pfizer);
      assert.equal(mine?.doses, 12, "B sees its own declaration, not A's");
    });
    await check('account.setEmail', async () => {
      await b.account.setEmail.mutate({ email: 'nouvelle-b@pharmacie.example' });
      assert.equal((await a.account.get.query()).officine.email, 'a@pharmacie.example', "A's e-mail is untouched");
    });
    await check('account.addEffecteur', async () => {
      const added = await b.account.addEffecteur.mutate({ type: 'infirmier', name: 'Infirmière B', rpps: '10000001916' });
      assert.ok(!(await a.account.listEffecteurs.query()).some((e) => e.id === added.effecteur.id));
    });
    await check('account.updateEffecteur', async () => {
      await rejectsWith(
        b.account.updateEffecteur.mutate({ id: A.effecteurs.medecin1, type: 'medecin', name: 'Pris', rpps: '10005682603', active: true }),
        'EFFECTEUR_NOT_FOUND',
        404,
      );
    });
    await check('account.removeEffecteur', async () => {
      await rejectsWith(b.account.removeEffecteur.mutate({ id: A.effecteurs.medecin2 }), 'EFFECTEUR_NOT_FOUND', 404);
      assert.ok((await a.account.listEffecteurs.query()).some((e) => e.id === A.effecteurs.medecin2 && e.active));
    });

    assert.deepEqual((await a.orders.get.query({ id: order.id })).version, 1, "A's order is untouched");
    const pharmacistPaths = listProcedures().filter((p) => !publicPaths.has(p.path) && !isAdmin(p.path)).map((p) => p.path);
    assert.deepEqual([...checked].sort(), pharmacistPaths, 'every pharmacist procedure has its cross-officine check');
  });

  test('a support ticket is tied to the caller’s officine, and anyone may write one', async () => {
    const [, b] = s.pharmacy;
    const mine = await b.support.createTicket.mutate({ motif: 'connexion', message: 'Je ne peux pas me connecter', contactEmail: 'b@pharmacie.example' });
    const anonymous = await s.anonymous.support.createTicket.mutate({ motif: 'navigateur_cookies', errorCode: 'TOKEN_EXPIRED', message: 'Aide', contactEmail: 'x@example.org' });
    const tickets = await s.admin.admin.tickets.list.query();
    assert.equal(tickets.find((t) => t.id === mine.id)?.officineId, s.world.officines[1].officineId);
    assert.equal(tickets.find((t) => t.id === anonymous.id)?.officineId, null);
  });

  test('tokens and secrets never reach the logs', () => {
    const logs = s.logs();
    assert.ok(logs.length > 0, 'the server logged requests');
    for (const secret of [s.world.adminToken, ...s.world.officines.map((o) => o.token), revoked, expired]) {
      assert.ok(!logs.includes(secret), 'a token appeared in the logs');
      assert.ok(!logs.includes(secret.slice(4, 24)), 'part of a token appeared in the logs');
    }
  });
});
