import { z } from 'zod';
import { supportMotifIds } from '../support/motifs';
import { zEmail, zId, zIsoDateTime } from './common';

export const zSupportMotif = z.enum(supportMotifIds);

/** A diagnostics report is JSON from the extension; bounded so a ticket stays small. */
const zDiagnostics = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 64_000, { message: 'Rapport de diagnostic trop volumineux (64 Ko au plus).' });

export const zTicketInput = z.object({
  motif: zSupportMotif,
  errorCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/).nullable().optional(),
  message: z.string().trim().min(1).max(5000),
  contactEmail: zEmail,
  diagnostics: zDiagnostics.nullable().optional(),
});
export type ZTicketInput = z.infer<typeof zTicketInput>;

export const zTicket = z.object({
  id: zId,
  createdAt: zIsoDateTime,
  officineId: zId.nullable(),
  motif: zSupportMotif,
  errorCode: z.string().nullable(),
  message: z.string(),
  contactEmail: z.string(),
  diagnostics: z.unknown().nullable(),
});
export type ZTicket = z.infer<typeof zTicket>;

export const zMotif = z.object({ id: zSupportMotif, label: z.string() });
