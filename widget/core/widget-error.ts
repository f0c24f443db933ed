import { TRPCClientError } from '@trpc/client';
import { errorCatalogue, errorMessage, isErrorCode, type ErrorCode } from '../../shared/errors/catalogue';
import type { ContactId } from '../../shared/support/contacts';
import type { SupportMotifId } from '../../shared/support/motifs';
import { supportMotifIds } from '../../shared/support/motifs';
import { contactIds } from '../../shared/support/contacts';
import { translator, type Lang } from '../i18n/index';

/** What every screen shows of a failure: the catalogue's message, its code, whom to contact. */
export interface WidgetError {
  /** A catalogue code, or NETWORK_ERROR when the service could not be reached at all. */
  code: ErrorCode | 'NETWORK_ERROR';
  message: string;
  motif: SupportMotifId;
  contact: ContactId;
  /** The server's details (e.g. the failing order lines), as sent. */
  details: unknown;
  fieldErrors: Record<string, string[] | undefined> | null;
  /** True when trying again may succeed without changing anything. */
  retryable: boolean;
}

interface ServerErrorData {
  appCode?: unknown;
  motif?: unknown;
  contact?: unknown;
  details?: unknown;
  fieldErrors?: unknown;
}

function isMotif(value: unknown): value is SupportMotifId {
  return typeof value === 'string' && (supportMotifIds as readonly string[]).includes(value);
}

function isContact(value: unknown): value is ContactId {
  return typeof value === 'string' && (contactIds as readonly string[]).includes(value);
}

export function toWidgetError(error: unknown, lang: Lang): WidgetError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as ServerErrorData | null;
    const appCode = data?.appCode;
    if (isErrorCode(appCode)) {
      const entry = errorCatalogue[appCode];
      return {
        code: appCode,
        // The server formats the message with its parameters, in the language we asked for.
        message: error.message || errorMessage(appCode, lang),
        motif: isMotif(data?.motif) ? data.motif : entry.motif,
        contact: isContact(data?.contact) ? data.contact : entry.contact,
        details: data?.details ?? null,
        fieldErrors: (data?.fieldErrors as WidgetError['fieldErrors']) ?? null,
        retryable: ['TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(entry.transport),
      };
    }
  }
  // No catalogue code: the request never got an answer from our server (offline, DNS, CORS, proxy).
  return {
    code: 'NETWORK_ERROR',
    message: translator(lang)('error.network'),
    motif: 'technique',
    contact: 'spf_support',
    details: null,
    fieldErrors: null,
    retryable: true,
  };
}

/** An error known only by its catalogue code (e.g. `login_error` in a PSC return URL). */
export function widgetErrorFromCode(code: string, lang: Lang): WidgetError {
  const known: ErrorCode = isErrorCode(code) ? code : 'PSC_LOGIN_FAILED';
  const entry = errorCatalogue[known];
  return {
    code: known,
    message: errorMessage(known, lang),
    motif: entry.motif,
    contact: entry.contact,
    details: null,
    fieldErrors: null,
    retryable: false,
  };
}
