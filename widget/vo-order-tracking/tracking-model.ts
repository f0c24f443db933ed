import { allocationReasonLabels } from '../../shared/domain/allocation-reasons';
import { effecteurTypeLabels } from '../../shared/domain/effecteur-types';
import type { ZTracking, ZTrackingLine } from '../../shared/schemas/tracking';
import type { Lang, Translate } from '../i18n/index';

/** One effecteur's lines, as the screen, the CSV and the PDF show them. */
export interface EffecteurGroup {
  effecteurId: number;
  name: string;
  type: ZTrackingLine['effecteurType'];
  lines: ZTrackingLine[];
  ordered: number;
  /** Confirmed plus substitute vials; null before publication. */
  confirmed: number | null;
  delivered: number;
  remaining: number | null;
}

/** Totals of one product over every effecteur. */
export interface ProductTotal {
  productId: number;
  productLabel: string;
  ordered: number;
  confirmed: number | null;
  substituteVials: number;
  delivered: number;
  remaining: number | null;
}

/** Confirmed vials of a line, its substitute included; null before publication. */
export function confirmedWithSubstitute(line: ZTrackingLine): number | null {
  return line.confirmedVials === null ? null : line.confirmedVials + (line.substituteVials ?? 0);
}

const sumNullable = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/** Groups lines by effecteur: the officine itself first, then by name (French collation). */
export function groupByEffecteur(lines: readonly ZTrackingLine[]): EffecteurGroup[] {
  const groups = new Map<number, EffecteurGroup>();
  for (const line of lines) {
    let group = groups.get(line.effecteurId);
    if (!group) {
      group = { effecteurId: line.effecteurId, name: line.effecteurName, type: line.effecteurType, lines: [], ordered: 0, confirmed: 0, delivered: 0, remaining: 0 };
      groups.set(line.effecteurId, group);
    }
    group.lines.push(line);
    group.ordered += line.orderedVials;
    group.confirmed = sumNullable(group.confirmed, confirmedWithSubstitute(line));
    group.delivered += line.deliveredVials;
    group.remaining = sumNullable(group.remaining, line.remainingVials);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return [...groups.values()].sort((a, b) => {
    if ((a.type === 'officine') !== (b.type === 'officine')) return a.type === 'officine' ? -1 : 1;
    return collator.compare(a.name, b.name) || a.effecteurId - b.effecteurId;
  });
}

/** Totals per product, in the order products first appear. */
export function totalsByProduct(lines: readonly ZTrackingLine[]): ProductTotal[] {
  const totals = new Map<number, ProductTotal>();
  for (const line of lines) {
    let total = totals.get(line.productId);
    if (!total) {
      total = { productId: line.productId, productLabel: line.productLabel, ordered: 0, confirmed: 0, substituteVials: 0, delivered: 0, remaining: 0 };
      totals.set(line.productId, total);
    }
    total.ordered += line.orderedVials;
    total.confirmed = sumNullable(total.confirmed, confirmedWithSubstitute(line));
    total.substituteVials += line.substituteVials ?? 0;
    total.delivered += line.deliveredVials;
    total.remaining = sumNullable(total.remaining, line.remainingVials);
  }
  return [...totals.values()];
}

/** Whether a line needs its reason shown: reduced, substituted, or a reason other than `full`. */
export function needsReason(line: ZTrackingLine): boolean {
  if (line.reason === null) return false;
  return line.reason !== 'full' || (line.confirmedVials ?? 0) < line.orderedVials || (line.substituteVials ?? 0) > 0;
}

/** The reason in the pharmacist's words, or '' when there is nothing to explain. */
export function reasonLabel(line: ZTrackingLine, lang: Lang): string {
  if (!line.reason || !needsReason(line)) return '';
  return allocationReasonLabels[line.reason][lang];
}

export function effecteurTypeLabel(type: ZTrackingLine['effecteurType'], lang: Lang): string {
  return effecteurTypeLabels[type][lang];
}

/** Lower case, accents removed: "Élodie" matches "elodie". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function filterGroups(groups: readonly EffecteurGroup[], query: string): EffecteurGroup[] {
  const key = searchKey(query);
  if (!key) return [...groups];
  return groups.filter((g) => searchKey(g.name).includes(key));
}

/** "Session de commande du 2026-11-16" -> "session-de-commande-du-2026-11-16". */
export function slug(text: string): string {
  return (
    searchKey(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'session'
  );
}

export function exportFileName(finess: string, sessionLabel: string, extension: 'pdf' | 'csv'): string {
  return `suivi-commande-${slug(finess)}-${slug(sessionLabel)}.${extension}`;
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV export: one row per effecteur × product, semicolon-separated, integers without
 * separators, UTF-8 with a BOM so Excel reads the accents right.
 */
export function trackingCsv(tracking: ZTracking, t: Translate, lang: Lang): string {
  const header = [
    t('tracking.col.effecteur'),
    t('tracking.col.type'),
    t('tracking.col.productCode'),
    t('tracking.col.product'),
    t('tracking.col.ordered'),
    t('tracking.col.confirmed'),
    t('tracking.col.substitute'),
    t('tracking.col.substituteVials'),
    t('tracking.col.delivered'),
    t('tracking.col.remaining'),
    t('tracking.col.nextDelivery'),
    t('tracking.col.reason'),
    t('tracking.col.deliveries'),
  ];
  const rows = groupByEffecteur(tracking.lines).flatMap((group) =>
    group.lines.map((line) => [
      line.effecteurName,
      effecteurTypeLabel(line.effecteurType, lang),
      line.productCode,
      line.productLabel,
      line.orderedVials,
      line.confirmedVials,
      line.substituteProductLabel,
      line.substituteProductLabel ? line.substituteVials : null,
      line.deliveredVials,
      line.remainingVials,
      line.nextDeliveryDate,
      reasonLabel(line, lang),
      line.deliveries
        .map((d) => `${d.deliveredOn} ${d.planned ? 'prévu' : 'livré'} ${d.vials} ${d.wholesaler}${d.lot ? ` ${d.lot}` : ''}`)
        .join(' | '),
    ]),
  );
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** A delivery as one short line of text. */
export function deliveryText(delivery: ZTrackingLine['deliveries'][number], t: Translate, lang: Lang): string {
  const params = { date: formatters(lang).date(delivery.deliveredOn), vials: delivery.vials, wholesaler: delivery.wholesaler };
  const text = t(delivery.planned ? 'tracking.delivery.planned' : 'tracking.delivery.done', params);
  return delivery.lot ? `${text} (${t('tracking.delivery.lot', { lot: delivery.lot })})` : text;
}

/**
 * The same formats as formatDate / formatNumber of ../i18n, with the Intl objects built once:
 * building them on every call costs milliseconds per thousand cells (300 effecteurs).
 */
export interface Formatters {
  date: (iso: string) => string;
  number: (value: number | null, empty?: string) => string;
}

const formatterCache = new Map<Lang, Formatters>();

export function formatters(lang: Lang): Formatters {
  let cached = formatterCache.get(lang);
  if (!cached) {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    const dates = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', dateStyle: 'medium' });
    const numbers = new Intl.NumberFormat(locale);
    const dateMemo = new Map<string, string>();
    cached = {
      date: (iso) => {
        let text = dateMemo.get(iso);
        if (text === undefined) {
          text = dates.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
          dateMemo.set(iso, text);
        }
        return text;
      },
      number: (value, empty = '-') => (value === null ? empty : numbers.format(value)),
    };
    formatterCache.set(lang, cached);
  }
  return cached;
}
