import { TRPCClientError } from '@trpc/client';
import { errorCatalogue, errorMessage, type ErrorCode } from '../../shared/errors/catalogue';
import { extensionError } from './extension-error';
import type { UserError } from './user-error-schema';

export { zUserError, type UserError } from './user-error-schema';
export { extensionError };

const isCatalogueCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorCatalogue;

export function catalogueError(code: ErrorCode): UserError {
  const entry = errorCatalogue[code];
  return { code, message: errorMessage(code, 'fr'), motif: entry.motif, contact: entry.contact };
}


/**
 * The server already fills the catalogue's placeholders in its French message, so that text
 * wins; a failure without an answer (network, timeout) is the extension's own.
 */
export function toUserError(error: unknown): UserError {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const appCode = typeof data === 'object' && data !== null && 'appCode' in data ? data.appCode : undefined;
    if (isCatalogueCode(appCode)) return { ...catalogueError(appCode), message: error.message || errorMessage(appCode, 'fr') };
    return extensionError('SERVICE_UNREACHABLE');
  }
  if (error instanceof UserFacingError) return error.userError;
  return extensionError('UNEXPECTED');
}

/** Thrown inside the extension when the user must see a precise message. */
export class UserFacingError extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}
