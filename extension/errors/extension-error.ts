import { extensionErrors, type ExtensionErrorCode } from '../strings';
import type { UserError } from './user-error-schema';

/**
 * Failures that happen in the browser, before or beside the API: no catalogue code exists for
 * them. Its own module, free of zod and tRPC, so the pages that check answers without zod (the
 * popup) can build the same errors.
 */
export function extensionError(code: ExtensionErrorCode): UserError {
  return { code, ...extensionErrors[code] };
}
