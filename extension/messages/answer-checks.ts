import { regexes } from 'zod/v4/core';
import { sessionStatuses } from '../../shared/calendar/session-calendar';
import { loginMethods, officineKinds } from '../../shared/domain/kinds';
import { contactIds } from '../../shared/support/contacts';
import { supportMotifIds } from '../../shared/support/motifs';
import { extensionError } from '../errors/extension-error';
import type { UserError } from '../errors/user-error-schema';
import type { RequestType, Response, ResponseData } from './protocol';

/**
 * The pages' check of the background's answers, without zod. The background still parses
 * every request with the zod schemas of protocol.ts; a page only needs to refuse an answer
 * that is not of the protocol's shape, and zod (about 100 kB minified) was most of the
 * popup's script, the first thing a user waits for. Each check below mirrors one schema of
 * protocol.ts field for field; answer-checks.test.ts holds them to the same verdicts as zod
 * on valid answers and on every field removed or of the wrong type. The date-time and e-mail
 * patterns are zod's own (its regexes module, a few kB, not the schema library).
 */

type Check<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str: Check<string> = (v): v is string => typeof v === 'string';
const int: Check<number> = (v): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const bool: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const isNull: Check<null> = (v): v is null => v === null;
const pattern = (re: RegExp, max = Infinity): Check<string> => (v): v is string => str(v) && v.length <= max && re.test(v);
const oneOf = <const T extends readonly string[]>(values: T): Check<T[number]> => (v): v is T[number] => str(v) && values.includes(v);
const literal = <const T extends string>(value: T): Check<T> => (v): v is T => v === value;
const nullable = <T>(check: Check<T>): Check<T | null> => (v): v is T | null => v === null || check(v);
const array = <T>(check: Check<T>): Check<T[]> => (v): v is T[] => Array.isArray(v) && v.every((item) => check(item));
const object = <T extends Record<string, unknown>>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> =>
  (v): v is T => isObject(v) && Object.entries(shape).every(([key, check]) => (check as Check<unknown>)(v[key]));
/** One of several shapes, told apart by one field (zod's discriminatedUnion). */
const union = <T>(key: string, cases: Record<string, Check<T>>): Check<T> =>
  (v): v is T => isObject(v) && typeof v[key] === 'string' && Object.hasOwn(cases, v[key]) && cases[v[key]]!(v);

// shared/schemas/common.ts
const id: Check<number> = (v): v is number => int(v) && v > 0 && v <= 2_147_483_647;
const isoDateTime = pattern(regexes.datetime({ offset: true, local: false, precision: null }));
const isoDate = pattern(regexes.date);
const email = pattern(regexes.email, 254);

type Me = ResponseData<'getState'>['me'] & object;
type LoginStep = ResponseData<'cibaStart'>;
type OfficineChoice = (LoginStep & { status: 'choose_officine' })['officines'][number];
type PendingCiba = (LoginStep & { status: 'pending' })['ciba'];
type Overview = ResponseData<'overview'>;

const me: Check<Me> = object<Me>({
  kind: literal('pharmacist'),
  pharmacist: object({ id, idNat: str, firstName: str, lastName: str }),
  officine: object({
    id,
    finess: str,
    name: str,
    addressLine: str,
    postalCode: str,
    city: str,
    departement: nullable(str),
    kind: oneOf(officineKinds),
    email: nullable(email),
  }),
  method: oneOf(loginMethods),
  expiresAt: isoDateTime,
  required: array(oneOf(['email'])),
});
const officineChoice = object<OfficineChoice>({ id, name: str, finess: str, city: str, role: str });
const pendingCiba = object<PendingCiba>({ bindingMessage: str, expiresAt: str, intervalSeconds: (v): v is number => int(v) && v > 0 });
const loginStep = union<LoginStep>('status', {
  pending: object({ status: literal('pending'), ciba: pendingCiba }),
  choose_officine: object({ status: literal('choose_officine'), officines: array(officineChoice) }),
  authenticated: object({ status: literal('authenticated'), me }),
});
const session = object<NonNullable<Overview['session']>>({
  id,
  label: str,
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  confirmationAt: isoDateTime,
  expectedDeliveryDates: array(isoDate),
  allocatedAt: nullable(isoDateTime),
  status: oneOf(sessionStatuses),
});
const orderSummary = union<Overview['order']>('status', {
  none: object({ status: literal('none') }),
  submitted: object({ status: literal('submitted'), lineCount: int, totalVials: int }),
  confirmed: object({ status: literal('confirmed'), lineCount: int, totalVials: int }),
});
const prefs = object<ResponseData<'getNotificationPrefs'>>({ sessionOpens: bool, closingSoon: bool, confirmation: bool });

/** One check per request type, as protocol.ts's responseSchemas. */
export const answerChecks: { [T in RequestType]: Check<ResponseData<T>> } = {
  getState: object<ResponseData<'getState'>>({ serviceUrl: str, me: nullable(me), pendingCiba: nullable(pendingCiba), officineChoice: nullable(array(officineChoice)) }),
  cibaStart: loginStep,
  cibaPoll: loginStep,
  cibaCancel: isNull,
  pscLogin: loginStep,
  chooseOfficine: loginStep,
  overview: object<Overview>({ me, session: nullable(session), serverTime: str, order: orderSummary, emailRequired: bool }),
  logout: isNull,
  openOrdering: isNull,
  getNotificationPrefs: prefs,
  setNotificationPrefs: prefs,
  configChanged: isNull,
  createTicket: object<ResponseData<'createTicket'>>({ id: int, createdAt: str }),
};

// extension/errors/user-error-schema.ts
export const userError: Check<UserError> = object<UserError>({
  code: pattern(/^[A-Z][A-Z0-9_]{1,60}$/),
  message: str,
  motif: oneOf(supportMotifIds),
  contact: oneOf(contactIds),
});

const malformed = extensionError('UNEXPECTED');

/** The same verdicts as protocol.ts's parseResponse: an answer of the wrong shape becomes an error the page can show. */
export function checkAnswer<T extends RequestType>(type: T, raw: unknown): Response<T> {
  if (!isObject(raw)) return { ok: false, error: malformed };
  if (raw.ok === true && 'data' in raw) return (answerChecks[type] as Check<ResponseData<T>>)(raw.data) ? { ok: true, data: raw.data } : { ok: false, error: malformed };
  if (raw.ok === false && userError(raw.error)) return { ok: false, error: raw.error };
  return { ok: false, error: malformed };
}
