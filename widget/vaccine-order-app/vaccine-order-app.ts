import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createApiClient } from '../api-client';

/**
 * The ordering application embedded by pharmacy software. This first version shows whether
 * the service answers; the screens of the seed come with the widget issue.
 *
 * @csspart status - the service status line
 * @cssprop --vo-font-family - font of the whole widget
 */
export class VaccineOrderApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--vo-font-family, system-ui, sans-serif);
    }
  `;

  /** Base URL of the API server, e.g. https://commande-vaccins.example. */
  @property({ attribute: 'api-url' }) apiUrl = '';

  @state() private status: 'checking' | 'ok' | 'degraded' | 'unreachable' = 'checking';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkHealth();
  }

  private async checkHealth(): Promise<void> {
    try {
      const health = await createApiClient({ url: this.apiUrl || location.origin, token: () => null }).health.query();
      this.status = health.status;
    } catch {
      this.status = 'unreachable';
    }
  }

  override render() {
    const text = {
      checking: 'Vérification du service…',
      ok: 'Service de commande disponible.',
      degraded: 'Service de commande dégradé.',
      unreachable: 'Service de commande injoignable.',
    }[this.status];
    return html`<p part="status" role="status">${text}</p>`;
  }
}
