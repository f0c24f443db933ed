/**
 * Weekly ordering sessions: status at a given instant, and generation of session times from
 * a Paris wall-clock template. All instants are ISO UTC strings.
 */
import { addDaysToDate, parisWallClockToUtc, weekdayOfDate } from './paris-time';

export const sessionStatuses = ['upcoming', 'open', 'closed', 'confirmed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export interface SessionTimes {
  opensAt: string;
  closesAt: string;
  confirmationAt: string;
}

export interface SessionState extends SessionTimes {
  /** Set once quantities have been allocated; confirmation is not published before that. */
  allocatedAt: string | null;
}

function toMs(value: Date | string, label: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ${label}: ${String(value)}`);
  return ms;
}

/**
 * upcoming before opensAt; open in [opensAt, closesAt); closed from closesAt until the
 * confirmation is published; confirmed after that. Allocation running late keeps the session
 * "closed" even past confirmationAt, so pharmacies never see empty confirmed quantities.
 */
export function sessionStatus(s: SessionState, now: Date | string): SessionStatus {
  const nowMs = toMs(now, 'now');
  if (nowMs < toMs(s.opensAt, 'opensAt')) return 'upcoming';
  if (nowMs < toMs(s.closesAt, 'closesAt')) return 'open';
  return isConfirmationPublished(s, now) ? 'confirmed' : 'closed';
}

export function isOpenForOrders(s: SessionState, now: Date | string): boolean {
  return sessionStatus(s, now) === 'open';
}

export function isConfirmationPublished(
  s: Pick<SessionState, 'confirmationAt' | 'allocatedAt'>,
  now: Date | string,
): boolean {
  return s.allocatedAt !== null && toMs(now, 'now') >= toMs(s.confirmationAt, 'confirmationAt');
}

export type SessionTimesError = 'SESSION_TIMES_ORDER';

/**
 * Requires opensAt < closesAt <= confirmationAt. Unparsable instants also yield
 * SESSION_TIMES_ORDER: the order cannot hold, and callers only need one code to reject input.
 */
export function validateSessionTimes(t: SessionTimes): SessionTimesError | null {
  const opens = Date.parse(t.opensAt);
  const closes = Date.parse(t.closesAt);
  const confirmation = Date.parse(t.confirmationAt);
  // NaN makes every comparison false, which is what routes unparsable input to the error.
  return opens < closes && closes <= confirmation ? null : 'SESSION_TIMES_ORDER';
}

export interface WeeklyTemplateMoment {
  /** ISO weekday within the session's week: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Paris wall-clock 'HH:MM'. */
  time: string;
}

export interface WeeklyTemplate {
  opens: WeeklyTemplateMoment;
  closes: WeeklyTemplateMoment;
  confirmation: WeeklyTemplateMoment;
  /** Weekdays of expected delivery in the following week, e.g. [4, 5] = Thursday, Friday. */
  deliveryDays: number[];
}

export const defaultWeeklyTemplate: WeeklyTemplate = Object.freeze({
  opens: Object.freeze({ weekday: 1, time: '08:00' }),
  closes: Object.freeze({ weekday: 2, time: '23:00' }),
  confirmation: Object.freeze({ weekday: 3, time: '18:00' }),
  deliveryDays: Object.freeze([4, 5]) as number[],
});

export interface WeekSessionTimes extends SessionTimes {
  /** 'YYYY-MM-DD' dates, ascending, in the week after the session's week. */
  expectedDeliveryDates: string[];
}

function assertWeekday(weekday: number, label: string): void {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`${label} weekday must be an integer from 1 (Monday) to 7 (Sunday): ${weekday}`);
  }
}

function assertMonday(date: string): void {
  if (weekdayOfDate(date) !== 1) throw new RangeError(`Not a Monday: ${date}`);
}

export function sessionTimesForWeek(
  monday: string,
  template: WeeklyTemplate = defaultWeeklyTemplate,
): WeekSessionTimes {
  assertMonday(monday);
  assertWeekday(template.opens.weekday, 'opens');
  assertWeekday(template.closes.weekday, 'closes');
  assertWeekday(template.confirmation.weekday, 'confirmation');
  template.deliveryDays.forEach((d) => assertWeekday(d, 'delivery'));
  // Weekdays are offsets from this Monday, so a lower closing weekday cannot mean
  // "next week"; reject it rather than silently produce a session that closes before opening.
  if (template.closes.weekday < template.opens.weekday) {
    throw new RangeError('SESSION_TIMES_ORDER: closes weekday is before opens weekday');
  }

  const at = (m: WeeklyTemplateMoment): string => parisWallClockToUtc(addDaysToDate(monday, m.weekday - 1), m.time);
  const times: SessionTimes = {
    opensAt: at(template.opens),
    closesAt: at(template.closes),
    confirmationAt: at(template.confirmation),
  };
  // Same-day moments, or a confirmation weekday before closing, can still be out of order.
  const error = validateSessionTimes(times);
  if (error) throw new RangeError(`${error}: template yields ${JSON.stringify(times)} for ${monday}`);

  const expectedDeliveryDates = [...new Set(template.deliveryDays)]
    .sort((a, b) => a - b)
    .map((d) => addDaysToDate(monday, 7 + d - 1));
  return { ...times, expectedDeliveryDates };
}

export interface RangeSessionTimes extends WeekSessionTimes {
  /** The Monday of the session's week, 'YYYY-MM-DD'. */
  monday: string;
}

/** `count` sessions from `firstMonday`, one every `everyNWeeks` weeks (2 = fortnightly). */
export function sessionsForRange(
  firstMonday: string,
  count: number,
  everyNWeeks = 1,
  template: WeeklyTemplate = defaultWeeklyTemplate,
): RangeSessionTimes[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer: ${count}`);
  if (!Number.isInteger(everyNWeeks) || everyNWeeks < 1) {
    throw new RangeError(`everyNWeeks must be a positive integer: ${everyNWeeks}`);
  }
  assertMonday(firstMonday);
  return Array.from({ length: count }, (_, i) => {
    const monday = addDaysToDate(firstMonday, i * 7 * everyNWeeks);
    return { monday, ...sessionTimesForWeek(monday, template) };
  });
}
