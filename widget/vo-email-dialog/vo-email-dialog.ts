import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { widgetEvent } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';

/**
 * First login: a modal dialog asks for the officine e-mail before anything else. It cannot
 * be dismissed; the shell keeps the rest of the widget inert until the e-mail is saved.
 *
 * @fires vo-refresh - the e-mail was saved; the shell reloads who is logged in
 */
export class VoEmailDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        max-width: 32rem;
        border: 1px solid var(--vo-border-color, #ccc);
        border-radius: var(--vo-radius, 4px);
        padding: 1.5em;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 45%);
      }
      input {
        width: 100%;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private error: WidgetError | null = null;
  @state() private invalid = false;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input') private input!: HTMLInputElement;

  protected override firstUpdated(): void {
    this.dialog.showModal();
    this.input.focus();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const context = this.context;
    if (!context) return;
    // The browser's own e-mail check is a comfort; the server's zod schema decides.
    this.invalid = !this.input.checkValidity() || this.input.value.trim() === '';
    if (this.invalid) {
      this.input.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await context.api.account.setEmail.mutate({ email: this.input.value.trim() });
      this.dialog.close();
      this.dispatchEvent(widgetEvent('vo-refresh', { what: 'me' }));
    } catch (error) {
      this.error = toWidgetError(error, context.lang);
      this.invalid = this.error.code === 'INVALID_INPUT';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.context?.t;
    if (!t) return nothing;
    return html`<dialog aria-labelledby="email-title" aria-describedby="email-intro" @cancel=${(e: Event) => e.preventDefault()}>
      <form @submit=${(e: SubmitEvent) => void this.save(e)} novalidate>
        <h2 id="email-title">${t('email.title')}</h2>
        <p id="email-intro">${t('email.intro')}</p>
        <label for="email">${t('email.label')}</label>
        <input
          id="email"
          name="email"
          type="email"
          required
          maxlength="254"
          autocomplete="email"
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${this.invalid ? 'email-error' : nothing}
        />
        ${this.invalid ? html`<p id="email-error" class="notice warning">${t('email.invalid')}</p>` : nothing}
        <vo-error-message .error=${this.invalid ? null : this.error} .lang=${this.context?.lang ?? 'fr'}></vo-error-message>
        <div class="actions"><button class="end" type="submit" ?disabled=${this.busy}>${t('common.save')}</button></div>
      </form>
    </dialog>`;
  }
}
