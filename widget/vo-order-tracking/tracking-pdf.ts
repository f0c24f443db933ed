// The PDF recap. This module (and jspdf with it) is only ever loaded through a dynamic
// import() when the user asks for the PDF, so it never weighs on the widget's first load.
import { jsPDF } from 'jspdf';
import type { ZOfficine } from '../../shared/schemas/reference-data';
import type { ZTracking, ZTrackingLine } from '../../shared/schemas/tracking';
import { formatDate, formatDateTime, type Lang, type Translate } from '../i18n/index';
import { effecteurTypeLabel, formatters, groupByEffecteur, reasonLabel, totalsByProduct } from './tracking-model';

export interface TrackingPdfInput {
  tracking: ZTracking;
  officine: Pick<ZOfficine, 'name' | 'finess' | 'addressLine' | 'postalCode' | 'city'>;
  lang: Lang;
  t: Translate;
  /** The date of issue printed on every page. */
  issuedAt: Date;
}

export interface TrackingPdf {
  blob: Blob;
  pages: number;
}

/**
 * Helvetica, jspdf's built-in font, is encoded in WinAnsi: keep Latin-1 (é è à ç ô « »)
 * and replace what lies outside (Intl's narrow no-break spaces, typographic quotes, dashes).
 */
export function pdfText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u0153/g, 'oe')
    .replace(/\u0152/g, 'OE')
    .replace(/[^\t\n\u0020-\u00ff]/g, '?');
}

interface Column {
  width: number;
  align: 'left' | 'right';
}

const pageWidth = 210;
const pageHeight = 297;
const margin = 14;
const bottom = pageHeight - 16;
const fontSize = 8;
const lineHeight = 3.6;
const padding = 1.2;

class PdfWriter {
  readonly doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  y = margin;
  /** Product labels, numbers and reasons repeat on every effecteur: wrap each once. */
  private readonly wrapCache = new Map<string, string[]>();

  constructor() {
    this.doc.setFont('helvetica', 'normal');
    this.doc.setFontSize(fontSize);
    this.doc.setLineWidth(0.2);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = margin;
  }

  /** The text cut into lines of at most `width` mm, in the current font. */
  wrap(text: string, width: number, bold: boolean, size: number): string[] {
    const key = `${bold ? 'b' : 'n'}${size}|${width}|${text}`;
    let lines = this.wrapCache.get(key);
    if (!lines) {
      const clean = pdfText(text);
      lines = clean === '' ? [] : (this.doc.splitTextToSize(clean, width) as string[]);
      this.wrapCache.set(key, lines);
    }
    return lines;
  }

  ensure(height: number): boolean {
    if (this.y + height <= bottom) return false;
    this.newPage();
    return true;
  }

