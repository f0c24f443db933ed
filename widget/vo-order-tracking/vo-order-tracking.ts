import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ZSession } from '../../shared/schemas/sessions';
import type { ZTracking, ZTrackingLine } from '../../shared/schemas/tracking';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDate, formatDateTime, formatNumber, translator, type Lang, type MessageKey, type Translate } from '../i18n/index';
import {
  deliveryText,
  effecteurTypeLabel,
  exportFileName,
  filterGroups,
  groupByEffecteur,
  reasonLabel,
  totalsByProduct,
  trackingCsv,
  type EffecteurGroup,
} from './tracking-model';

/** A session in the selector, with the officine's order in it if any. */
interface SessionChoice {
  session: ZSession;
  orderStatus: 'submitted' | 'cancelled' | null;
}

/** Effecteur groups shown per page: keeps the DOM small with 300 effecteurs. */
const pageSize = 20;
/** Up to this many effecteurs, every group starts expanded. */
const expandAllUpTo = 8;

/** The product and quantity columns shared by the totals table and each effecteur's table. */
function quantityHeadings(t: Translate) {
  return html`<th scope="col">${t('tracking.col.product')}</th>
    <th scope="col" class="num">${t('tracking.col.ordered')}</th>
    <th scope="col" class="num">${t('tracking.col.confirmed')}</th>
    <th scope="col" class="num">${t('tracking.col.delivered')}</th>
    <th scope="col" class="num">${t('tracking.col.remaining')}</th>`;
}

/**
 * « Suivi de commande » (menu « Transaction commerciale »): per session, what the officine
 * and each effecteur ordered, what was confirmed (from the confirmation time) and why it
 * may be less, what was delivered, by which wholesaler, and what remains with its expected
 * date. Offers « Télécharger le PDF » (jspdf, loaded only when asked for) and « Exporter en CSV ».
 */
