import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDaysToDate, parisWallClockToUtc, utcToParisParts } from './paris-time';
import {
  defaultWeeklyTemplate,
  isConfirmationPublished,
  isOpenForOrders,
  sessionStatus,
  sessionStatuses,
  sessionsForRange,
  sessionTimesForWeek,
  validateSessionTimes,
  type SessionState,
  type WeeklyTemplate,
} from './session-calendar';

const shift = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

describe('sessionStatus', () => {
  const session: SessionState = {
    opensAt: '2026-11-30T07:00:00.000Z',
    closesAt: '2026-12-01T22:00:00.000Z',
    confirmationAt: '2026-12-02T17:00:00.000Z',
    allocatedAt: null,
  };
  const allocated: SessionState = { ...session, allocatedAt: '2026-12-02T10:00:00.000Z' };

  test('transitions at exact boundaries', () => {
    assert.equal(sessionStatus(allocated, shift(session.opensAt, -1)), 'upcoming');
    assert.equal(sessionStatus(allocated, session.opensAt), 'open');
    assert.equal(sessionStatus(allocated, shift(session.closesAt, -1)), 'open');
    assert.equal(sessionStatus(allocated, session.closesAt), 'closed');
    assert.equal(sessionStatus(allocated, shift(session.confirmationAt, -1)), 'closed');
    assert.equal(sessionStatus(allocated, session.confirmationAt), 'confirmed');
    assert.equal(sessionStatus(allocated, '2027-06-01T00:00:00.000Z'), 'confirmed');
  });

  test('stays closed past confirmationAt until quantities are allocated', () => {
    assert.equal(sessionStatus(session, session.confirmationAt), 'closed');
    assert.equal(sessionStatus(session, '2027-06-01T00:00:00.000Z'), 'closed');
  });

  test('allocation before confirmationAt does not publish early', () => {
    assert.equal(sessionStatus(allocated, '2026-12-02T16:59:59.999Z'), 'closed');
    assert.equal(isConfirmationPublished(allocated, '2026-12-02T16:59:59.999Z'), false);
  });

  test('accepts Date or ISO string for now, including non-UTC offsets', () => {
    assert.equal(sessionStatus(session, new Date('2026-11-30T07:00:00.000Z')), 'open');
    assert.equal(sessionStatus(session, new Date('2026-11-30T06:59:59.999Z')), 'upcoming');
    assert.equal(sessionStatus(session, '2026-11-30T08:00:00+01:00'), 'open');
    assert.equal(sessionStatus(session, '2026-11-30T07:59:59.999+01:00'), 'upcoming');
  });

  test('invalid now throws', () => {
    assert.throws(() => sessionStatus(session, 'soon'), RangeError);
    assert.throws(() => sessionStatus(session, new Date(Number.NaN)), RangeError);
  });

  test('isOpenForOrders follows [opensAt, closesAt)', () => {
    assert.equal(isOpenForOrders(session, shift(session.opensAt, -1)), false);
    assert.equal(isOpenForOrders(session, session.opensAt), true);
    assert.equal(isOpenForOrders(session, shift(session.closesAt, -1)), true);
    assert.equal(isOpenForOrders(session, session.closesAt), false);
    assert.equal(isOpenForOrders(allocated, '2027-01-01T00:00:00.000Z'), false);
  });

  test('isConfirmationPublished needs both confirmationAt and allocatedAt', () => {
    assert.equal(isConfirmationPublished(session, session.confirmationAt), false);
    assert.equal(isConfirmationPublished(allocated, shift(session.confirmationAt, -1)), false);
    assert.equal(isConfirmationPublished(allocated, session.confirmationAt), true);
    assert.equal(isConfirmationPublished(allocated, new Date('2026-12-03T00:00:00.000Z')), true);
  });

  test('property: status never goes backwards in time', () => {
    const start = Date.parse(session.opensAt) - 86_400_000;
    const end = Date.parse(session.confirmationAt) + 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.integer({ min: start, max: end }),
        fc.boolean(),
        (a, b, isAllocated) => {
          const s = isAllocated ? allocated : session;
          const [early, late] = a <= b ? [a, b] : [b, a];
          const rank = (ms: number) => sessionStatuses.indexOf(sessionStatus(s, new Date(ms)));
          assert.ok(rank(early) <= rank(late));
          assert.equal(isOpenForOrders(s, new Date(early)), sessionStatus(s, new Date(early)) === 'open');
        },
      ),
    );
  });
});

