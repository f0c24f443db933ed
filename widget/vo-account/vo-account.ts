import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';

/** Visualiser compte (screen to be written). */
export class VoAccount extends LitElement {
  static override styles = [sharedStyles];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;

  override render() {
    return html`<h1>Visualiser compte</h1>`;
  }
}