export class VoOrderTracking extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .crumb {
        margin: -0.5em 0 1em;
        color: var(--vo-muted-color, #555);
        font-size: 0.9em;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em 1.5em;
        align-items: flex-end;
      }
      .toolbar label {
        margin-top: 0;
      }
      .meta p {
        margin: 0.25em 0;
      }
      table {
        margin: 0.5em 0 1em;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0.25em 0;
      }
      .group {
        border-top: 1px solid var(--vo-border-color, #ccc);
        padding: 0.4em 0;
      }
      .group h3 {
        margin: 0;
      }
      .group h3 button {
        font-weight: 600;
        text-align: left;
      }
      .group h3 button::before {
        content: '▸ ';
      }
      .group h3 button[aria-expanded='true']::before {
        content: '▾ ';
      }
      .group .summary {
        margin: 0.15em 0 0;
        color: var(--vo-muted-color, #555);
        font-size: 0.9em;
      }
      ul.deliveries {
        margin: 0;
        padding-left: 1.1em;
      }
      .planned {
        font-style: italic;
      }
      .sub {
        display: block;
        font-size: 0.9em;
      }
      .status:empty {
        display: none;
      }
      input[type='search'] {
        min-width: 16em;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private sessions: SessionChoice[] | null = null;
  @state() private selectedSessionId: number | null = null;
  @state() private tracking: ZTracking | null = null;
  @state() private loading = false;
  @state() private error: WidgetError | null = null;
  @state() private statusMessage = '';
  @state() private pdfBusy = false;
  @state() private query = '';
  @state() private page = 0;
  @state() private expanded = new Set<number>();

  private loadCount = 0;

  private get language(): Lang {
    return this.context?.lang ?? 'fr';
  }

  private get t(): Translate {
    return this.context?.t ?? translator(this.language);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) void this.loadSessions();
  }

  /** Reloads the list of sessions and the selected session's tracking. */
  async reload(): Promise<void> {
    await this.loadSessions();
  }

  private async loadSessions(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const load = ++this.loadCount;
    this.loading = true;
    this.error = null;
    try {
      const [sessions, orders] = await Promise.all([context.api.sessions.list.query(), context.api.tracking.list.query()]);
      if (load !== this.loadCount) return;
      const orderBySession = new Map(orders.map((o) => [o.session.id, o.orderStatus]));
      const choices = sessions
        .filter((s) => s.status !== 'upcoming' || orderBySession.has(s.id))
        .map((session) => ({ session, orderStatus: orderBySession.get(session.id) ?? null }))
        .sort((a, b) => b.session.opensAt.localeCompare(a.session.opensAt));
      this.sessions = choices;
      const kept = choices.find((c) => c.session.id === this.selectedSessionId);
      // By default: the latest session where the officine ordered, else the latest session.
      const selected = kept ?? choices.find((c) => c.orderStatus === 'submitted') ?? choices[0];
      if (selected) await this.loadTracking(selected.session.id, load);
      else this.loading = false;
    } catch (error) {
      if (load !== this.loadCount) return;
      this.error = toWidgetError(error, this.language);
      this.loading = false;
    }
  }

  private async loadTracking(sessionId: number, load = ++this.loadCount): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.selectedSessionId = sessionId;
    this.loading = true;
    this.error = null;
    this.statusMessage = '';
    try {
      const tracking = await context.api.tracking.get.query({ sessionId });
      if (load !== this.loadCount) return;
      this.tracking = tracking;
      this.query = '';
      this.page = 0;
      const groups = groupByEffecteur(tracking.lines);
      this.expanded = new Set(groups.filter((g, i) => i === 0 || groups.length <= expandAllUpTo).map((g) => g.effecteurId));
    } catch (error) {
      if (load !== this.loadCount) return;
      this.tracking = null;
      this.error = toWidgetError(error, this.language);
    } finally {
      if (load === this.loadCount) this.loading = false;
    }
  }

  /** The name the PDF and CSV files are saved under (without extension). */
  private fileName(tracking: ZTracking, extension: 'pdf' | 'csv'): string {
    return exportFileName(this.context?.me.officine.finess ?? 'officine', tracking.session.label, extension);
  }

  /**
   * Builds the PDF recap of the shown session (or of the tracking given), loading jspdf on
   * first use. Rejects when nothing is loaded.
   */
  async buildPdf(tracking: ZTracking | null = this.tracking): Promise<Blob> {
    const context = this.context;
    if (!context || !tracking) throw new Error('Nothing to print: no session loaded');
    const { buildTrackingPdf } = await import('./tracking-pdf');
    return buildTrackingPdf({ tracking, officine: context.me.officine, lang: context.lang, t: context.t, issuedAt: context.now() }).blob;
  }

  /** The CSV export of the shown session: semicolon-separated, UTF-8 with a BOM. */
  buildCsv(tracking: ZTracking | null = this.tracking): string {
    if (!tracking) throw new Error('Nothing to export: no session loaded');
    return trackingCsv(tracking, this.t, this.language);
  }

  private saveFile(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  private async downloadPdf(): Promise<void> {
    const tracking = this.tracking;
    if (!tracking || this.pdfBusy) return;
    this.pdfBusy = true;
    this.statusMessage = this.t('tracking.pdf.building');
    try {
      const blob = await this.buildPdf(tracking);
      const file = this.fileName(tracking, 'pdf');
      this.saveFile(blob, file);
      this.statusMessage = this.t('tracking.pdf.ready', { file });
    } catch {
      this.statusMessage = this.t('tracking.pdf.failed');
    } finally {
      this.pdfBusy = false;
    }
  }

  private downloadCsv(): void {
    const tracking = this.tracking;
    if (!tracking) return;
    const file = this.fileName(tracking, 'csv');
    this.saveFile(new Blob([this.buildCsv(tracking)], { type: 'text/csv;charset=utf-8' }), file);
    this.statusMessage = this.t('tracking.csv.ready', { file });
  }

  private toggle(effecteurId: number): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(effecteurId)) expanded.delete(effecteurId);
    else expanded.add(effecteurId);
    this.expanded = expanded;
  }

  private setAll(groups: readonly EffecteurGroup[], open: boolean): void {
    const expanded = new Set(this.expanded);
    for (const g of groups) {
      if (open) expanded.add(g.effecteurId);
      else expanded.delete(g.effecteurId);
    }
    this.expanded = expanded;
  }

  override render() {
    const t = this.t;
    return html`<h1>${t('tracking.title')}</h1>
      <p class="crumb">${t('tracking.menu')} › ${t('tracking.title')}</p>
      ${this.renderSelector()}
      <p class="status notice" role="status">${this.loading ? t('tracking.loading') : this.statusMessage}</p>
      ${this.error
        ? html`<vo-error-message .error=${this.error} .lang=${this.language}></vo-error-message>
            <div class="actions"><button type="button" class="secondary" @click=${() => void this.reload()}>${t('common.retry')}</button></div>`
        : nothing}
      ${this.tracking && !this.error ? this.renderTracking(this.tracking) : nothing}`;
  }