describe('validateSessionTimes', () => {
  const ok = {
    opensAt: '2026-11-30T07:00:00.000Z',
    closesAt: '2026-12-01T22:00:00.000Z',
    confirmationAt: '2026-12-02T17:00:00.000Z',
  };

  test('accepts opensAt < closesAt <= confirmationAt', () => {
    assert.equal(validateSessionTimes(ok), null);
    assert.equal(validateSessionTimes({ ...ok, confirmationAt: ok.closesAt }), null);
  });

  test('rejects every other order', () => {
    assert.equal(validateSessionTimes({ ...ok, closesAt: ok.opensAt }), 'SESSION_TIMES_ORDER');
    assert.equal(validateSessionTimes({ ...ok, closesAt: '2026-11-30T06:00:00.000Z' }), 'SESSION_TIMES_ORDER');
    assert.equal(validateSessionTimes({ ...ok, confirmationAt: '2026-12-01T21:59:59.999Z' }), 'SESSION_TIMES_ORDER');
    assert.equal(validateSessionTimes({ ...ok, opensAt: ok.confirmationAt }), 'SESSION_TIMES_ORDER');
  });

  test('compares instants, not strings', () => {
    // '+01:00' strings sort differently from their instants.
    assert.equal(
      validateSessionTimes({
        opensAt: '2026-11-30T08:00:00+01:00',
        closesAt: '2026-11-30T07:30:00Z',
        confirmationAt: '2026-11-30T07:30:00Z',
      }),
      null,
    );
  });

  test('unparsable instants are rejected', () => {
    assert.equal(validateSessionTimes({ ...ok, closesAt: '' }), 'SESSION_TIMES_ORDER');
    assert.equal(validateSessionTimes({ ...ok, confirmationAt: 'tomorrow' }), 'SESSION_TIMES_ORDER');
  });
});

