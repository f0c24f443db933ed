import { z } from 'zod';
import { zId, zIsoDateTime } from './common';
import { zOfficine } from './reference-data';

export const loginMethods = ['card', 'ecps', 'ciba', 'email', 'dev'] as const;
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
