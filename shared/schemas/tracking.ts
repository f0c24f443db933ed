import { z } from 'zod';
import { allocationReasons } from '../rules/allocation';
import { zId, zIsoDate, zIsoDateTime } from './common';
import { zEffecteurType } from './reference-data';
import { zOrderStatus } from './orders';
import { zSession } from './sessions';

export const zDelivery = z.object({
  deliveredOn: zIsoDate,
  vials: z.number().int(),
  wholesaler: z.string(),
  lot: z.string().nullable(),
  productId: zId,
  /** A part announced for a later date (split delivery), not yet delivered. */
  planned: z.boolean(),
});

export const zTrackingLine = z.object({
  effecteurId: zId,
  effecteurName: z.string(),
  effecteurType: zEffecteurType,
  productId: zId,
  productCode: z.string(),
  productLabel: z.string(),
  dosesPerVial: z.number().int(),
  orderedVials: z.number().int(),
  /** Null until the session's confirmation time has passed. */
  confirmedVials: z.number().int().nullable(),
  substituteProductId: zId.nullable(),
  substituteProductLabel: z.string().nullable(),
  substituteVials: z.number().int().nullable(),
  reason: z.enum(allocationReasons).nullable(),
  /** Delivered so far (announced parts not counted). */
  deliveredVials: z.number().int(),
  /** Confirmed (with substitution) minus delivered; null until confirmation is published. */
  remainingVials: z.number().int().nullable(),
  /** When the rest is expected: the next announced part, else the session's next delivery date. */
  nextDeliveryDate: zIsoDate.nullable(),
  deliveries: z.array(zDelivery),
});
export type ZTrackingLine = z.infer<typeof zTrackingLine>;

export const zTracking = z.object({
  session: zSession,
  order: z.object({ id: zId, status: zOrderStatus, version: z.number().int(), submittedAt: zIsoDateTime }).nullable(),
  confirmationPublished: z.boolean(),
  /** The confirmation e-mail to the officine, once the session's confirmation is published. */
  confirmationMail: z.object({ status: z.enum(['pending', 'sending', 'sent', 'failed']), sentAt: zIsoDateTime.nullable() }).nullable(),
  lines: z.array(zTrackingLine),
});
export type ZTracking = z.infer<typeof zTracking>;

export const zTrackingListItem = z.object({
  session: zSession,
  orderId: zId,
  orderStatus: zOrderStatus,
  orderedVials: z.number().int(),
  confirmedVials: z.number().int().nullable(),
  deliveredVials: z.number().int(),
});
