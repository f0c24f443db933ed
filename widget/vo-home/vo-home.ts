import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../core/shared-styles';
import type { ZHealth } from '../../shared/schemas/auth';
import type { WidgetContext } from '../core/widget-context';

/** Accueil (being written). */
export class VoHome extends LitElement {
  static override styles = [sharedStyles];
  @property({ attribute: false }) context?: WidgetContext;
  @property({ attribute: false }) health: ZHealth | null = null;

  override render() {
    return html`<h1>Accueil</h1>`;
  }
}
