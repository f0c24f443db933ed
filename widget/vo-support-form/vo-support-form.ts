import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { contactIds } from '../../shared/support/contacts';
import { supportMotifIds, supportMotifs, type SupportMotifId } from '../../shared/support/motifs';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDateTime, translator, type Lang, type Translate } from '../i18n/index';
import { emailValidator } from '../core/email-check';

type Field = 'motif' | 'errorCode' | 'message' | 'contactEmail';
type FieldErrors = Partial<Record<Field, string>>;

/** The server's rules for a ticket (docs/API.md, support.createTicket). */
const errorCodePattern = /^[A-Z][A-Z0-9_]{1,60}$/;
const messageMax = 5000;

/**
 * « Besoin d'aide ? »: the support form (motif, error code, message, contact e-mail) sent to
 * `support.createTicket`, and who else to contact for what (Agence du numérique en santé, Ordre,
 * software vendor). Opened from an error's « Contacter le support », it arrives with the motif
 * chosen and the error code filled in.
 *
 * @fires vo-support-request - from an error's « Contacter le support » (when sending failed)
 */
export class VoSupportForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 2em;
      }
      input:not([type='checkbox']),
      select,
      textarea {
        width: 100%;
        max-width: 36em;
      }
      textarea {
        min-height: 8em;
      }
      input[readonly] {
        background: var(--vo-readonly-background, #f0f0f0);
      }
      .field-error {
        color: var(--vo-danger-color, #b3261e);
        margin: 0.25em 0 0;
      }
      [aria-invalid='true'] {
        border-color: var(--vo-danger-color, #b3261e);
        border-width: 2px;
      }
      .hint {
        margin: 0.25em 0 0;
        font-size: 0.9em;
      }
      dl.contacts dt {
        font-weight: 600;
        margin-top: 0.8em;
      }
      dl.contacts dd {
        margin: 0.2em 0 0 1em;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;
  /** Motif chosen in advance (from an error's « Contacter le support »). */
  @property({ attribute: false }) motif: SupportMotifId | null = null;
  /** Error code to quote in the ticket, when opened from an error; shown read-only. */
  @property({ attribute: false }) errorCode: string | null = null;

  @state() private motifs: { id: SupportMotifId; label: string }[] | null = null;
  @state() private motifsFailed = false;
  @state() private draft: Record<Field, string> = { motif: '', errorCode: '', message: '', contactEmail: '' };
  @state() private errors: FieldErrors = {};
  @state() private sendError: WidgetError | null = null;
  @state() private sending = false;
  @state() private sent: { id: number; createdAt: string; email: string } | null = null;

  private loadedFor: WidgetContext | null = null;

  private get uiLang(): Lang {
    return this.context?.lang ?? 'fr';
  }

  private get t(): Translate {
    return this.context?.t ?? translator(this.uiLang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('motif') && this.motif) this.draft = { ...this.draft, motif: this.motif };
    if (changed.has('errorCode')) this.draft = { ...this.draft, errorCode: this.errorCode ?? '' };
    if (changed.has('context') && this.context && !this.draft.contactEmail) {
      this.draft = { ...this.draft, contactEmail: this.context.me.officine.email ?? '' };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context && this.loadedFor !== this.context) {
      this.loadedFor = this.context;
      void this.loadMotifs();
    }
  }

  private async loadMotifs(): Promise<void> {
    const context = this.context;
    if (!context) return;
    try {
      const motifs = await context.api.support.motifs.query();
      this.motifs = motifs.filter((m): m is { id: SupportMotifId; label: string } => (supportMotifIds as readonly string[]).includes(m.id));
      this.motifsFailed = false;
    } catch {
      // The form must work when the service is half down: fall back to the shared list.
      this.motifs = supportMotifIds.map((id) => ({ id, label: supportMotifs[id][this.uiLang] }));
      this.motifsFailed = true;
    }
  }

  override render() {
    const t = this.t;
    return html`<h1>${t('support.title')}</h1>
      <p>${t('support.intro')}</p>
      ${this.sent ? this.renderSent(this.sent) : this.renderForm()} ${this.renderContacts()}`;
  }

  private renderSent(sent: { id: number; createdAt: string; email: string }) {
    const t = this.t;
    return html`<section aria-labelledby="support-form-title">
      <h2 id="support-form-title">${t('support.formTitle')}</h2>
      <div class="notice success" role="status">
        <p id="support-sent" tabindex="-1">
          ${t('support.sent', { id: sent.id, when: formatDateTime(this.uiLang, sent.createdAt), email: sent.email })}
        </p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" id="support-new" @click=${() => void this.newRequest()}>${t('support.newRequest')}</button>
      </div>
    </section>`;
  }

  private describedBy(field: Field, help?: string): string | typeof nothing {
    const ids = [this.errors[field] ? `support-${field}-error` : null, help ?? null].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private fieldError(field: Field) {
    const error = this.errors[field];
    return error ? html`<p id=${`support-${field}-error`} class="field-error">${error}</p>` : nothing;
  }

  private set(field: Field, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) {
      const rest = { ...this.errors };
      delete rest[field];
      this.errors = rest;
    }
  }

  private renderForm() {
    const t = this.t;
    const draft = this.draft;
    const codeGiven = Boolean(this.errorCode);
    return html`<section aria-labelledby="support-form-title">
      <h2 id="support-form-title">${t('support.formTitle')}</h2>
      ${this.motifsFailed ? html`<p class="notice warning">${t('support.motifsFailed')}</p>` : nothing}
      <form novalidate @submit=${(e: Event) => void this.submit(e)}>
        <label for="support-motif">${t('support.motif')}</label>
        <select
          id="support-motif"
          required
          aria-invalid=${this.errors.motif ? 'true' : 'false'}
          aria-describedby=${this.describedBy('motif')}
          @change=${(e: Event) => this.set('motif', (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${draft.motif === ''}>${t('support.motifChoose')}</option>
          ${(this.motifs ?? []).map((m) => html`<option value=${m.id} ?selected=${draft.motif === m.id}>${m.label}</option>`)}
        </select>
        ${this.fieldError('motif')}

        <label for="support-error-code">${t('support.errorCode')}</label>
        <input
          id="support-error-code"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="61"
          .value=${draft.errorCode}
          ?readonly=${codeGiven}
          aria-invalid=${this.errors.errorCode ? 'true' : 'false'}
          aria-describedby=${this.describedBy('errorCode', 'support-error-code-help')}
          @input=${(e: Event) => this.set('errorCode', (e.target as HTMLInputElement).value)}
        />
        <p id="support-error-code-help" class="hint">${codeGiven ? t('support.errorCodeGiven') : t('support.errorCodeHelp')}</p>
        ${this.fieldError('errorCode')}

        <label for="support-message">${t('support.message')}</label>
        <textarea
          id="support-message"
          required
          maxlength=${messageMax}
          .value=${draft.message}
          aria-invalid=${this.errors.message ? 'true' : 'false'}
          aria-describedby=${this.describedBy('message', 'support-message-help')}
          @input=${(e: Event) => this.set('message', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="support-message-help" class="hint">${t('support.messageHelp')}</p>
        ${this.fieldError('message')}

        <label for="support-contact-email">${t('support.contactEmail')}</label>
        <input
          id="support-contact-email"
          type="email"
          autocomplete="email"
          required
          maxlength="254"
          .value=${draft.contactEmail}
          aria-invalid=${this.errors.contactEmail ? 'true' : 'false'}
          aria-describedby=${this.describedBy('contactEmail')}
          @input=${(e: Event) => this.set('contactEmail', (e.target as HTMLInputElement).value)}
        />
        ${this.fieldError('contactEmail')}

        <vo-error-message .error=${this.sendError} .lang=${this.uiLang}></vo-error-message>
        <div class="actions">
          <span class="end">
            <button type="submit" id="support-send" ?disabled=${this.sending}>${this.sending ? t('support.sending') : t('support.send')}</button>
          </span>
        </div>
      </form>
    </section>`;
  }

  private renderContacts() {
    const t = this.t;
    return html`<section aria-labelledby="support-contacts-title">
      <h2 id="support-contacts-title">${t('support.contactsTitle')}</h2>
      <p>${t('support.contactsIntro')}</p>
      <dl class="contacts">
        ${contactIds.map(
          (id) => html`<dt data-contact=${id}>${t(`contact.${id}.name`)}</dt>
            <dd>${t('support.contactHandles')} ${t(`contact.${id}.scope`)}</dd>
            <dd>${t('support.contactHow')} ${t(`contact.${id}.how`)}</dd>`,
        )}
      </dl>
    </section>`;
  }

  private async check(): Promise<FieldErrors> {
    const t = this.t;
    const errors: FieldErrors = {};
    const d = this.draft;
    if (!(supportMotifIds as readonly string[]).includes(d.motif)) errors.motif = t('support.motifRequired');
    const code = d.errorCode.trim();
    if (code && !errorCodePattern.test(code)) errors.errorCode = t('support.errorCodeInvalid');
    const message = d.message.trim();
    if (!message || message.length > messageMax) errors.message = t('support.messageRequired');
    const isEmail = await emailValidator();
    if (!isEmail(d.contactEmail.trim())) errors.contactEmail = t('support.contactEmailInvalid');
    return errors;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const context = this.context;
    if (!context || this.sending) return;
    this.sending = true;
    this.sendError = null;
    const errors = await this.check();
    if (Object.keys(errors).length) {
      this.sending = false;
      this.errors = errors;
      await this.focusFirstError();
      return;
    }
    const d = this.draft;
    const contactEmail = d.contactEmail.trim();
    try {
      const ticket = await context.api.support.createTicket.mutate({
        motif: d.motif as SupportMotifId,
        errorCode: d.errorCode.trim() || null,
        message: d.message.trim(),
        contactEmail,
      });
      this.sent = { id: ticket.id, createdAt: ticket.createdAt, email: contactEmail };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#support-sent')?.focus();
    } catch (error) {
      const described = toWidgetError(error, this.uiLang);
      const fields = described.code === 'INVALID_INPUT' && described.fieldErrors ? this.fieldsFrom(described.fieldErrors) : null;
      if (fields) {
        this.errors = fields;
        await this.focusFirstError();
      } else {
        this.sendError = described;
      }
    } finally {
      this.sending = false;
    }
  }

  private fieldsFrom(fieldErrors: Record<string, string[] | undefined>): FieldErrors | null {
    const t = this.t;
    const messages: Record<Field, string> = {
      motif: t('support.motifRequired'),
      errorCode: t('support.errorCodeInvalid'),
      message: t('support.messageRequired'),
      contactEmail: t('support.contactEmailInvalid'),
    };
    const errors: FieldErrors = {};
    for (const [key, list] of Object.entries(fieldErrors)) {
      if (list?.length && key in messages) errors[key as Field] = messages[key as Field];
    }
    return Object.keys(errors).length ? errors : null;
  }

  private async newRequest(): Promise<void> {
    this.sent = null;
    this.errors = {};
    this.draft = { ...this.draft, message: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#support-motif')?.focus();
  }
}
