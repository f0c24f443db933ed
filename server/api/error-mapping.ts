import { TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { errorCatalogue, formatMessage, type ErrorCode, type Lang } from '../../shared/errors/catalogue';
import { AppError } from '../errors';

export interface DescribedError {
  appCode: ErrorCode;
  message: string;
  motif: string;
  contact: string;
  details: unknown;
  fieldErrors: Record<string, string[] | undefined> | null;
}

/** What the client learns about an error: the catalogue entry, never internals. */
export function describeError(error: TRPCError, lang: Lang): DescribedError {
  const cause = error.cause;
  let code: ErrorCode = 'INTERNAL_ERROR';
  let params: Record<string, string | number> = {};
  let details: unknown = null;
  let fieldErrors: DescribedError['fieldErrors'] = null;
  if (cause instanceof AppError) {
    code = cause.code;
    params = cause.params;
    details = cause.details ?? null;
  } else if (cause instanceof ZodError && error.code === 'BAD_REQUEST') {
    code = 'INVALID_INPUT';
    fieldErrors = z.flattenError(cause).fieldErrors;
  } else if (error.code === 'PAYLOAD_TOO_LARGE') {
    code = 'PAYLOAD_TOO_LARGE';
  } else if (['PARSE_ERROR', 'BAD_REQUEST', 'NOT_FOUND', 'METHOD_NOT_SUPPORTED', 'UNSUPPORTED_MEDIA_TYPE'].includes(error.code)) {
    code = 'INVALID_INPUT';
  }
  const entry = errorCatalogue[code];
  return { appCode: code, message: formatMessage(entry[lang], params), motif: entry.motif, contact: entry.contact, details, fieldErrors };
}

/** Services throw AppError; the transport code (and so the HTTP status) comes from the catalogue. */
export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: errorCatalogue[error.code].transport, message: error.code, cause: error });
}
