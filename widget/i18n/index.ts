import { formatMessage } from '../../shared/errors/catalogue';
import type { Lang } from './lang';
import * as areasByName from './messages/all-areas';

export { langs, toLang, type Lang } from './lang';

// Every string of the widget goes through here.
const areas = Object.values(areasByName);

type Area = (typeof areasByName)[keyof typeof areasByName];
export type MessageKey = Area extends infer A ? (A extends { fr: infer F } ? keyof F & string : never) : never;

const tables: Record<Lang, Record<string, string>> = {
  fr: Object.assign({}, ...areas.map((a) => a.fr)) as Record<string, string>,
  en: Object.assign({}, ...areas.map((a) => a.en)) as Record<string, string>,
};

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => formatMessage(tables[lang][key] ?? tables.fr[key] ?? key, params);
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
