import { z } from 'zod';
import { effecteurTypes } from '../domain/effecteur-types';
import { officineKinds, productKinds } from '../domain/kinds';
import { zEmail, zId } from './common';

export const zEffecteurType = z.enum(effecteurTypes);
export const zOfficineKind = z.enum(officineKinds);
export const zProductKind = z.enum(productKinds);

export const zOfficine = z.object({
  id: zId,
  finess: z.string(),
  name: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  departement: z.string().nullable(),
  kind: zOfficineKind,
  email: zEmail.nullable(),
});
export type ZOfficine = z.infer<typeof zOfficine>;

export const zEffecteur = z.object({
  id: zId,
  type: zEffecteurType,
  name: z.string(),
  rpps: z.string().nullable(),
  finess: z.string().nullable(),
  email: zEmail.nullable(),
  notifyByEmail: z.boolean(),
  active: z.boolean(),
});
export type ZEffecteur = z.infer<typeof zEffecteur>;

const productFields = {
  code: z.string().trim().regex(/^[A-Z0-9_-]{2,40}$/),
  label: z.string().trim().min(2).max(200),
  laboratory: z.string().trim().min(1).max(100),
  kind: zProductKind,
  dosesPerVial: z.number().int().min(1).max(1000),
  vialsPerBox: z.number().int().min(1).max(10_000),
  /** Smallest non-zero quantity of a line, in vials. */
  minVials: z.number().int().min(1).max(10_000),
  /** When true, a line must be a whole number of boxes. */
  boxOnly: z.boolean(),
  allowedEffecteurTypes: z.array(zEffecteurType).min(1).max(effecteurTypes.length),
  substituteProductId: zId.nullable(),
};

export const zProductInput = z.object(productFields);
export type ZProductInput = z.infer<typeof zProductInput>;
export const zProduct = z.object({ id: zId, ...productFields });
export type ZProduct = z.infer<typeof zProduct>;

const effecteurFields = {
  type: zEffecteurType,
  name: z.string().trim().min(2).max(200),
  /** Professionals: 11 digits, checked by the server. */
  rpps: z.string().trim().max(20).nullable().default(null),
  /** Structures (laboratoire, EHPAD, other): 9 characters, checked by the server. */
  finess: z.string().trim().max(20).nullable().default(null),
  email: zEmail.nullable().default(null),
  /** The effecteur receives its confirmed volumes by e-mail unless it opted out. */
  notifyByEmail: z.boolean().default(true),
};

export const zEffecteurInput = z.object(effecteurFields);
export type ZEffecteurInput = z.infer<typeof zEffecteurInput>;
export const zEffecteurUpdateInput = z.object({ id: zId, ...effecteurFields, active: z.boolean() });
export type ZEffecteurUpdateInput = z.infer<typeof zEffecteurUpdateInput>;
export const zEffecteurIdInput = z.object({ id: zId });

/** A soft warning: some real identities fail the RPPS check digit, so it never blocks. */
export const zIdentifierWarning = z.enum(['RPPS_CHECK_DIGIT', 'FINESS_NOT_CHECKED']);
export const zEffecteurSaved = z.object({ effecteur: zEffecteur, warnings: z.array(zIdentifierWarning) });
export type ZEffecteurSaved = z.infer<typeof zEffecteurSaved>;
export const zEffecteurRemoved = z.object({ outcome: z.enum(['deleted', 'deactivated']) });
