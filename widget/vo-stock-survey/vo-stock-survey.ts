import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ZStockSurvey } from '../../shared/schemas/stock-survey';
import { widgetEvent } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDateTime, formatNumber, type MessageKey } from '../i18n/index';

/**
 * The stock survey: while Santé publique France asks for it in the session
 * (`stockSurvey.get` says `open`), a short form of the doses held per vaccine, with what was
 * declared last and when; « Enregistrer » sends it (`stockSurvey.declare`). Renders nothing
 * when the session does not ask for it.
 *
 * @fires vo-error - an error was shown to the user; detail: code, message
 */
export class VoStockSurvey extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        align-items: center;
        margin-bottom: 0.5em;
      }
      .item label {
        flex: 1 1 20em;
        margin: 0;
      }
      .item input {
        width: 8em;
        text-align: right;
      }
      .declared {
        flex-basis: 100%;
        font-size: 0.9em;
      }
      .error-text {
        flex-basis: 100%;
        color: var(--vo-danger-color, #b3261e);
      }
    `,
  ];

  /** Handed over by <vaccine-order-app> (or <vo-order-entry>): API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;
  /** The session whose survey to show; defaults to the current session (sessions.current). */
  @property({ type: Number, attribute: 'session-id' }) sessionId: number | null = null;

  @state() private survey: ZStockSurvey | null = null;
  @state() private values: Record<number, string> = {};
  @state() private invalid = new Set<number>();
  @state() private error: WidgetError | null = null;
  @state() private message: string | null = null;
  @state() private saving = false;

  private loadedKey = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('context') || changed.has('sessionId')) && this.context) {
      const key = `${this.sessionId ?? 'current'}`;
      if (key !== this.loadedKey || changed.has('context')) {
        this.loadedKey = key;
        void this.load();
      }
    }
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.context ? this.context.t(key, params) : key;
  }

  private async load(): Promise<void> {
    const context = this.context;
    if (!context) return;
    try {
      const sessionId = this.sessionId ?? (await context.api.sessions.current.query()).session.id;
      this.survey = await context.api.stockSurvey.get.query({ sessionId });
      this.values = Object.fromEntries(this.survey.items.map((i) => [i.productId, i.doses === null ? '' : String(i.doses)]));
      this.error = null;
    } catch (error) {
      this.showError(error);
    }
  }

  private showError(error: unknown): void {
    const described = toWidgetError(error, this.context?.lang ?? 'fr');
    this.error = described;
    this.dispatchEvent(widgetEvent('vo-error', { code: described.code, message: described.message }));
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const context = this.context;
    const survey = this.survey;
    if (!context || !survey || this.saving) return;
    const invalid = new Set<number>();
    const items: { productId: number; doses: number }[] = [];
    for (const item of survey.items) {
      const text = (this.values[item.productId] ?? '').trim();
      if (text === '') continue;
      if (!/^\d{1,7}$/.test(text) || Number(text) > 1_000_000) invalid.add(item.productId);
      else items.push({ productId: item.productId, doses: Number(text) });
    }
    this.invalid = invalid;
    this.message = null;
    if (invalid.size > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    if (items.length === 0) {
      this.message = this.t('stockSurvey.nothing');
      return;
    }
    this.saving = true;
    this.error = null;
    try {
      this.survey = await context.api.stockSurvey.declare.mutate({ sessionId: survey.sessionId, items });
      const at = this.survey.items.find((i) => i.declaredAt)?.declaredAt;
      this.message = this.t('stockSurvey.saved', { when: at ? formatDateTime(context.lang, at) : '' });
    } catch (error) {
      this.showError(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const survey = this.survey;
    const context = this.context;
    if (!context) return nothing;
    if (!survey) return this.error ? html`<vo-error-message .error=${this.error} .lang=${context.lang}></vo-error-message>` : nothing;
    if (!survey.open) return nothing;
    return html`<section aria-labelledby="survey-title" class="notice">
      <h2 id="survey-title">${this.t('stockSurvey.title')}</h2>
      <p>${this.t('stockSurvey.intro')}</p>
      <form @submit=${(e: Event) => void this.save(e)} novalidate>
        ${survey.items.map((item) => {
          const id = `doses-${item.productId}`;
          const bad = this.invalid.has(item.productId);
          return html`<div class="item">
            <label for=${id}>${this.t('stockSurvey.doses', { product: item.productLabel })}</label>
            <input
              id=${id}
              type="text"
              inputmode="numeric"
              autocomplete="off"
              data-product=${item.productId}
              .value=${this.values[item.productId] ?? ''}
              aria-invalid=${bad ? 'true' : 'false'}
              aria-describedby="${id}-declared${bad ? ` ${id}-error` : ''}"
              @input=${(e: Event) => {
                this.values = { ...this.values, [item.productId]: (e.target as HTMLInputElement).value };
              }}
            />
            <span class="declared" id="${id}-declared"
              >${item.doses === null || item.declaredAt === null
                ? this.t('stockSurvey.notDeclared')
                : this.t('stockSurvey.declared', { doses: formatNumber(context.lang, item.doses), when: formatDateTime(context.lang, item.declaredAt) })}</span
            >
            ${bad ? html`<span class="error-text" id="${id}-error">${this.t('stockSurvey.invalid')}</span>` : nothing}
          </div>`;
        })}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.t('common.save')}</button>
        </div>
        ${this.message ? html`<p role="status" class="saved">${this.message}</p>` : nothing}
        ${this.error ? html`<vo-error-message .error=${this.error} .lang=${context.lang}></vo-error-message>` : nothing}
      </form>
    </section>`;
  }
}
