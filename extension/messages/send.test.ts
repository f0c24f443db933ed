import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPrefs } from '../background/handler-defaults';
import { quickAnswerMs, sendThrough } from './send';

const never = () => new Promise<unknown>(() => undefined);
const after = (ms: number, answer: unknown) => () => new Promise<unknown>((resolve) => setTimeout(() => resolve(answer), ms));

test('a background that never answers a quick request gives an error to show, not an endless wait', async () => {
  const answer = await sendThrough(never, { type: 'getState' }, 30);
  assert.equal(answer.ok, false);
  assert.ok(!answer.ok);
  assert.equal(answer.error.code, 'BACKGROUND_SILENT');
  assert.match(answer.error.message, /^L’extension ne répond pas\. Fermez toutes les fenêtres du navigateur/);
  assert.equal(answer.error.motif, 'technique');
  assert.equal(answer.error.contact, 'spf_support');
});

test('an answer within the deadline is checked and passed on', async () => {
  const answer = await sendThrough(after(5, { ok: true, data: defaultPrefs }), { type: 'getNotificationPrefs' }, 1000);
  assert.deepEqual(answer, { ok: true, data: defaultPrefs });
  const wrong = await sendThrough(after(5, { ok: true, data: { sessionOpens: 'yes' } }), { type: 'getNotificationPrefs' }, 1000);
  assert.ok(!wrong.ok);
  assert.equal(wrong.error.code, 'UNEXPECTED');
});

test('requests that wait on the network or on the user have no deadline here', async () => {
  assert.equal(quickAnswerMs.cibaPoll, undefined);
  assert.equal(quickAnswerMs.pscLogin, undefined);
  assert.equal(quickAnswerMs.overview, undefined);
  const late = await sendThrough(after(60, { ok: true, data: null }), { type: 'logout' });
  assert.deepEqual(late, { ok: true, data: null });
});

test('every quick request has a deadline of a few seconds, and getState has one', () => {
  assert.ok(quickAnswerMs.getState);
  for (const ms of Object.values(quickAnswerMs)) assert.ok(ms >= 2000 && ms <= 10_000);
});

test('a failed send (no receiver) is an error to show', async () => {
  const answer = await sendThrough(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), { type: 'getState' }, 1000);
  assert.ok(!answer.ok);
  assert.equal(answer.error.code, 'UNEXPECTED');
});

test('asked with no deadline, a slow background is waited for', async () => {
  const answer = await sendThrough(after(60, { ok: true, data: defaultPrefs }), { type: 'getNotificationPrefs' }, null);
  assert.deepEqual(answer, { ok: true, data: defaultPrefs });
});
