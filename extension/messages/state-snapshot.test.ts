import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuthStore } from '../background/auth-store';
import { createHandlers } from '../background/handlers';
import { readStateSnapshot, stateSnapshotKey } from './state-snapshot';

const me = {
  kind: 'pharmacist' as const,
  pharmacist: { id: 3, idNat: '810000002028', firstName: 'Anne', lastName: 'Martin' },
  officine: { id: 7, finess: '750000001', name: 'Pharmacie du Centre', addressLine: '1 rue de la Paix', postalCode: '75002', city: 'Paris', departement: '75', kind: 'officine' as const, email: null },
  method: 'ciba' as const,
  expiresAt: '2026-11-30T12:00:00.000Z',
  required: [],
};
const token = 'secret-token-0123456789';

function background() {
  return createHandlers({
    session: fakeBrowser.storage.session,
    local: fakeBrowser.storage.local,
    launchWebAuthFlow: () => Promise.reject(new Error('not here')),
    redirectUrl: () => 'https://example.chromiumapp.org/',
    openOrdering: () => Promise.resolve(),
    onChange: () => Promise.resolve(),
    api: () => ({ auth: { logout: { mutate: () => Promise.resolve(null) } } }) as never,
  });
}

/** Until the background wrote its snapshot (not awaited by getState). */
async function snapshot() {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return readStateSnapshot(fakeBrowser.storage.session);
}

beforeEach(() => fakeBrowser.reset());

test('getState leaves the popup a snapshot of its answer, without the token', async () => {
  await new AuthStore(fakeBrowser.storage.session).setAuth({ token, expiresAt: me.expiresAt, me });
  const answer = await background().handle({ type: 'getState' });
  assert.ok(answer.ok);
  assert.deepEqual(await snapshot(), answer.data);
  assert.ok(!JSON.stringify((await fakeBrowser.storage.session.get(stateSnapshotKey))[stateSnapshotKey]).includes(token));
});

test('after a login, a logout or another service, the snapshot is the state left', async () => {
  const store = new AuthStore(fakeBrowser.storage.session);
  await store.setAuth({ token, expiresAt: me.expiresAt, me });
  await background().handle({ type: 'getState' });
  assert.deepEqual((await snapshot())?.me, me);
  await background().handle({ type: 'logout' });
  assert.equal((await snapshot())?.me, null, 'logged out');
  await store.setChoice({ code: 'c'.repeat(20), officines: [] });
  await background().handle({ type: 'cibaCancel' });
  assert.deepEqual((await snapshot())?.officineChoice, [], 'what the store holds, not an older answer');
});

test('every change of the login state in the store removes the snapshot', async () => {
  const store = new AuthStore(fakeBrowser.storage.session);
  const changes: Array<[string, () => Promise<unknown>]> = [
    ['login', () => store.setAuth({ token, expiresAt: me.expiresAt, me })],
    ['e-CPS push started', () => store.setCiba({ requestId: 'r'.repeat(20), bindingMessage: '42', expiresAt: me.expiresAt, intervalSeconds: 5 })],
    ['officine choice asked', () => store.setChoice({ code: 'c'.repeat(20), officines: [] })],
    ['e-CPS push over', () => store.clearCiba()],
    ['choice made', () => store.clearChoice()],
    ['logout or another service', () => store.clearAll()],
  ];
  for (const [label, change] of changes) {
    await background().handle({ type: 'getState' });
    assert.notEqual(await snapshot(), null, label);
    await change();
    assert.equal(await snapshot(), null, label);
  }
});

test('a snapshot of the wrong shape is ignored, as a malformed answer would be', async () => {
  await fakeBrowser.storage.session.set({ [stateSnapshotKey]: { serviceUrl: 'https://x.example', me: { kind: 'pharmacist' }, pendingCiba: null, officineChoice: null } });
  assert.equal(await readStateSnapshot(fakeBrowser.storage.session), null);
  assert.equal(await readStateSnapshot({ get: () => Promise.reject(new Error('no session storage')) }), null);
});
