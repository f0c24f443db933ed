import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testIdentities } from '../../server/dev/psc-stand-in/index';
import { startDemoTestServer, type DemoTestServer } from '../../server/test-support/demo-test-server';
import { saveServiceConfig } from '../config/service-config';
import { parseResponse, type Overview, type Request, type RequestType } from '../messages/protocol';
import { createHandlers } from './handlers';
import { applyWatch } from './watch-effects';

// The background's handlers against the real server and PSC stand-in, with WXT's fake
// browser for storage and alarms: what the popup would see, message by message.
let s: DemoTestServer;
before(async () => {
  s = await startDemoTestServer({ psc: 'stand-in' });
});
after(async () => {
  await s.close();
});

let changes: Array<Overview | null>;
let lastFlowUrl: string;
let flowAnswer: (url: string) => Promise<string>;
const handoffs: Array<{ pageUrl: string; token: string }> = [];

/** Sends like a page does: the answer is validated against the protocol, hence typed. */
function background() {
  const handlers = createHandlers({
    session: fakeBrowser.storage.session,
    local: fakeBrowser.storage.local,
    launchWebAuthFlow: (url) => {
      lastFlowUrl = url;
      return flowAnswer(url);
    },
    redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    openOrdering: (pageUrl, token) => {
      handoffs.push({ pageUrl, token });
      return Promise.resolve();
    },
    onChange: async (overview) => {
      changes.push(overview);
      await applyWatch({ ...fakeBrowser, action: undefined }, overview);
    },
  });
  return {
    handle: async <T extends RequestType>(request: Extract<Request, { type: T }>) => parseResponse(request.type, await handlers.handle(request)),
    raw: handlers.handle,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  changes = [];
  // Five pushes per identifier per ten minutes (server rate limit): each test starts a new window.
  s.clock.advance(11 * 60_000);
  await saveServiceConfig(fakeBrowser.storage.local, { serviceUrl: s.url, pscDiscoveryUrl: s.standIn?.discoveryUrl ?? '', orderPagePath: '/' });
});

const hugo = () => testIdentities.find((i) => i.lastName === 'Bernard')!;

async function logInByPush(bg: ReturnType<typeof background>) {
  const started = await bg.handle({ type: 'cibaStart', idNat: hugo().idNat });
  assert.ok(started.ok && started.data.status === 'pending');
  const pending = s.standIn?.pendingCiba().find((p) => p.loginHint === hugo().idNat);
  await s.standIn?.approveCiba(pending?.authReqId ?? '');
  s.clock.advance(started.data.ciba.intervalSeconds * 1000);
  return bg.handle({ type: 'cibaPoll' });
}

test('e-CPS push: pending with the two digits, then logged in; the token stays in session storage, never in an answer', async () => {
  const bg = background();
  const step = await logInByPush(bg);
  assert.ok(step.ok && step.data.status === 'authenticated');
  assert.equal(step.data.me.officine.name, 'Pharmacie des Terreaux');
  assert.ok(!JSON.stringify(step).includes('vop_'), 'no token leaves the background');
  const stored = await fakeBrowser.storage.session.get<{ auth?: { token: string } }>('auth');
  assert.match(stored.auth?.token ?? '', /^vop_/);
  const state = await bg.handle({ type: 'getState' });
  assert.ok(state.ok && state.data.me?.pharmacist.lastName === 'Bernard');
});

test('the overview: the open session, no order yet; alarms set for closing and confirmation', async () => {
  const bg = background();
  await logInByPush(bg);
  const answer = await bg.handle({ type: 'overview' });
  assert.ok(answer.ok);
  const overview: Overview = answer.data;
  assert.equal(overview.session?.status, 'open');
  assert.equal(overview.order.status, 'none');
  const alarms = (await fakeBrowser.alarms.getAll()).map((a) => a.name.split(':')[0]).sort();
  assert.deepEqual(alarms, ['closing-soon', 'confirmation', 'refresh']);
});

