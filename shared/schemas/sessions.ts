import { z } from 'zod';
import { sessionStatuses } from '../calendar/session-calendar';
import { allocationPolicies } from '../rules/allocation';
import { zId, zIsoDate, zIsoDateTime } from './common';
import { zEffecteurType, zProduct } from './reference-data';

export const zSessionStatus = z.enum(sessionStatuses);

export const zProductTie = z.object({
  vaccineProductId: zId,
  per: z.enum(['vial', 'dose']),
  ratio: z.number().int().min(1).max(100),
  rule: z.enum(['at_most', 'exactly', 'free']),
});
export const zAllocationPolicy = z.enum(allocationPolicies);

export const zSession = z.object({
  id: zId,
  label: z.string(),
  opensAt: zIsoDateTime,
  closesAt: zIsoDateTime,
  confirmationAt: zIsoDateTime,
  expectedDeliveryDates: z.array(zIsoDate),
  allocatedAt: zIsoDateTime.nullable(),
  /** Derived from server time when the answer was built. */
  status: zSessionStatus,
});
export type ZSession = z.infer<typeof zSession>;

/** A cap in vials per effecteur for one type; null means unlimited. */
export const zCap = z.object({ effecteurType: zEffecteurType, capVials: z.number().int().min(0).max(1_000_000).nullable() });
export type ZCap = z.infer<typeof zCap>;

export const zSessionProductRules = z.object({
  productId: zId,
  /** National stock in vials; null means unlimited. */
  stockVials: z.number().int().min(0).max(1_000_000_000).nullable(),
  policy: zAllocationPolicy,
  minOnePerOfficine: z.boolean(),
  caps: z.array(zCap).max(20),
  /** Départements whose officines are served first when stock is short (territorial priority). */
  priorityDepartements: z.array(z.string().regex(/^(\d{2}|2A|2B|9[78]\d)$/)).max(120).default([]),
  /** With a priority: every ordering officine gets one vial before the surplus goes to the priority départements. */
  minOneBeforeSurplus: z.boolean().default(false),
  /** For an associated product: the vaccine it goes with, how many per vial or dose, and the rule. */
  tie: zProductTie.nullable().default(null),
});
export type ZSessionProductRules = z.infer<typeof zSessionProductRules>;
/** As callers may write it: fields with defaults may be left out. */
export type ZSessionProductRulesInput = z.input<typeof zSessionProductRules>;

/** What a pharmacist needs to fill the order table for one product. */
export const zOrderableProduct = z.object({
  product: zProduct,
  caps: z.array(zCap),
  /** Set for an associated product: the client proposes the matching quantity; the server checks the rule. */
  tie: zProductTie.nullable(),
  /** Active effecteurs of the caller's officine that may order this product. */
  eligibleEffecteurIds: z.array(zId),
});

export const zCurrentSession = z.object({
  serverTime: zIsoDateTime,
  session: zSession,
  products: z.array(zOrderableProduct),
});
export type ZCurrentSession = z.infer<typeof zCurrentSession>;
