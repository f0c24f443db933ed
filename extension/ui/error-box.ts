import { html, type TemplateResult } from 'lit';
import { contacts } from '../../shared/support/contacts';
import type { UserError } from '../errors/user-error-schema';
import { common } from '../strings';

/** Every error the same way: the catalogue's French message, its code, whom to contact, and the support button. */
export function errorBox(error: UserError, onSupport: () => void): TemplateResult {
  const contact = contacts[error.contact];
  return html`<div class="error" role="alert" data-code=${error.code}>
    <p>${error.message}</p>
    <p class="muted">${common.errorCode(error.code)} · ${contact.name}</p>
    <button type="button" class="secondary" @click=${onSupport}>${common.contactSupport}</button>
  </div>`;
}

/** The diagnostics page opens on its support form, with the motif and code preselected (never a token). */
export function supportPagePath(error: UserError | null): string {
  const params = new URLSearchParams({ support: '1', ...(error ? { motif: error.motif, code: error.code } : {}) });
  return `/diagnostics.html#${params.toString()}`;
}
