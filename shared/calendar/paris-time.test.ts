import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDaysToDate,
  formatParis,
  mondayOf,
  parisWallClockToUtc,
  utcToParisParts,
  weekdayOfDate,
} from './paris-time';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Independent oracle for the EU rule (since 1996): summer time from the last Sunday of March 01:00Z to the last Sunday of October 01:00Z. */
function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}
function euOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 120 : 60;
}

const FROM_MS = Date.UTC(1996, 0, 1);
const TO_MS = Date.UTC(2100, 0, 1);
const minuteInstant = fc.integer({ min: FROM_MS / MINUTE_MS, max: TO_MS / MINUTE_MS }).map((m) => m * MINUTE_MS);

describe('parisWallClockToUtc', () => {
  test('winter and summer offsets', () => {
    assert.equal(parisWallClockToUtc('2026-11-30', '08:00'), '2026-11-30T07:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-12-01', '23:00'), '2026-12-01T22:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-07-14', '00:00'), '2026-07-13T22:00:00.000Z');
  });

  test('week of Monday 2026-03-23 is still winter time', () => {
    assert.equal(parisWallClockToUtc('2026-03-23', '08:00'), '2026-03-23T07:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-28', '23:59'), '2026-03-28T22:59:00.000Z');
  });

  test('week of Monday 2026-03-30 is summer time (DST began 2026-03-29)', () => {
    assert.equal(parisWallClockToUtc('2026-03-30', '08:00'), '2026-03-30T06:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-31', '23:00'), '2026-03-31T21:00:00.000Z');
  });

  test('day of the spring change around the gap', () => {
    assert.equal(parisWallClockToUtc('2026-03-29', '00:00'), '2026-03-28T23:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-29', '01:59'), '2026-03-29T00:59:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-29', '03:00'), '2026-03-29T01:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-29', '12:00'), '2026-03-29T10:00:00.000Z');
  });

  test('nonexistent spring-gap times move forward by the gap', () => {
    // 02:00 does not exist: it is 03:00 CEST, the same instant as 03:00.
    assert.equal(parisWallClockToUtc('2026-03-29', '02:00'), '2026-03-29T01:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-03-29', '02:30'), '2026-03-29T01:30:00.000Z');
    assert.equal(utcToParisParts('2026-03-29T01:30:00.000Z').time, '03:30');
    assert.equal(parisWallClockToUtc('2026-03-29', '02:59'), '2026-03-29T01:59:00.000Z');
  });

  test('ambiguous autumn times take the first occurrence (summer time)', () => {
    assert.equal(parisWallClockToUtc('2026-10-25', '02:00'), '2026-10-25T00:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-10-25', '02:30'), '2026-10-25T00:30:00.000Z');
    assert.equal(parisWallClockToUtc('2026-10-25', '02:59'), '2026-10-25T00:59:00.000Z');
    // Both instants read 02:30 in Paris; only the first is returned.
    assert.deepEqual(utcToParisParts('2026-10-25T00:30:00.000Z'), {
      date: '2026-10-25',
      time: '02:30',
      weekday: 7,
      offsetMinutes: 120,
    });
    assert.deepEqual(utcToParisParts('2026-10-25T01:30:00.000Z'), {
      date: '2026-10-25',
      time: '02:30',
      weekday: 7,
      offsetMinutes: 60,
    });
  });

  test('October 2026 around the end of DST (2026-10-25)', () => {
    assert.equal(parisWallClockToUtc('2026-10-19', '08:00'), '2026-10-19T06:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-10-25', '01:59'), '2026-10-24T23:59:00.000Z');
    assert.equal(parisWallClockToUtc('2026-10-25', '03:00'), '2026-10-25T02:00:00.000Z');
    assert.equal(parisWallClockToUtc('2026-10-26', '08:00'), '2026-10-26T07:00:00.000Z');
  });

  test('rejects malformed or impossible input', () => {
    for (const [date, time] of [
      ['2026-02-29', '08:00'],
      ['2026-13-01', '08:00'],
      ['2026-1-01', '08:00'],
      ['26-01-01', '08:00'],
      ['2026-01-01', '24:00'],
      ['2026-01-01', '08:60'],
      ['2026-01-01', '8:00'],
      ['2026-01-01', '08:00:00'],
      ['', ''],
    ] as const) {
      assert.throws(() => parisWallClockToUtc(date, time), RangeError, `${date} ${time}`);
    }
    assert.equal(parisWallClockToUtc('2028-02-29', '08:00'), '2028-02-29T07:00:00.000Z');
  });

  test('property: utc → Paris → utc round-trips, except the second pass through the ambiguous hour', () => {
    fc.assert(
      fc.property(minuteInstant, (ms) => {
        const iso = new Date(ms).toISOString();
        const parts = utcToParisParts(iso);
        const back = Date.parse(parisWallClockToUtc(parts.date, parts.time));
        const hourEarlier = utcToParisParts(new Date(ms - HOUR_MS).toISOString());
        const isSecondOccurrence = hourEarlier.date === parts.date && hourEarlier.time === parts.time;
        assert.equal(back, isSecondOccurrence ? ms - HOUR_MS : ms);
        if (isSecondOccurrence) {
          assert.equal(parts.offsetMinutes, 60);
          assert.equal(parts.weekday, 7);
          assert.match(parts.time, /^02:/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('property: round trip holds for every minute of the ambiguous hour’s first occurrence and around it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1996, max: 2099 }), fc.integer({ min: -120, max: 180 }), (year, minute) => {
        const ms = lastSundayUtc(year, 9) - HOUR_MS + minute * MINUTE_MS;
        const parts = utcToParisParts(new Date(ms).toISOString());
        const back = Date.parse(parisWallClockToUtc(parts.date, parts.time));
        // Instants in [01:00Z, 02:00Z) repeat the wall clock of the hour before.
        const secondPass = ms >= lastSundayUtc(year, 9) && ms < lastSundayUtc(year, 9) + HOUR_MS;
        assert.equal(back, secondPass ? ms - HOUR_MS : ms);
      }),
    );
  });

  test('property: Paris → utc → Paris keeps the wall clock, except in the spring gap (moved +1h)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FROM_MS / 86_400_000, max: TO_MS / 86_400_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (dayNumber, hour, minute) => {
          const date = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const iso = parisWallClockToUtc(date, time);
          const parts = utcToParisParts(iso);
          const springDay = new Date(lastSundayUtc(Number(date.slice(0, 4)), 2)).toISOString().slice(0, 10);
          if (date === springDay && hour === 2) {
            assert.equal(parts.date, date);
            assert.equal(parts.time, `03:${time.slice(3)}`);
          } else {
            assert.equal(parts.date, date);
            assert.equal(parts.time, time);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('property: the spring gap on every year maps 02:MM to 03:MM CEST', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1996, max: 2099 }), fc.integer({ min: 0, max: 59 }), (year, minute) => {
        const gapStart = lastSundayUtc(year, 2);
        const date = new Date(gapStart).toISOString().slice(0, 10);
        const mm = String(minute).padStart(2, '0');
        assert.equal(Date.parse(parisWallClockToUtc(date, `02:${mm}`)), gapStart + minute * MINUTE_MS);
        assert.equal(parisWallClockToUtc(date, `02:${mm}`), parisWallClockToUtc(date, `03:${mm}`));
      }),
    );
  });
});