describe('sessionTimesForWeek', () => {
  test('default template: Monday 08:00, Tuesday 23:00, Wednesday 18:00, delivery Thursday/Friday next week', () => {
    assert.deepEqual(sessionTimesForWeek('2026-11-30'), {
      opensAt: '2026-11-30T07:00:00.000Z',
      closesAt: '2026-12-01T22:00:00.000Z',
      confirmationAt: '2026-12-02T17:00:00.000Z',
      expectedDeliveryDates: ['2026-12-10', '2026-12-11'],
    });
  });

  test('week of 2026-03-23 (before DST)', () => {
    assert.deepEqual(sessionTimesForWeek('2026-03-23'), {
      opensAt: '2026-03-23T07:00:00.000Z',
      closesAt: '2026-03-24T22:00:00.000Z',
      confirmationAt: '2026-03-25T17:00:00.000Z',
      expectedDeliveryDates: ['2026-04-02', '2026-04-03'],
    });
  });

  test('week of 2026-03-30 (DST began 2026-03-29)', () => {
    assert.deepEqual(sessionTimesForWeek('2026-03-30'), {
      opensAt: '2026-03-30T06:00:00.000Z',
      closesAt: '2026-03-31T21:00:00.000Z',
      confirmationAt: '2026-04-01T16:00:00.000Z',
      expectedDeliveryDates: ['2026-04-09', '2026-04-10'],
    });
  });

  test('October 2026: summer time until 2026-10-25, winter time after', () => {
    assert.deepEqual(sessionTimesForWeek('2026-10-19'), {
      opensAt: '2026-10-19T06:00:00.000Z',
      closesAt: '2026-10-20T21:00:00.000Z',
      confirmationAt: '2026-10-21T16:00:00.000Z',
      expectedDeliveryDates: ['2026-10-29', '2026-10-30'],
    });
    assert.deepEqual(sessionTimesForWeek('2026-10-26'), {
      opensAt: '2026-10-26T07:00:00.000Z',
      closesAt: '2026-10-27T22:00:00.000Z',
      confirmationAt: '2026-10-28T17:00:00.000Z',
      expectedDeliveryDates: ['2026-11-05', '2026-11-06'],
    });
  });

  test('template moments inside the spring gap and the autumn ambiguity', () => {
    const sundayNight: WeeklyTemplate = {
      opens: { weekday: 1, time: '08:00' },
      closes: { weekday: 7, time: '02:30' },
      confirmation: { weekday: 7, time: '12:00' },
      deliveryDays: [2],
    };
    // Week of the spring change: 02:30 does not exist, closing moves to 03:30 CEST.
    const spring = sessionTimesForWeek('2026-03-23', sundayNight);
    assert.equal(spring.opensAt, '2026-03-23T07:00:00.000Z');
    assert.equal(spring.closesAt, '2026-03-29T01:30:00.000Z');
    assert.equal(spring.confirmationAt, '2026-03-29T10:00:00.000Z');
    // Week of the autumn change: 02:30 happens twice, closing is the first (CEST) one.
    const autumn = sessionTimesForWeek('2026-10-19', sundayNight);
    assert.equal(autumn.opensAt, '2026-10-19T06:00:00.000Z');
    assert.equal(autumn.closesAt, '2026-10-25T00:30:00.000Z');
    assert.equal(autumn.confirmationAt, '2026-10-25T11:00:00.000Z');
    assert.deepEqual(autumn.expectedDeliveryDates, ['2026-10-27']);
  });

  test('delivery days are deduplicated and sorted', () => {
    const t: WeeklyTemplate = { ...defaultWeeklyTemplate, deliveryDays: [5, 1, 5, 7] };
    assert.deepEqual(sessionTimesForWeek('2026-11-30', t).expectedDeliveryDates, ['2026-12-07', '2026-12-11', '2026-12-13']);
    assert.deepEqual(sessionTimesForWeek('2026-11-30', { ...t, deliveryDays: [] }).expectedDeliveryDates, []);
  });

  test('closing at the confirmation time is allowed', () => {
    const t: WeeklyTemplate = {
      ...defaultWeeklyTemplate,
      closes: { weekday: 3, time: '18:00' },
      confirmation: { weekday: 3, time: '18:00' },
    };
    const times = sessionTimesForWeek('2026-11-30', t);
    assert.equal(times.closesAt, times.confirmationAt);
  });

  test('rejects a closes weekday lower than opens, and out-of-order times', () => {
    const base = defaultWeeklyTemplate;
    assert.throws(
      () => sessionTimesForWeek('2026-03-23', { ...base, opens: { weekday: 5, time: '08:00' } }),
      /SESSION_TIMES_ORDER/,
    );
    assert.throws(
      () => sessionTimesForWeek('2026-11-30', { ...base, closes: { weekday: 1, time: '07:00' } }),
      /SESSION_TIMES_ORDER/,
    );
    assert.throws(
      () => sessionTimesForWeek('2026-11-30', { ...base, closes: { weekday: 1, time: '08:00' } }),
      /SESSION_TIMES_ORDER/,
    );
    assert.throws(
      () => sessionTimesForWeek('2026-11-30', { ...base, confirmation: { weekday: 2, time: '22:59' } }),
      /SESSION_TIMES_ORDER/,
    );
  });

  test('rejects invalid weekdays, times and non-Monday dates', () => {
    const base = defaultWeeklyTemplate;
    assert.throws(() => sessionTimesForWeek('2026-12-01'), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-02-30'), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-11-30', { ...base, opens: { weekday: 0, time: '08:00' } }), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-11-30', { ...base, closes: { weekday: 8, time: '08:00' } }), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-11-30', { ...base, closes: { weekday: 2.5, time: '08:00' } }), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-11-30', { ...base, opens: { weekday: 1, time: '8h00' } }), RangeError);
    assert.throws(() => sessionTimesForWeek('2026-11-30', { ...base, deliveryDays: [4, 8] }), RangeError);
  });

  test('the default template cannot be mutated by accident', () => {
    assert.throws(() => {
      (defaultWeeklyTemplate.opens as { time: string }).time = '09:00';
    }, TypeError);
    assert.equal(defaultWeeklyTemplate.opens.time, '08:00');
  });

  test('property: every week reads Monday 08:00 / Tuesday 23:00 / Wednesday 18:00 in Paris', () => {
    const firstMonday = Date.UTC(2000, 0, 3) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 52 * 100 }), (week) => {
        const monday = new Date((firstMonday + week * 7) * 86_400_000).toISOString().slice(0, 10);
        const t = sessionTimesForWeek(monday);
        const opens = utcToParisParts(t.opensAt);
        const closes = utcToParisParts(t.closesAt);
        const confirmation = utcToParisParts(t.confirmationAt);
        assert.deepEqual([opens.date, opens.time, opens.weekday], [monday, '08:00', 1]);
        assert.deepEqual([closes.date, closes.time, closes.weekday], [addDaysToDate(monday, 1), '23:00', 2]);
        assert.deepEqual([confirmation.date, confirmation.time, confirmation.weekday], [addDaysToDate(monday, 2), '18:00', 3]);
        assert.deepEqual(t.expectedDeliveryDates, [addDaysToDate(monday, 10), addDaysToDate(monday, 11)]);
        assert.equal(validateSessionTimes(t), null);
      }),
    );
  });
});

