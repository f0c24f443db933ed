import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zLoginMethod } from '../../shared/schemas/auth';
import { zUserError } from '../errors/user-error-schema';
import { loginMethods } from '../../shared/domain/kinds';
import { answerChecks, checkAnswer, userError } from './answer-checks';
import { parseResponse, responseSchemas, type RequestType } from './protocol';

const me = {
  kind: 'pharmacist',
  pharmacist: { id: 3, idNat: '810000002028', firstName: 'Anne', lastName: 'Martin' },
  officine: { id: 7, finess: '750000001', name: 'Pharmacie du Centre', addressLine: '1 rue de la Paix', postalCode: '75002', city: 'Paris', departement: '75', kind: 'officine', email: 'contact@pharmacie.example' },
  method: 'ciba',
  expiresAt: '2026-11-30T12:00:00.000Z',
  required: ['email'],
};
const officineChoice = { id: 8, name: 'Pharmacie de la Gare', finess: '750000002', city: 'Paris', role: 'titulaire' };
const session = {
  id: 12,
  label: 'Semaine 49',
  opensAt: '2026-11-30T08:00:00Z',
  closesAt: '2026-12-02T16:00:00+01:00',
  confirmationAt: '2026-12-03T10:00:00.5Z',
  expectedDeliveryDates: ['2026-12-07', '2026-12-08'],
  allocatedAt: null,
  status: 'open',
};

/** Valid answers of every type, several for the unions. */
const samples: { [T in RequestType]: unknown[] } = {
  getState: [
    { serviceUrl: 'https://commande.example', me: null, pendingCiba: null, officineChoice: null },
    { serviceUrl: 'https://commande.example', me, pendingCiba: { bindingMessage: '42', expiresAt: 'x', intervalSeconds: 5 }, officineChoice: [officineChoice] },
  ],
  cibaStart: [{ status: 'pending', ciba: { bindingMessage: '42', expiresAt: '2026-11-30T12:00:00Z', intervalSeconds: 5 } }],
  cibaPoll: [{ status: 'choose_officine', officines: [officineChoice, { ...officineChoice, id: 9 }] }, { status: 'authenticated', me }],
  cibaCancel: [null],
  pscLogin: [{ status: 'authenticated', me: { ...me, officine: { ...me.officine, email: null, departement: null } } }],
  chooseOfficine: [{ status: 'choose_officine', officines: [] }],
  overview: [
    { me, session, serverTime: '2026-11-30T09:00:00Z', order: { status: 'none' }, emailRequired: false },
    { me, session: { ...session, allocatedAt: '2026-12-03T09:00:00Z', status: 'confirmed' }, serverTime: 's', order: { status: 'confirmed', lineCount: 2, totalVials: 30 }, emailRequired: false },
    { me, session: null, serverTime: 's', order: { status: 'submitted', lineCount: 1, totalVials: 10 }, emailRequired: true },
  ],
  logout: [null],
  openOrdering: [null],
  getNotificationPrefs: [{ sessionOpens: true, closingSoon: false, confirmation: true }],
  setNotificationPrefs: [{ sessionOpens: false, closingSoon: false, confirmation: false }],
  configChanged: [null],
  createTicket: [{ id: 1, createdAt: '2026-11-30T09:00:00Z' }],
};

/** Every way to break one field: removed, null, of another type, a string that is no date, id or code. */
const wrongValues: unknown[] = [undefined, null, 0, -1, 1.5, 3_000_000_000, 'x', '', true, [], {}, [1], ['x'], '2026-13-01T00:00:00Z', '2026-11-30', 'not an e-mail', 'pharmacist2'];

function* mutations(value: unknown, path: string[] = []): Generator<[string, unknown]> {
  for (const wrong of wrongValues) yield [`${path.join('.') || '(root)'} = ${JSON.stringify(wrong)}`, wrong];
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    for (const [label, mutated] of mutations(child, [...path, key])) {
      const copy: unknown = Array.isArray(value) ? [...(value as unknown[])] : { ...value };
      if (mutated === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[key];
      else (copy as Record<string, unknown>)[key] = mutated;
      yield [label, copy];
    }
  }
}

test('the light checks give zod’s verdict on every valid answer and every field broken', () => {
  let compared = 0;
  for (const type of Object.keys(samples) as RequestType[]) {
    for (const sample of samples[type]) {
      assert.ok(responseSchemas[type].safeParse(sample).success, `${type}: the sample is valid for zod`);
      assert.ok(answerChecks[type](sample), `${type}: the sample is valid for the light check`);
      for (const [label, mutated] of mutations(sample)) {
        assert.equal(answerChecks[type](mutated), responseSchemas[type].safeParse(mutated).success, `${type}: ${label}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000);
});

test('user errors: the same verdicts as zUserError', () => {
  const error = { code: 'TOKEN_EXPIRED', message: 'Votre session a expiré.', motif: 'connexion', contact: 'spf_support' };
  for (const [label, mutated] of mutations(error)) assert.equal(userError(mutated), zUserError.safeParse(mutated).success, label);
  assert.equal(userError({ ...error, code: 'token_expired' }), false);
  assert.equal(userError({ ...error, code: `A${'B'.repeat(61)}` }), false);
});

test('the light check and the schema take their login methods from the one list', () => {
  assert.deepEqual([...loginMethods], zLoginMethod.options);
});

test('checkAnswer and parseResponse agree on envelopes', () => {
  const error = { code: 'TOKEN_EXPIRED', message: 'Votre session a expiré.', motif: 'connexion', contact: 'spf_support' };
  const answers: unknown[] = [
    undefined,
    null,
    'ok',
    [],
    { ok: true },
    { ok: true, data: null },
    { ok: 'true', data: null },
    { ok: false },
    { ok: false, error },
    { ok: false, error: { ...error, contact: 'nobody' } },
    { ok: true, data: samples.overview[0] },
    { ok: true, data: samples.getState[1] },
  ];
  for (const type of ['logout', 'overview', 'getState'] as const) {
    for (const answer of answers) assert.deepEqual(checkAnswer(type, answer), parseResponse(type, answer), `${type}: ${JSON.stringify(answer)}`);
  }
});