  private renderSelector() {
    const t = this.t;
    const sessions = this.sessions;
    if (!sessions) return nothing;
    if (sessions.length === 0) return html`<p class="notice">${t('tracking.noSessions')}</p>`;
    return html`<div class="toolbar">
      <div>
        <label for="session">${t('tracking.session')}</label>
        <select id="session" @change=${(e: Event) => void this.loadTracking(Number((e.target as HTMLSelectElement).value))}>
          ${sessions.map(({ session, orderStatus }) => {
            const key: MessageKey =
              orderStatus === 'submitted' ? 'tracking.sessionOption.order' : orderStatus === 'cancelled' ? 'tracking.sessionOption.cancelled' : 'tracking.sessionOption';
            return html`<option value=${session.id} ?selected=${session.id === this.selectedSessionId}>
              ${t(key, { label: session.label, status: t(`session.status.${session.status}`) })}
            </option>`;
          })}
        </select>
      </div>
    </div>`;
  }

  private renderTracking(tracking: ZTracking) {
    const t = this.t;
    const lang = this.language;
    const session = tracking.session;
    const groups = groupByEffecteur(tracking.lines);
    const mail = tracking.confirmationMail;
    return html`<section class="meta" aria-labelledby="session-title">
        <h2 id="session-title">${session.label}</h2>
        <p>${t('tracking.dates', { opens: formatDateTime(lang, session.opensAt), closes: formatDateTime(lang, session.closesAt) })}</p>
        ${session.expectedDeliveryDates.length > 0
          ? html`<p>${t('tracking.deliveryDates', { dates: session.expectedDeliveryDates.map((d) => formatDate(lang, d)).join(', ') })}</p>`
          : nothing}
        ${tracking.confirmationPublished
          ? html`<p class="notice success" data-confirmation="published">
              ${t('tracking.confirmation.published', { date: formatDateTime(lang, session.confirmationAt) })}
            </p>`
          : html`<p class="notice" data-confirmation="pending">${t('tracking.confirmation.pending', { date: formatDateTime(lang, session.confirmationAt) })}</p>`}
        ${mail?.status === 'sent' && mail.sentAt
          ? html`<p data-mail="sent">${t('tracking.mail.sent', { date: formatDateTime(lang, mail.sentAt) })}</p>`
          : mail?.status === 'failed'
            ? html`<p class="notice warning" data-mail="failed">${t('tracking.mail.failed')}</p>`
            : mail
              ? html`<p data-mail="pending">${t('tracking.mail.pending')}</p>`
              : nothing}
        ${!tracking.order
          ? html`<p class="notice">${t('tracking.noOrder')}</p>`
          : tracking.order.status === 'cancelled'
            ? html`<p class="notice warning">${t('tracking.cancelledOrder')}</p>`
            : html`<p>${t('tracking.orderSubmitted', { id: tracking.order.id, date: formatDateTime(lang, tracking.order.submittedAt) })}</p>`}
      </section>
      ${tracking.lines.length > 0
        ? html`<div class="actions">
              <button type="button" data-action="pdf" ?disabled=${this.pdfBusy} aria-busy=${this.pdfBusy ? 'true' : 'false'} @click=${() => void this.downloadPdf()}>
                ${t('tracking.downloadPdf')}
              </button>
              <button type="button" class="secondary" data-action="csv" @click=${() => this.downloadCsv()}>${t('tracking.exportCsv')}</button>
            </div>
            ${this.renderTotals(tracking)} ${this.renderGroups(groups)}`
        : nothing}`;
  }

