import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import { widgetEvent } from '../core/events';
import type { WidgetError } from '../core/widget-error';
import { translator, type Lang } from '../i18n/index';

/**
 * An error as every screen shows it: the catalogue's message, the code to quote, whom to
 * contact, and « Contacter le support », which opens the support form with the motif and code.
 *
 * @fires vo-support-request - the user asked to contact support about this error
 * @csspart error - the alert box
 */
export class VoErrorMessage extends LitElement {
  static override styles = [sharedStyles];

  /** The error to show; nothing is rendered while it is null. */
  @property({ attribute: false }) error: WidgetError | null = null;
  /** Language of the surrounding text. */
  @property() override lang: Lang = 'fr';

  override render() {
    const error = this.error;
    if (!error) return nothing;
    const t = translator(this.lang);
    return html`<div class="notice warning" role="alert" part="error">
      <p>${error.message}</p>
      <p><small>${t('error.code', { code: error.code })} · ${t('error.whom', { name: t(`contact.${error.contact}.name`) })}</small></p>
      <button
        type="button"
        class="secondary"
        @click=${() => this.dispatchEvent(widgetEvent('vo-support-request', { motif: error.motif, errorCode: error.code, message: error.message }))}
      >
        ${t('error.contactSupport')}
      </button>
    </div>`;
  }
}