  text(text: string, options: { size?: number; bold?: boolean; gap?: number; width?: number } = {}): void {
    const size = options.size ?? fontSize;
    this.doc.setFont('helvetica', options.bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    const lines = this.wrap(text, options.width ?? pageWidth - 2 * margin, options.bold ?? false, size);
    const height = (lines.length * size * 0.45) + (options.gap ?? 1);
    this.ensure(height);
    this.doc.text(lines, margin, this.y + size * 0.35);
    this.y += height;
    this.doc.setFont('helvetica', 'normal');
    this.doc.setFontSize(fontSize);
  }

  /** One table row; wraps long cells; repeats the table header (onNewPage) after a page break. */
  row(columns: readonly Column[], cells: readonly string[], options: { bold?: boolean; fill?: number; onNewPage?: () => void } = {}): void {
    this.doc.setFont('helvetica', options.bold ? 'bold' : 'normal');
    this.doc.setFontSize(fontSize);
    const wrapped = cells.map((cell, i) => this.wrap(cell, (columns[i]?.width ?? 20) - 2 * padding, options.bold ?? false, fontSize));
    const height = Math.max(1, ...wrapped.map((w) => w.length)) * lineHeight + 2 * padding;
    if (this.ensure(height) && options.onNewPage) {
      options.onNewPage();
      this.doc.setFont('helvetica', options.bold ? 'bold' : 'normal');
    }
    let x = margin;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    if (options.fill !== undefined) {
      this.doc.setFillColor(options.fill, options.fill, options.fill);
      this.doc.rect(margin, this.y, total, height, 'F');
    }
    columns.forEach((column, i) => {
      const lines = wrapped[i] ?? [];
      if (lines.length > 0) {
        const tx = column.align === 'right' ? x + column.width - padding : x + padding;
        this.doc.text(lines, tx, this.y + padding + lineHeight * 0.75, { align: column.align });
      }
      x += column.width;
    });
    this.y += height;
    this.doc.setDrawColor(170, 170, 170);
    this.doc.line(margin, this.y, margin + total, this.y);
    this.doc.setFont('helvetica', 'normal');
  }
}

const num = (lang: Lang, value: number | null): string => formatters(lang).number(value);

/** Builds the recap: header, totals, one table per effecteur, then one slip per effecteur. */
export function buildTrackingPdf(input: TrackingPdfInput): TrackingPdf {
  const { tracking, officine, lang, t } = input;
  const w = new PdfWriter();
  const doc = w.doc;
  const session = tracking.session;
  doc.setProperties({ title: pdfText(`${t('tracking.pdf.title')} - ${officine.name} - ${session.label}`), creator: 'Commande de vaccins Covid-19' });
  const address = `${officine.addressLine}, ${officine.postalCode} ${officine.city}`;

  // Header: the officine and the session.
  w.text(t('tracking.pdf.title'), { size: 15, bold: true, gap: 2 });
  w.text(officine.name, { size: 11, bold: true });
  w.text(t('tracking.pdf.finess', { finess: officine.finess }), { size: 9 });
  w.text(address, { size: 9, gap: 3 });
  w.text(t('tracking.pdf.session', { label: session.label }), { size: 10, bold: true });
  w.text(t('tracking.dates', { opens: formatDateTime(lang, session.opensAt), closes: formatDateTime(lang, session.closesAt) }), { size: 9 });
  w.text(
    tracking.confirmationPublished
      ? t('tracking.confirmation.published', { date: formatDateTime(lang, session.confirmationAt) })
      : t('tracking.confirmation.pending', { date: formatDateTime(lang, session.confirmationAt) }),
    { size: 9 },
  );
  if (session.expectedDeliveryDates.length > 0) {
    w.text(t('tracking.deliveryDates', { dates: session.expectedDeliveryDates.map((d) => formatDate(lang, d)).join(', ') }), { size: 9 });
  }
  if (tracking.order) {
    w.text(t('tracking.orderSubmitted', { id: tracking.order.id, date: formatDateTime(lang, tracking.order.submittedAt) }), { size: 9 });
  } else {
    w.text(t('tracking.noOrder'), { size: 9 });
  }
  w.y += 3;

  const groups = groupByEffecteur(tracking.lines);
  const remainingCell = (remaining: number | null, next: string | null): string =>
    remaining === null ? '-' : next && remaining > 0 ? `${num(lang, remaining)} (${t('tracking.expectedOn', { date: formatters(lang).date(next) })})` : num(lang, remaining);

  // Totals per product.
  if (tracking.lines.length > 0) {
    w.text(t('tracking.totals'), { size: 11, bold: true });
    const totalColumns: Column[] = [
      { width: 82, align: 'left' },
      { width: 25, align: 'right' },
      { width: 25, align: 'right' },
      { width: 25, align: 'right' },
      { width: 25, align: 'right' },
    ];
    const totalHeader = [t('tracking.col.product'), t('tracking.col.ordered'), t('tracking.col.confirmed'), t('tracking.col.delivered'), t('tracking.col.remaining')];
    w.row(totalColumns, totalHeader, { bold: true, fill: 225 });
    for (const total of totalsByProduct(tracking.lines)) {
      w.row(totalColumns, [total.productLabel, num(lang, total.ordered), num(lang, total.confirmed), num(lang, total.delivered), num(lang, total.remaining)], {
        onNewPage: () => w.row(totalColumns, totalHeader, { bold: true, fill: 225 }),
      });
    }
    w.y += 4;
  }

  // One table per effecteur, the header repeated on every page.
  const columns: Column[] = [
    { width: 60, align: 'left' },
    { width: 16, align: 'right' },
    { width: 24, align: 'right' },
    { width: 16, align: 'right' },
    { width: 24, align: 'right' },
    { width: 42, align: 'left' },
  ];
  const header = [t('tracking.col.product'), t('tracking.col.ordered'), t('tracking.col.confirmed'), t('tracking.col.delivered'), t('tracking.col.remaining'), t('tracking.col.reason')];
  const tableHeader = () => w.row(columns, header, { bold: true, fill: 225 });
  const confirmedCell = (line: ZTrackingLine): string => {
    if (line.confirmedVials === null) return '-';
    const base = num(lang, line.confirmedVials);
    return line.substituteProductLabel && line.substituteVials ? `${base} ${t('tracking.substitute', { vials: line.substituteVials, product: line.substituteProductLabel })}` : base;
  };
  if (groups.length > 0) {
    w.text(t('tracking.byEffecteur'), { size: 11, bold: true });
    tableHeader();
    for (const group of groups) {
      // Keep an effecteur's name with at least its first line.
      if (w.y + 4 * lineHeight > bottom) {
        w.newPage();
        tableHeader();
      }
      w.row(columns, [`${group.name} (${effecteurTypeLabel(group.type, lang)})`, '', '', '', '', ''], { bold: true, fill: 242, onNewPage: tableHeader });
      for (const line of group.lines) {
        w.row(
          columns,
          [line.productLabel, num(lang, line.orderedVials), confirmedCell(line), num(lang, line.deliveredVials), remainingCell(line.remainingVials, line.nextDeliveryDate), reasonLabel(line, lang)],
          { onNewPage: tableHeader },
        );
      }
    }
  }

  // One slip per effecteur, to cut out and hand over.
  const slipGroups = groups.filter((g) => g.type !== 'officine');
  if (slipGroups.length > 0) {
    w.newPage();
    w.text(t('tracking.pdf.slips'), { size: 13, bold: true, gap: 3 });
    const slipColumns: Column[] = [
      { width: 86, align: 'left' },
      { width: 22, align: 'right' },
      { width: 36, align: 'right' },
      { width: 38, align: 'right' },
    ];
    const slipHeader = [t('tracking.col.product'), t('tracking.col.ordered'), t('tracking.col.confirmed'), t('tracking.col.delivered')];
    for (const group of slipGroups) {
      const estimated = 22 + (group.lines.length + 1) * (lineHeight * 2 + 2 * padding);
      w.ensure(estimated);
      doc.setLineDashPattern([1.5, 1.5], 0);
      doc.setDrawColor(120, 120, 120);
      doc.line(margin, w.y, pageWidth - margin, w.y);
      doc.setLineDashPattern([], 0);
      w.y += 1;
      w.text(t('tracking.pdf.slipCut'), { size: 6.5 });
      w.text(t('tracking.pdf.slipTitle', { name: group.name }), { size: 10, bold: true });
      w.text(`${effecteurTypeLabel(group.type, lang)} - ${session.label}`, { size: 8 });
      w.row(slipColumns, slipHeader, { bold: true, fill: 235 });
      for (const line of group.lines) {
        const delivered = line.remainingVials && line.remainingVials > 0 ? `${num(lang, line.deliveredVials)}, ${t('tracking.col.remaining').toLowerCase()} ${remainingCell(line.remainingVials, line.nextDeliveryDate)}` : num(lang, line.deliveredVials);
        w.row(slipColumns, [line.productLabel, num(lang, line.orderedVials), confirmedCell(line), delivered]);
      }
      w.text(t('tracking.pdf.slipCollect', { name: officine.name, address }), { size: 8, gap: 5 });
    }
  }

  // Footer on every page: who, when, Page n / N.
  const pages = doc.getNumberOfPages();
  const issued = t('tracking.pdf.issuedAt', { date: formatDateTime(lang, input.issuedAt.toISOString()) });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(7);
  doc.setTextColor(80, 80, 80);
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.text(pdfText(`${officine.name} - FINESS ${officine.finess} - ${issued}`), margin, pageHeight - 9);
    doc.text(pdfText(t('tracking.pdf.pageOf', { page, pages })), pageWidth - margin, pageHeight - 9, { align: 'right' });
  }
  return { blob: doc.output('blob'), pages };
}