test('sign-out clears the token, the alarms and the badge snapshot; the server revokes the token', async () => {
  const bg = background();
  await logInByPush(bg);
  const { auth } = await fakeBrowser.storage.session.get<{ auth: { token: string } }>('auth');
  assert.deepEqual(await bg.handle({ type: 'logout' }), { ok: true, data: null });
  assert.equal((await fakeBrowser.storage.session.get('auth')).auth, undefined);
  assert.deepEqual(await fakeBrowser.alarms.getAll(), []);
  assert.equal(changes.at(-1), null);
  const me = await fetch(`${s.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${auth.token}` } });
  assert.equal(me.status, 401);
  const after = await bg.handle({ type: 'overview' });
  assert.ok(!after.ok && after.error.code === 'NOT_LOGGED_IN');
});

test('a refused push and a lapsed token give the catalogue or extension message, in French', async () => {
  const bg = background();
  const started = await bg.handle({ type: 'cibaStart', idNat: '899999999999' });
  assert.ok(!started.ok && started.error.code === 'CIBA_UNKNOWN_USER' && started.error.contact === 'ans');
  const login = await logInByPush(bg);
  assert.ok(login.ok && login.data.status === 'authenticated');
  await fakeBrowser.storage.session.set({ auth: { token: 'vop_not_a_real_token_at_all', expiresAt: new Date().toISOString(), me: login.data.me } });
  const overview = await bg.handle({ type: 'overview' });
  assert.ok(!overview.ok && overview.error.code === 'TOKEN_INVALID');
  assert.match(overview.error.message, /reconnecter/);
  assert.equal((await fakeBrowser.storage.session.get('auth')).auth, undefined, 'a rejected token is dropped');
});

test('Pro Santé Connect: the flow starts at the service with the extension’s redirect URL; an error code becomes its message', async () => {
  const bg = background();
  flowAnswer = () => Promise.resolve('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?login_error=PSC_CANCELLED');
  const cancelled = await bg.handle({ type: 'pscLogin' });
  assert.equal(new URL(lastFlowUrl).searchParams.get('return_to'), 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/');
  assert.ok(!cancelled.ok && cancelled.error.code === 'PSC_CANCELLED');
  flowAnswer = () => Promise.reject(new Error('The user did not approve access.'));
  const closed = await bg.handle({ type: 'pscLogin' });
  assert.ok(!closed.ok && closed.error.code === 'PSC_WINDOW_CLOSED');
  // The server really redirects to PSC for this return URL (it is in AUTH_RETURN_URLS).
  const redirect = await fetch(lastFlowUrl, { redirect: 'manual' });
  assert.equal(redirect.status, 302);
});

test('opening the ordering page hands the token to the handoff, for the configured page', async () => {
  const bg = background();
  await logInByPush(bg);
  assert.deepEqual(await bg.handle({ type: 'openOrdering' }), { ok: true, data: null });
  assert.equal(handoffs.at(-1)?.pageUrl, `${s.url}/`);
  assert.match(handoffs.at(-1)?.token ?? '', /^vop_/);
});

test('notification choices are stored; a support ticket goes out linked to the officine when logged in', async () => {
  const bg = background();
  const prefs = { sessionOpens: false, closingSoon: true, confirmation: true };
  assert.deepEqual(await bg.handle({ type: 'setNotificationPrefs', prefs }), { ok: true, data: prefs });
  assert.deepEqual(await bg.handle({ type: 'getNotificationPrefs' }), { ok: true, data: prefs });
  await logInByPush(bg);
  const ticket = await bg.handle({ type: 'createTicket', motif: 'navigateur_cookies', errorCode: null, message: 'Cookies bloqués', contactEmail: 'a@b.example', diagnostics: { kind: 'test' } });
  assert.ok(ticket.ok);
  const [saved] = await s.services.support.list(1);
  assert.ok(saved?.officineId);
  assert.deepEqual(saved?.diagnostics, { kind: 'test' });
});

test('a request outside the protocol is refused before anything runs', async () => {
  const answer = await background().raw({ type: 'getToken' });
  assert.ok(!answer.ok && answer.error.code === 'INVALID_INPUT');
});
