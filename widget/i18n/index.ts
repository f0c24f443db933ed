import { formatMessage } from '../../shared/errors/catalogue';
import type { Lang } from './lang';
import * as areasByName from './messages/all-areas';

export { langs, toLang, type Lang } from './lang';

// Every string of the widget goes through here.
const areas = Object.values(areasByName);

type Area = (typeof areasByName)[keyof typeof areasByName];
export type MessageKey = Area extends infer A ? (A extends Record<infer K, string> ? K & string : never) : never;

// French is in the first load, so the default language renders with no extra request; other
// languages are chunks of their own (issue #4: the first load stays under 60 kB gzipped).
const tables: Partial<Record<Lang, Record<string, string>>> = {
  fr: Object.assign({}, ...areas) as Record<string, string>,
};
const loaders: Record<Exclude<Lang, 'fr'>, () => Promise<Record<string, string>>> = {
  en: () => import('./english').then((m) => m.table),
};
const pending = new Map<Lang, Promise<void>>();

export function isLanguageLoaded(lang: Lang): boolean {
  return tables[lang] !== undefined;
}

/**
 * Fetches a language's strings (once); <vaccine-order-app> awaits it before drawing screens in
 * that language. A failed fetch rejects and is tried again on the next call.
 */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'fr' || isLanguageLoaded(lang)) return Promise.resolve();
  let loading = pending.get(lang);
  if (!loading) {
    loading = loaders[lang]().then(
      (table) => {
        tables[lang] = table;
      },
      (error: unknown) => {
        pending.delete(lang);
        throw error;
      },
    );
    pending.set(lang, loading);
  }
  return loading;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Strings of a language not loaded (yet) come out in French rather than as keys. */
export function translator(lang: Lang): Translate {
  return (key, params) => formatMessage(tables[lang]?.[key] ?? tables.fr?.[key] ?? key, params);
}

/** Dates and times always shown in Europe/Paris, whatever the machine's zone. */
export function formatDateTime(lang: Lang, iso: string, withTime = true): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    dateStyle: 'full',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(iso));
}

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'medium' }).format(
    new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso),
  );
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value);
}