  private renderTotals(tracking: ZTracking) {
    const t = this.t;
    const lang = this.language;
    const n = (v: number | null) => (v === null ? t('tracking.notYet') : formatNumber(lang, v));
    return html`<table class="totals">
      <caption>
        ${t('tracking.totals')}
      </caption>
      <thead>
        <tr>
          ${quantityHeadings(t)}
        </tr>
      </thead>
      <tbody>
        ${totalsByProduct(tracking.lines).map(
          (total) => html`<tr>
            <th scope="row">${total.productLabel}</th>
            <td class="num">${n(total.ordered)}</td>
            <td class="num">${n(total.confirmed)}</td>
            <td class="num">${n(total.delivered)}</td>
            <td class="num">${n(total.remaining)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderGroups(all: readonly EffecteurGroup[]) {
    const t = this.t;
    const groups = filterGroups(all, this.query);
    const pages = Math.max(1, Math.ceil(groups.length / pageSize));
    const page = Math.min(this.page, pages - 1);
    const shown = groups.slice(page * pageSize, (page + 1) * pageSize);
    return html`<section aria-labelledby="groups-title">
      <h2 id="groups-title">${t('tracking.byEffecteur')}</h2>
      <div class="toolbar">
        <div>
          <label for="filter">${t('tracking.filter')}</label>
          <input
            id="filter"
            type="search"
            autocomplete="off"
            aria-describedby="filter-hint filter-count"
            .value=${this.query}
            @input=${(e: Event) => {
              this.query = (e.target as HTMLInputElement).value;
              this.page = 0;
            }}
          />
          <small id="filter-hint" class="visually-hidden">${t('tracking.filter.hint')}</small>
        </div>
        <button type="button" class="secondary" @click=${() => this.setAll(shown, true)}>${t('tracking.expandAll')}</button>
        <button type="button" class="secondary" @click=${() => this.setAll(shown, false)}>${t('tracking.collapseAll')}</button>
      </div>
      <p id="filter-count" role="status">
        ${groups.length === 0 ? t('tracking.filter.none', { query: this.query }) : t('tracking.filter.count', { shown: groups.length, total: all.length })}
      </p>
      ${shown.map((group) => this.renderGroup(group))}
      ${pages > 1
        ? html`<nav class="actions" aria-label=${t('tracking.pagination')}>
            <button type="button" class="secondary" ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${t('tracking.previous')}</button>
            <span>${t('tracking.page', { from: page * pageSize + 1, to: page * pageSize + shown.length, total: groups.length })}</span>
            <button type="button" class="secondary" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)}>${t('tracking.next')}</button>
          </nav>`
        : nothing}
    </section>`;
  }

  private renderGroup(group: EffecteurGroup) {
    const t = this.t;
    const lang = this.language;
    const open = this.expanded.has(group.effecteurId);
    const id = `effecteur-${group.effecteurId}`;
    const type = effecteurTypeLabel(group.type, lang);
    const summary =
      group.confirmed === null
        ? t('tracking.group.summaryPending', { type, ordered: formatNumber(lang, group.ordered), delivered: formatNumber(lang, group.delivered) })
        : t('tracking.group.summary', {
            type,
            ordered: formatNumber(lang, group.ordered),
            confirmed: formatNumber(lang, group.confirmed),
            delivered: formatNumber(lang, group.delivered),
          });
    return html`<section class="group" data-effecteur=${group.effecteurId}>
      <h3>
        <button type="button" class="link" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => this.toggle(group.effecteurId)}>
          ${group.name}
        </button>
      </h3>
      <p class="summary">${summary}</p>
      <div id=${id}>${open ? this.renderLines(group) : nothing}</div>
    </section>`;
  }

  private renderLines(group: EffecteurGroup) {
    const t = this.t;
    const lang = this.language;
    const n = (v: number) => formatNumber(lang, v);
    const confirmed = (line: ZTrackingLine) =>
      line.confirmedVials === null
        ? t('tracking.notYet')
        : html`${n(line.confirmedVials)}${line.substituteProductLabel && line.substituteVials
            ? html`<span class="sub">${t('tracking.substitute', { vials: n(line.substituteVials), product: line.substituteProductLabel })}</span>`
            : nothing}`;
    const remaining = (line: ZTrackingLine) =>
      line.remainingVials === null
        ? t('tracking.notYet')
        : html`${n(line.remainingVials)}${line.remainingVials > 0 && line.nextDeliveryDate
            ? html`<span class="sub">${t('tracking.expectedOn', { date: formatDate(lang, line.nextDeliveryDate) })}</span>`
            : nothing}`;
    return html`<table>
      <caption class="visually-hidden">
        ${t('tracking.group.caption', { name: group.name })}
      </caption>
      <thead>
        <tr>
          ${quantityHeadings(t)}
          <th scope="col">${t('tracking.col.deliveries')}</th>
          <th scope="col">${t('tracking.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
        ${group.lines.map(
          (line) => html`<tr data-product=${line.productId}>
            <th scope="row">${line.productLabel}</th>
            <td class="num" data-col="ordered">${n(line.orderedVials)}</td>
            <td class="num" data-col="confirmed">${confirmed(line)}</td>
            <td class="num" data-col="delivered">${n(line.deliveredVials)}</td>
            <td class="num" data-col="remaining">${remaining(line)}</td>
            <td data-col="deliveries">
              ${line.deliveries.length === 0
                ? t('tracking.noDelivery')
                : html`<ul class="deliveries">
                    ${line.deliveries.map((d) => html`<li class=${d.planned ? 'planned' : ''}>${deliveryText(d, t, lang)}</li>`)}
                  </ul>`}
            </td>
            <td data-col="reason">${reasonLabel(line, lang)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