describe('utcToParisParts', () => {
  test('parts in winter and summer', () => {
    assert.deepEqual(utcToParisParts('2026-11-30T07:00:00.000Z'), {
      date: '2026-11-30',
      time: '08:00',
      weekday: 1,
      offsetMinutes: 60,
    });
    assert.deepEqual(utcToParisParts('2026-03-30T06:00:00.000Z'), {
      date: '2026-03-30',
      time: '08:00',
      weekday: 1,
      offsetMinutes: 120,
    });
  });

  test('the Paris date differs from the UTC date near midnight', () => {
    assert.deepEqual(utcToParisParts('2026-11-29T23:30:00.000Z'), {
      date: '2026-11-30',
      time: '00:30',
      weekday: 1,
      offsetMinutes: 60,
    });
    assert.equal(utcToParisParts('2026-12-31T23:00:00.000Z').date, '2027-01-01');
    assert.equal(utcToParisParts('2026-12-31T23:00:00.000Z').time, '00:00');
  });

  test('offset switches exactly at 01:00Z on the change days', () => {
    assert.equal(utcToParisParts('2026-03-29T00:59:59.999Z').offsetMinutes, 60);
    assert.equal(utcToParisParts('2026-03-29T00:59:59.999Z').time, '01:59');
    assert.equal(utcToParisParts('2026-03-29T01:00:00.000Z').offsetMinutes, 120);
    assert.equal(utcToParisParts('2026-03-29T01:00:00.000Z').time, '03:00');
    assert.equal(utcToParisParts('2026-10-25T00:59:59.999Z').offsetMinutes, 120);
    assert.equal(utcToParisParts('2026-10-25T00:59:59.999Z').time, '02:59');
    assert.equal(utcToParisParts('2026-10-25T01:00:00.000Z').offsetMinutes, 60);
    assert.equal(utcToParisParts('2026-10-25T01:00:00.000Z').time, '02:00');
  });

  test('seconds are dropped, not rounded', () => {
    assert.equal(utcToParisParts('2026-11-30T07:00:59.999Z').time, '08:00');
  });

  test('rejects an invalid instant', () => {
    assert.throws(() => utcToParisParts('not a date'), RangeError);
  });

  test('property: offset and weekday agree with the EU rule and with UTC arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS, max: TO_MS }), (ms) => {
        const parts = utcToParisParts(new Date(ms).toISOString());
        const offset = euOffsetMinutes(ms);
        assert.equal(parts.offsetMinutes, offset);
        const shifted = new Date(ms + offset * MINUTE_MS).toISOString();
        assert.equal(parts.date, shifted.slice(0, 10));
        assert.equal(parts.time, shifted.slice(11, 16));
        assert.equal(parts.weekday, ((new Date(ms + offset * MINUTE_MS).getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatParis', () => {
  test('French and English, in Paris time', () => {
    assert.equal(formatParis('2026-12-01T22:00:00.000Z'), 'mardi 1 décembre 2026 à 23:00');
    assert.equal(formatParis('2026-12-01T22:00:00.000Z', 'fr'), 'mardi 1 décembre 2026 à 23:00');
    assert.equal(formatParis('2026-12-01T22:00:00.000Z', 'en'), 'Tuesday 1 December 2026 at 23:00');
  });

  test('summer time and a Paris date ahead of the UTC date', () => {
    assert.equal(formatParis('2026-03-30T06:00:00.000Z'), 'lundi 30 mars 2026 à 08:00');
    assert.equal(formatParis('2026-11-30T23:00:00.000Z', 'en'), 'Tuesday 1 December 2026 at 00:00');
    assert.equal(formatParis('2026-10-25T01:30:00.000Z'), 'dimanche 25 octobre 2026 à 02:30');
  });

  test('rejects an invalid instant', () => {
    assert.throws(() => formatParis(''), RangeError);
  });
});

describe('calendar dates', () => {
  test('addDaysToDate crosses months, years, leap days and DST changes without drifting', () => {
    assert.equal(addDaysToDate('2026-03-28', 1), '2026-03-29');
    assert.equal(addDaysToDate('2026-03-29', 1), '2026-03-30');
    assert.equal(addDaysToDate('2026-10-25', 1), '2026-10-26');
    assert.equal(addDaysToDate('2026-12-31', 1), '2027-01-01');
    assert.equal(addDaysToDate('2028-02-28', 1), '2028-02-29');
    assert.equal(addDaysToDate('2027-02-28', 1), '2027-03-01');
    assert.equal(addDaysToDate('2026-03-01', -1), '2026-02-28');
    assert.equal(addDaysToDate('2026-11-30', 0), '2026-11-30');
    assert.equal(addDaysToDate('2026-11-30', 365), '2027-11-30');
    assert.throws(() => addDaysToDate('2026-11-30', 1.5), RangeError);
    assert.throws(() => addDaysToDate('2026-11-31', 1), RangeError);
  });

  test('mondayOf', () => {
    assert.equal(mondayOf('2026-03-30'), '2026-03-30');
    assert.equal(mondayOf('2026-03-29'), '2026-03-23');
    assert.equal(mondayOf('2026-04-05'), '2026-03-30');
    assert.equal(mondayOf('2027-01-01'), '2026-12-28');
    assert.equal(weekdayOfDate('2026-11-30'), 1);
    assert.equal(weekdayOfDate('2026-03-29'), 7);
  });

  const dateArb = fc
    .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

  test('property: addDaysToDate is invertible and additive', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), (d, a, b) => {
        assert.equal(addDaysToDate(addDaysToDate(d, a), -a), d);
        assert.equal(addDaysToDate(addDaysToDate(d, a), b), addDaysToDate(d, a + b));
      }),
    );
  });

  test('property: mondayOf is a Monday at most 6 days before, and idempotent', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const monday = mondayOf(d);
        assert.equal(weekdayOfDate(monday), 1);
        assert.equal(mondayOf(monday), monday);
        const back = (Date.parse(d) - Date.parse(monday)) / 86_400_000;
        assert.ok(back >= 0 && back <= 6);
        assert.equal(back, weekdayOfDate(d) - 1);
      }),
    );
  });
});
