/**
 * Europe/Paris wall-clock helpers. Ordering sessions are defined in Paris time but stored
 * as ISO UTC instants; these helpers convert between the two without a date library, so
 * they behave the same in Node and in browsers (both ship the IANA zone data behind Intl).
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

export interface ParisParts {
  /** 'YYYY-MM-DD' in Paris. */
  date: string;
  /** 'HH:MM' in Paris (seconds are dropped). */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Paris offset from UTC at that instant: 60 (CET) or 120 (CEST). */
  offsetMinutes: number;
}

interface DateFields {
  year: number;
  month: number;
  day: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatDateFields({ year, month, day }: DateFields): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function parseDate(date: string): DateFields {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Round-tripping through Date rejects 2026-02-30 and the like, which Date would roll over.
  const probe = new Date(utcMs(year, month, day));
  if (
    year < 1 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new RangeError(`Invalid date: ${date}`);
  }
  return { year, month, day };
}

function parseTime(time: string): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new RangeError(`Invalid time (expected HH:MM): ${time}`);
  return { hour, minute };
}

/** Date.UTC, but years 0–99 are not mapped to 1900–1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${iso}`);
  return ms;
}

// Building a DateTimeFormat is expensive (it loads zone and locale data), and offsets are
// looked up several times per conversion, so a single instance is shared.
let partsFormatter: Intl.DateTimeFormat | undefined;
function getPartsFormatter(): Intl.DateTimeFormat {
  partsFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PARIS_TIME_ZONE,
    // Latin digits are forced so Number() can parse them whatever the default locale data.
    numberingSystem: 'latn',
    calendar: 'gregory',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return partsFormatter;
}

interface WallClock extends DateFields {
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(ms: number): WallClock {
  const fields: Record<string, string> = {};
  for (const part of getPartsFormatter().formatToParts(new Date(ms))) fields[part.type] = part.value;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    // Some older engines print midnight as "24" even with hourCycle h23.
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** Offset of Paris from UTC at instant `ms`, in minutes (positive east of Greenwich). */
function offsetMinutesAt(ms: number): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const w = wallClockAt(wholeSecond);
  const wallAsUtc = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  return Math.round((wallAsUtc - wholeSecond) / MINUTE_MS);
}

/**
 * The UTC instant of a Paris wall-clock time, as an ISO string.
 *
 * Nonexistent times (spring-forward gap) are pushed forward by the gap, so 02:30 on the last
 * Sunday of March becomes 03:30 CEST: a session scheduled in the gap still happens, just
 * as late as the clocks force it. Ambiguous times (autumn fall-back) take the first
 * occurrence (summer time), so a deadline is never later than what anyone could have read.
 */
export function parisWallClockToUtc(date: string, time: string): string {
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  const wallAsUtc = utcMs(year, month, day, hour, minute);

  // Paris changes offset at most once in any 48-hour window, so the offsets one day either
  // side are the only candidates.
  const offsetBefore = offsetMinutesAt(wallAsUtc - DAY_MS);
  const offsetAfter = offsetMinutesAt(wallAsUtc + DAY_MS);
  const valid = [offsetBefore, offsetAfter]
    .filter((offset) => offsetMinutesAt(wallAsUtc - offset * MINUTE_MS) === offset)
    .map((offset) => wallAsUtc - offset * MINUTE_MS);

  // Earliest valid candidate = first occurrence when ambiguous. With none valid, we are in a
  // gap: reading the wall clock with the pre-transition offset lands exactly "gap" later.
  const instant = valid.length > 0 ? Math.min(...valid) : wallAsUtc - offsetBefore * MINUTE_MS;
  return new Date(instant).toISOString();
}

export function utcToParisParts(iso: string): ParisParts {
  const ms = parseInstant(iso);
  const w = wallClockAt(ms);
  const dayOfWeek = new Date(utcMs(w.year, w.month, w.day)).getUTCDay();
  return {
    date: formatDateFields(w),
    time: `${pad2(w.hour)}:${pad2(w.minute)}`,
    weekday: dayOfWeek === 0 ? 7 : dayOfWeek,
    offsetMinutes: offsetMinutesAt(ms),
  };
}

const displayFormatters = new Map<'fr' | 'en', Intl.DateTimeFormat>();
function getDisplayFormatter(locale: 'fr' | 'en'): Intl.DateTimeFormat {
  let formatter = displayFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: PARIS_TIME_ZONE,
      numberingSystem: 'latn',
      calendar: 'gregory',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    displayFormatters.set(locale, formatter);
  }
  return formatter;
}

/**
 * Human-readable Paris time: "mardi 1 décembre 2026 à 23:00" / "Tuesday 1 December 2026 at 23:00".
 * The sentence is assembled from parts because engines disagree on the full pattern
 * (commas, "à" vs ",", 12-hour clocks in some en locales).
 */
export function formatParis(iso: string, locale: 'fr' | 'en' = 'fr'): string {
  const ms = parseInstant(iso);
  const fields: Record<string, string> = {};
  for (const part of getDisplayFormatter(locale).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const { time } = utcToParisParts(iso);
  const day = `${fields.weekday} ${fields.day} ${fields.month} ${fields.year}`;
  return locale === 'fr' ? `${day} à ${time}` : `${day} at ${time}`;
}

/** Calendar arithmetic on 'YYYY-MM-DD'; deliberately zone-free so DST cannot shift the day. */
export function addDaysToDate(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  const { year, month, day } = parseDate(date);
  const d = new Date(utcMs(year, month, day) + days * DAY_MS);
  return formatDateFields({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export function weekdayOfDate(date: string): number {
  const { year, month, day } = parseDate(date);
  const dayOfWeek = new Date(utcMs(year, month, day)).getUTCDay();
  return dayOfWeek === 0 ? 7 : dayOfWeek;
}

/** The Monday starting the ISO week (Monday–Sunday) that contains `date`. */
export function mondayOf(date: string): string {
  return addDaysToDate(date, 1 - weekdayOfDate(date));
}
