import { z } from 'zod';
import { contactIds } from '../../shared/support/contacts';
import { supportMotifIds } from '../../shared/support/motifs';

/**
 * What the popup and pages show for any failure: a message, a code for support, whom to
 * contact. Apart from user-error.ts so that pages validate answers without loading the tRPC
 * client or the whole error catalogue.
 */
export const zUserError = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/),
  message: z.string(),
  motif: z.enum(supportMotifIds),
  contact: z.enum(contactIds),
});
export type UserError = z.infer<typeof zUserError>;
