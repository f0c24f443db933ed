import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ZHealth } from '../../shared/schemas/auth';
import type { ZOrderSummary } from '../../shared/schemas/orders';
import type { ZCurrentSession } from '../../shared/schemas/sessions';
import { widgetEvent, type Screen } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDateTime, formatNumber, type MessageKey } from '../i18n/index';

const entries: { screen: Screen; label: MessageKey }[] = [
  { screen: 'order-entry', label: 'shell.orderEntry' },
  { screen: 'tracking', label: 'shell.tracking' },
  { screen: 'account', label: 'shell.account' },
  { screen: 'documentation', label: 'shell.documentation' },
  { screen: 'support', label: 'shell.support' },
];

/**
 * Accueil: the officine, the current session and its state, this session's order at a
 * glance, and the seed's entries.
 *
 * @fires vo-navigate - the user picked an entry
 */
export class VoHome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1em;
      }
      section {
        border: 1px solid var(--vo-border-color, #ccc);
        border-radius: var(--vo-radius, 4px);
        padding: 1em;
      }
      ul.entries {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      p {
        margin: 0.3em 0;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>. */
  @property({ attribute: false }) context?: WidgetContext;
  /** What `health` said, for the service line. */
  @property({ attribute: false }) health: ZHealth | null = null;

  @state() private current: ZCurrentSession | null = null;
  @state() private noSession = false;
  @state() private order: ZOrderSummary | null = null;
  @state() private error: WidgetError | null = null;
  @state() private loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const context = this.context;
    if (!context) return;
    try {
      const [current, orders] = await Promise.all([
        context.api.sessions.current.query().catch((error: unknown) => {
          if (toWidgetError(error, context.lang).code === 'NO_CURRENT_SESSION') return null;
          throw error;
        }),
        context.api.orders.list.query(),
      ]);
      this.current = current;
      this.noSession = current === null;
      this.order = current ? (orders.find((o) => o.sessionId === current.session.id) ?? null) : null;
    } catch (error) {
      this.error = toWidgetError(error, context.lang);
    } finally {
      this.loaded = true;
    }
  }

  override render() {
    const context = this.context;
    if (!context) return nothing;
    const { t, me, lang } = context;
    return html`
      <h1>${t('home.title')}</h1>
      <vo-error-message .error=${this.error} .lang=${lang}></vo-error-message>
      <div class="cards">
        <section aria-labelledby="officine-title">
          <h2 id="officine-title">${t('home.officine')}</h2>
          <p><strong>${me.officine.name}</strong></p>
          <p>${t('home.finess', { finess: me.officine.finess })}</p>
          <p>${me.officine.addressLine}, ${me.officine.postalCode} ${me.officine.city}</p>
          ${me.officine.email ? html`<p>${me.officine.email}</p>` : nothing}
        </section>
        <section aria-labelledby="session-title" aria-busy=${this.loaded ? 'false' : 'true'}>
          <h2 id="session-title">${t('home.session')}</h2>
          ${this.renderSession()}
        </section>
      </div>
      <h2>${t('home.entries')}</h2>
      <ul class="entries">
        ${entries.map(
          (entry) =>
            html`<li>
              <button type="button" class="secondary" @click=${() => this.dispatchEvent(widgetEvent('vo-navigate', { screen: entry.screen }))}>
                ${t(entry.label)}
              </button>
            </li>`,
        )}
      </ul>
    `;
  }

  private renderSession() {
    const context = this.context;
    if (!context) return nothing;
    const { t, lang } = context;
    if (!this.loaded) return html`<p role="status">${t('app.loading')}</p>`;
    if (this.noSession || !this.current) return html`<p>${t('home.noSession')}</p>`;
    const session = this.current.session;
    const order = this.order;
    return html`
      <p><strong>${session.label}</strong> — <span data-status=${session.status}>${t(`session.status.${session.status}`)}</span></p>
      <p>${t('home.session.opens', { date: formatDateTime(lang, session.opensAt) })}</p>
      <p>${t('home.session.closes', { date: formatDateTime(lang, session.closesAt) })}</p>
      <p>${t('home.session.confirmation', { date: formatDateTime(lang, session.confirmationAt) })}</p>
      <h3>${t('home.order')}</h3>
      <p data-order>
        ${!order
          ? t('home.order.none')
          : order.status === 'cancelled'
            ? t('home.order.cancelled')
            : t('home.order.submitted', {
                date: formatDateTime(lang, order.updatedAt),
                lines: formatNumber(lang, order.lineCount),
                vials: formatNumber(lang, order.totalVials),
              })}
      </p>
    `;
  }
}
