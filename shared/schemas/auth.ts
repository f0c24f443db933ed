import { z } from 'zod';
import { loginMethods } from '../domain/kinds';
import { zId, zIsoDateTime } from './common';
import { zOfficine } from './reference-data';

export { loginMethods };
export const zLoginMethod = z.enum(loginMethods);

export const zMe = z.object({
  kind: z.literal('pharmacist'),
  pharmacist: z.object({ id: zId, idNat: z.string(), firstName: z.string(), lastName: z.string() }),
  officine: zOfficine,
  method: zLoginMethod,
  expiresAt: zIsoDateTime,
  /** What the user must still do before ordering. */
  required: z.array(z.enum(['email'])),
});
export type ZMe = z.infer<typeof zMe>;

export const zHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  serverTime: zIsoDateTime,
  database: z.enum(['ok', 'error']),
  psc: z.enum(['up', 'down', 'unknown']),
});
export type ZHealth = z.infer<typeof zHealth>;

export const zOfficineChoice = z.object({ id: zId, name: z.string(), finess: z.string(), city: z.string(), role: z.string() });

/** After PSC: either logged in, or asked which officine to act for (several eligible activities). */
export const zLoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authenticated'), token: z.string(), expiresAt: zIsoDateTime, me: zMe }),
  /** The code is the one to send back to auth.exchangeCode with the chosen officine. */
  z.object({ status: z.literal('choose_officine'), code: z.string(), officines: z.array(zOfficineChoice) }),
]);
export type ZLoginResult = z.infer<typeof zLoginResult>;

export const zExchangeCodeInput = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  /** Required when the login result asked to choose. */
  officineId: zId.optional(),
});

/** idNat: 8 + RPPS for pharmacists; PSC test identities use other alphanumeric forms. */
export const zCibaStartInput = z.object({ idNat: z.string().trim().regex(/^[0-9A-Za-z]{6,30}$/) });
export const zCibaStart = z.object({
  requestId: z.string(),
  /** Shown to the user, to compare with the one on the phone. */
  bindingMessage: z.string(),
  expiresAt: zIsoDateTime,
  intervalSeconds: z.number().int(),
});
export const zCibaPollInput = z.object({ requestId: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const zCibaPoll = z.union([
  z.object({ status: z.literal('pending'), intervalSeconds: z.number().int() }),
  z.object({ status: z.literal('denied') }),
  z.object({ status: z.literal('expired') }),
  zLoginResult,
]);
export type ZCibaPoll = z.infer<typeof zCibaPoll>;

export const zRequestEmailPasswordInput = z.object({ email: z.email().max(254) });
export const zEmailLoginInput = z.object({ email: z.email().max(254), password: z.string().trim().min(4).max(64) });
