import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import type { SupportMotifId } from '../../shared/support/motifs';
import type { WidgetContext } from '../core/widget-context';

/** Besoin d'aide ? (screen to be written). */
export class VoSupportForm extends LitElement {
  static override styles = [sharedStyles];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;
  /** Motif chosen in advance (from an error's « Contacter le support »). */
  @property({ attribute: false }) motif: SupportMotifId | null = null;
  /** Error code to quote in the ticket, when opened from an error. */
  @property({ attribute: false }) errorCode: string | null = null;

  override render() {
    return html`<h1>Besoin d'aide ?</h1>`;
  }
}