describe('a session straddling the spring DST change', () => {
  // Created by hand: a Friday-to-Tuesday session cannot come from a weekly template.
  const s: SessionState = {
    opensAt: parisWallClockToUtc('2026-03-27', '08:00'),
    closesAt: parisWallClockToUtc('2026-03-31', '23:00'),
    confirmationAt: parisWallClockToUtc('2026-04-01', '18:00'),
    allocatedAt: '2026-04-01T09:00:00.000Z',
  };

  test('each end uses the offset in force at that moment', () => {
    assert.equal(s.opensAt, '2026-03-27T07:00:00.000Z');
    assert.equal(s.closesAt, '2026-03-31T21:00:00.000Z');
    assert.equal(s.confirmationAt, '2026-04-01T16:00:00.000Z');
    assert.equal(validateSessionTimes(s), null);
    // 4 days 15 hours of wall clock, but one hour is skipped by the change.
    assert.equal(Date.parse(s.closesAt) - Date.parse(s.opensAt), (4 * 24 + 14) * 3_600_000);
  });

  test('status across the change', () => {
    assert.equal(sessionStatus(s, '2026-03-27T06:59:59.999Z'), 'upcoming');
    assert.equal(sessionStatus(s, '2026-03-27T07:00:00.000Z'), 'open');
    assert.equal(sessionStatus(s, '2026-03-29T01:30:00.000Z'), 'open');
    assert.equal(sessionStatus(s, '2026-03-31T20:59:59.999Z'), 'open');
    assert.equal(sessionStatus(s, '2026-03-31T21:00:00.000Z'), 'closed');
    // 23:30 Paris: a closing time computed with the opening's winter offset (22:00Z) would still accept orders.
    assert.equal(sessionStatus(s, '2026-03-31T21:30:00.000Z'), 'closed');
    assert.equal(sessionStatus(s, '2026-04-01T16:00:00.000Z'), 'confirmed');
  });
});

describe('sessionsForRange', () => {
  test('weekly sessions across the spring change', () => {
    const sessions = sessionsForRange('2026-03-16', 3);
    assert.deepEqual(
      sessions.map((x) => [x.monday, x.opensAt, x.closesAt]),
      [
        ['2026-03-16', '2026-03-16T07:00:00.000Z', '2026-03-17T22:00:00.000Z'],
        ['2026-03-23', '2026-03-23T07:00:00.000Z', '2026-03-24T22:00:00.000Z'],
        ['2026-03-30', '2026-03-30T06:00:00.000Z', '2026-03-31T21:00:00.000Z'],
      ],
    );
    assert.deepEqual(sessions[2], { monday: '2026-03-30', ...sessionTimesForWeek('2026-03-30') });
  });

  test('fortnightly rhythm', () => {
    const sessions = sessionsForRange('2026-10-12', 4, 2);
    assert.deepEqual(
      sessions.map((x) => [x.monday, x.opensAt]),
      [
        ['2026-10-12', '2026-10-12T06:00:00.000Z'],
        ['2026-10-26', '2026-10-26T07:00:00.000Z'],
        ['2026-11-09', '2026-11-09T07:00:00.000Z'],
        ['2026-11-23', '2026-11-23T07:00:00.000Z'],
      ],
    );
  });

  test('custom template is passed through', () => {
    const t: WeeklyTemplate = { ...defaultWeeklyTemplate, opens: { weekday: 2, time: '09:00' } };
    const [first] = sessionsForRange('2026-11-30', 1, 1, t);
    assert.equal(first?.opensAt, '2026-12-01T08:00:00.000Z');
  });

  test('edge cases and invalid arguments', () => {
    assert.deepEqual(sessionsForRange('2026-11-30', 0), []);
    assert.throws(() => sessionsForRange('2026-12-01', 1), RangeError);
    assert.throws(() => sessionsForRange('2026-11-30', -1), RangeError);
    assert.throws(() => sessionsForRange('2026-11-30', 1.5), RangeError);
    assert.throws(() => sessionsForRange('2026-11-30', 2, 0), RangeError);
    assert.throws(() => sessionsForRange('2026-11-30', 2, 1.5), RangeError);
  });

  test('property: sessions are spaced by N weeks and never overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 52 * 50 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (week, count, n) => {
          const first = addDaysToDate('2020-01-06', week * 7);
          const sessions = sessionsForRange(first, count, n);
          assert.equal(sessions.length, count);
          sessions.forEach((x, i) => {
            assert.equal(x.monday, addDaysToDate(first, i * 7 * n));
            const previous = sessions[i - 1];
            if (previous) assert.ok(Date.parse(previous.confirmationAt) < Date.parse(x.opensAt));
          });
        },
      ),
    );
  });
});
