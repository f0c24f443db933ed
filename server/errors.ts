import type { ErrorCode } from '../shared/errors/catalogue';

/**
 * A rule the caller broke. Services throw it; the API layer turns it into the catalogue's
 * transport code, French message, support motif and contact.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
    /** What went wrong underneath, for the logs only. */
    cause?: unknown,
  ) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
  }
}
