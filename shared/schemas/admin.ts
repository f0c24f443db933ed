import { z } from 'zod';
import { zId, zIsoDate, zIsoDateTime } from './common';
import { zEmail } from './common';
import { zOfficineKind, zProductInput } from './reference-data';
import { zSessionProductRules } from './sessions';

export const zSessionTimesInput = z.object({
  opensAt: zIsoDateTime,
  closesAt: zIsoDateTime,
  confirmationAt: zIsoDateTime,
});

export const zSessionCreateInput = z.object({
  label: z.string().trim().min(2).max(120),
  /** Either explicit times, or the Monday of a week to apply the weekly template to. */
  times: z.union([zSessionTimesInput, z.object({ weekOf: zIsoDate })]),
  expectedDeliveryDates: z.array(zIsoDate).max(10).optional(),
  products: z.array(zSessionProductRules).max(50),
});
export type ZSessionCreateInput = z.input<typeof zSessionCreateInput>;

export const zSessionShiftInput = z.object({
  sessionId: zId,
  opensAt: zIsoDateTime.optional(),
  closesAt: zIsoDateTime.optional(),
  confirmationAt: zIsoDateTime.optional(),
  expectedDeliveryDates: z.array(zIsoDate).max(10).optional(),
});

export const zSessionProductSetInput = zSessionProductRules.extend({ sessionId: zId });
export const zSessionIdInput = z.object({ sessionId: zId });
export const zProductUpsertInput = zProductInput.extend({ id: zId.optional() });

export const zCloseAndAllocateInput = z.object({
  sessionId: zId,
  /** Close the session now when it is still open (the admin's "close now"). */
  closeNow: z.boolean().default(false),
});

export const zAllocationSummary = z.object({
  sessionId: zId,
  allocatedAt: zIsoDateTime,
  lineCount: z.number().int(),
  products: z.array(
    z.object({
      productId: zId,
      demandedVials: z.number().int(),
      confirmedVials: z.number().int(),
      substituteVialsGiven: z.number().int(),
      stockVials: z.number().int().nullable(),
    }),
  ),
});
export type ZAllocationSummary = z.infer<typeof zAllocationSummary>;

/** 2 MB of CSV is far more than a weekly wholesaler file for every officine. */
export const zDeliveryImportInput = z.object({ sessionId: zId, csv: z.string().min(1).max(2_000_000) });
export const zDeliveryImportError = z.object({ line: z.number().int(), reason: z.string() });
export const zDeliveryImportResult = z.object({ imported: z.number().int() });

export const zCsvExport = z.object({ filename: z.string(), csv: z.string() });

export const zOfficineCreateInput = z.object({
  /** Checked by the server (format and check digit), so it is only bounded here. */
  finess: z.string().trim().min(1).max(20),
  name: z.string().trim().min(2).max(200),
  addressLine: z.string().trim().min(2).max(300),
  postalCode: z.string().trim().regex(/^\d{5}$/),
  city: z.string().trim().min(1).max(100),
  kind: zOfficineKind,
  email: zEmail.nullable().default(null),
  /** Only needed where PSC identifies the officine's activity by SIRET rather than FINESS. */
  siret: z.string().trim().regex(/^\d{14}$/).nullable().default(null),
});
export type ZOfficineCreateInput = z.infer<typeof zOfficineCreateInput>;
