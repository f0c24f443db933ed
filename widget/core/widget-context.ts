import type { ZMe } from '../../shared/schemas/auth';
import type { Lang, Translate } from '../i18n/index';
import type { ApiClient } from './api-client';
import type { SafeStorage } from './safe-storage';

/**
 * What the shell hands every screen (as the `context` property): the API client with the
 * token already attached, the language, who is logged in, the server's clock, and where
 * drafts may be kept. Screens never own a token.
 */
export interface WidgetContext {
  api: ApiClient;
  /** Its strings are loaded (loadLanguage) by whoever builds the context, before screens get it. */
  lang: Lang;
  t: Translate;
  me: ZMe;
  /** The server's time as best known here: the machine clock corrected by the offset seen in `health`. */
  now: () => Date;
  /** Local storage for drafts; `drafts.persistent` is false when the browser blocks it. */
  drafts: SafeStorage;
}
