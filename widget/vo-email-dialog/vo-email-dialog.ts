import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';

/** E-mail (being written). */
export class VoEmailDialog extends LitElement {
  static override styles = [sharedStyles];
  @property({ attribute: false }) context?: WidgetContext;

  override render() {
    return html`<h1>E-mail</h1>`;
  }
}
