import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { ZHealth } from '../../shared/schemas/auth';
import type { ApiClient } from '../core/api-client';
import { sharedStyles } from '../core/shared-styles';
import type { Lang } from '../i18n/index';

/** Login screen (being written). */
export class VoLogin extends LitElement {
  static override styles = [sharedStyles];
  @property({ attribute: false }) api: ApiClient | null = null;
  @property() override lang: Lang = 'fr';
  @property({ attribute: false }) health: ZHealth | null = null;
  @property({ attribute: false }) loginMode: 'redirect' | 'popup' | 'ciba' = 'redirect';
  @property({ attribute: false }) apiUrl = '';

  async completeWith(_code: string | null, _failure: string | null): Promise<void> {}

  override render() {
    return html`<p>Login</p>`;
  }
}
