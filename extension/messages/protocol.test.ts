import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResponse, zRequest } from './protocol';

test('the background accepts only requests of the protocol, fields checked', () => {
  assert.ok(zRequest.safeParse({ type: 'getState' }).success);
  assert.ok(zRequest.safeParse({ type: 'cibaStart', idNat: '810000002028' }).success);
  assert.equal(zRequest.safeParse({ type: 'cibaStart', idNat: '81 0000; drop' }).success, false);
  assert.equal(zRequest.safeParse({ type: 'getToken' }).success, false, 'no request ever hands out the token');
  assert.equal(zRequest.safeParse({ type: 'chooseOfficine', officineId: -1 }).success, false);
  assert.equal(zRequest.safeParse({ type: 'createTicket', motif: 'connexion', errorCode: null, message: 'x', contactEmail: 'not-an-email', diagnostics: null }).success, false);
  assert.equal(zRequest.safeParse('getState').success, false);
});

test('pages accept only answers of the right shape for their request', () => {
  const prefs = { sessionOpens: true, closingSoon: false, confirmation: true };
  assert.deepEqual(parseResponse('getNotificationPrefs', { ok: true, data: prefs }), { ok: true, data: prefs });
  const wrong = parseResponse('getNotificationPrefs', { ok: true, data: { sessionOpens: 'yes' } });
  assert.equal(wrong.ok, false);
  assert.ok(!wrong.ok && wrong.error.code === 'UNEXPECTED');
  const error = { code: 'TOKEN_EXPIRED', message: 'Votre session a expiré.', motif: 'connexion', contact: 'spf_support' };
  assert.deepEqual(parseResponse('overview', { ok: false, error }), { ok: false, error });
  assert.equal(parseResponse('overview', undefined).ok, false, 'no answer (background asleep or gone) is an error, not a crash');
});
