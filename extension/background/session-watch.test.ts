import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Overview } from '../messages/protocol';
import { alarmName, badgeFor, closingWarningMs, notificationFor, parseAlarmName, planAlarms } from './session-watch';

const hour = 3_600_000;
const now = Date.parse('2026-11-30T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function overview(status: 'upcoming' | 'open' | 'closed' | 'confirmed', order: Overview['order'] = { status: 'none' }, closesIn = 30 * hour): Overview {
  return {
    me: {
      kind: 'pharmacist',
      pharmacist: { id: 1, idNat: '810000002028', firstName: 'Hugo', lastName: 'Bernard' },
      officine: { id: 1, finess: '690002020', name: 'Pharmacie des Terreaux' } as Overview['me']['officine'],
      method: 'ciba',
      expiresAt: iso(now + 12 * hour),
      required: [],
    },
    session: { id: 7, label: 'Session', opensAt: iso(now + hour), closesAt: iso(now + closesIn), confirmationAt: iso(now + 50 * hour), expectedDeliveryDates: [], allocatedAt: null, status },
    serverTime: iso(now),
    order,
    emailRequired: false,
  };
}

test('alarms follow the session: opening, two hours before closing, confirmation; none in the past', () => {
  assert.deepEqual(planAlarms(overview('upcoming'), now).map((a) => [a.kind, a.when]), [
    ['session-opens', now + hour],
    ['closing-soon', now + 30 * hour - closingWarningMs],
    ['confirmation', now + 50 * hour],
  ]);
  assert.deepEqual(planAlarms(overview('open'), now).map((a) => a.kind), ['closing-soon', 'confirmation']);
  assert.deepEqual(planAlarms(overview('open', { status: 'none' }, hour), now).map((a) => a.kind), ['confirmation'], 'already inside the two hours');
  assert.deepEqual(planAlarms(overview('confirmed'), now), []);
  assert.deepEqual(planAlarms({ ...overview('open'), session: null }, now), []);
  // The server's clock decides: a local clock 10 minutes fast fires 10 minutes later in local time.
  assert.equal(planAlarms(overview('upcoming'), now, -10 * 60_000)[0]?.when, now + hour + 10 * 60_000);
});

test('alarm names carry the kind and the session', () => {
  assert.deepEqual(parseAlarmName(alarmName('closing-soon', 7)), { kind: 'closing-soon', sessionId: 7 });
  assert.equal(parseAlarmName('refresh'), null);
});

test('a fired alarm notifies only when still true, for the same session, and when the user wants it', () => {
  const all = { sessionOpens: true, closingSoon: true, confirmation: true };
  assert.match(notificationFor('session-opens', 7, overview('open'), all)?.title ?? '', /ouverte/);
  assert.equal(notificationFor('session-opens', 7, overview('open'), { ...all, sessionOpens: false }), null, 'turned off');
  assert.equal(notificationFor('session-opens', 8, overview('open'), all), null, 'another session');
  assert.match(notificationFor('closing-soon', 7, overview('open'), all)?.message ?? '', /pas encore commandé/);
  assert.equal(notificationFor('closing-soon', 7, overview('open', { status: 'submitted', lineCount: 3, totalVials: 9 }), all), null, 'the officine has ordered');
  assert.ok(notificationFor('confirmation', 7, overview('confirmed', { status: 'confirmed', lineCount: 3, totalVials: 9 }), all));
  assert.equal(notificationFor('confirmation', 7, overview('closed', { status: 'submitted', lineCount: 3, totalVials: 9 }), all), null, 'not published yet');
});

test('the badge shows the window state', () => {
  assert.equal(badgeFor(null, now).text, '');
  assert.equal(badgeFor(overview('upcoming'), now).text, 'BTÔT');
  assert.equal(badgeFor(overview('open'), now).text, 'OUV');
  assert.equal(badgeFor(overview('open', { status: 'none' }, hour), now).text, '2h!');
  assert.equal(badgeFor(overview('open', { status: 'submitted', lineCount: 1, totalVials: 1 }, hour), now).text, 'OUV');
  assert.equal(badgeFor(overview('closed'), now).text, 'FERM');
  assert.equal(badgeFor(overview('confirmed'), now).text, 'CONF');
});
