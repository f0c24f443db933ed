import { z } from 'zod';
import { zMe, zOfficineChoice } from '../../shared/schemas/auth';
import { zSession } from '../../shared/schemas/sessions';
import { zSupportMotif } from '../../shared/schemas/support';
import { extensionError } from '../errors/extension-error';
import { zUserError } from '../errors/user-error-schema';

/**
 * The one protocol between the extension's pages (popup, diagnostics, options) and the
 * background, which alone holds the token. The background parses every request with
 * zRequest before acting; pages parse every answer with the schema of their request type.
 */

export const zNotificationPrefs = z.object({ sessionOpens: z.boolean(), closingSoon: z.boolean(), confirmation: z.boolean() });
export type NotificationPrefs = z.infer<typeof zNotificationPrefs>;

export const zRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getState') }),
  z.object({ type: z.literal('cibaStart'), idNat: z.string().trim().regex(/^[0-9A-Za-z]{6,30}$/) }),
  z.object({ type: z.literal('cibaPoll') }),
  z.object({ type: z.literal('cibaCancel') }),
  z.object({ type: z.literal('pscLogin') }),
  z.object({ type: z.literal('chooseOfficine'), officineId: z.number().int().positive() }),
  z.object({ type: z.literal('overview') }),
  z.object({ type: z.literal('logout') }),
  z.object({ type: z.literal('openOrdering') }),
  z.object({ type: z.literal('getNotificationPrefs') }),
  z.object({ type: z.literal('setNotificationPrefs'), prefs: zNotificationPrefs }),
  z.object({ type: z.literal('configChanged') }),
  z.object({
    type: z.literal('createTicket'),
    motif: zSupportMotif,
    errorCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/).nullable(),
    message: z.string().trim().min(1).max(5000),
    contactEmail: z.email().max(254),
    diagnostics: z.record(z.string().max(100), z.unknown()).nullable(),
  }),
]);
export type Request = z.infer<typeof zRequest>;
export type RequestType = Request['type'];

const zPendingCiba = z.object({ bindingMessage: z.string(), expiresAt: z.string(), intervalSeconds: z.number().int().positive() });
export type PendingCiba = z.infer<typeof zPendingCiba>;

/** Where a login stands after one step (start, poll, PSC redirect, officine choice). */
export const zLoginStep = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), ciba: zPendingCiba }),
  z.object({ status: z.literal('choose_officine'), officines: z.array(zOfficineChoice) }),
  z.object({ status: z.literal('authenticated'), me: zMe }),
]);
export type LoginStep = z.infer<typeof zLoginStep>;

export const zState = z.object({
  serviceUrl: z.string(),
  me: zMe.nullable(),
  pendingCiba: zPendingCiba.nullable(),
  officineChoice: z.array(zOfficineChoice).nullable(),
});
export type State = z.infer<typeof zState>;

export const zOrderSummary = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('submitted'), lineCount: z.number().int(), totalVials: z.number().int() }),
  z.object({ status: z.literal('confirmed'), lineCount: z.number().int(), totalVials: z.number().int() }),
]);
export type OrderSummary = z.infer<typeof zOrderSummary>;

export const zOverview = z.object({
  me: zMe,
  /** null when the officine must first give its e-mail address, or there is no session at all. */
  session: zSession.nullable(),
  serverTime: z.string(),
  order: zOrderSummary,
  emailRequired: z.boolean(),
});
export type Overview = z.infer<typeof zOverview>;

export const responseSchemas = {
  getState: zState,
  cibaStart: zLoginStep,
  cibaPoll: zLoginStep,
  cibaCancel: z.null(),
  pscLogin: zLoginStep,
  chooseOfficine: zLoginStep,
  overview: zOverview,
  logout: z.null(),
  openOrdering: z.null(),
  getNotificationPrefs: zNotificationPrefs,
  setNotificationPrefs: zNotificationPrefs,
  configChanged: z.null(),
  createTicket: z.object({ id: z.number().int(), createdAt: z.string() }),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

export type Response<T extends RequestType = RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: z.infer<typeof zUserError> };

/** Parses an answer for a request of type `type`; anything else becomes an error the page can show. */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): Response<T> {
  const envelope = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: zUserError })]).safeParse(raw);
  if (!envelope.success) return { ok: false, error: malformed };
  if (!envelope.data.ok) return envelope.data;
  const data = responseSchemas[type].safeParse(envelope.data.data);
  return data.success ? { ok: true, data: data.data as ResponseData<T> } : { ok: false, error: malformed };
}

const malformed = extensionError('UNEXPECTED');
