import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isStructureType, type EffecteurType } from '../../shared/domain/effecteur-types';
import { officineKindLabels } from '../../shared/domain/kinds';
import type { ZAccount } from '../../shared/schemas/account';
import type { ZEffecteur } from '../../shared/schemas/reference-data';
import { widgetEvent } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDateTime, translator, type Lang, type MessageKey, type Translate } from '../i18n/index';
import { emailValidator } from '../core/email-check';
import {
  addableTypes,
  checkDraft,
  draftFrom,
  emptyDraft,
  fieldErrorsFrom,
  inputFrom,
  searchable,
  typeLabel,
  type DraftErrors,
  type DraftField,
  type EffecteurDraft,
} from './effecteur-form';

/** Rows per page of the effecteurs table: an officine may have hundreds, the DOM stays small. */
export const EFFECTEURS_PAGE_SIZE = 20;

/**
 * « Visualiser compte »: the officine's identity and e-mail (« Modifier » then « Enregistrer »,
 * bottom right), the pharmacists who may log in, the latest logins, and the effecteurs the
 * officine orders for (list, search, add, edit, deactivate).
 *
 * @fires vo-refresh - with `{ what: 'me' }` once the officine e-mail is saved
 * @fires vo-support-request - from an error's « Contacter le support »
 */
export class VoAccount extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 2em;
      }
      dl.identity {
        display: grid;
        grid-template-columns: minmax(10em, max-content) 1fr;
        gap: 0.35em 1em;
        margin: 0;
      }
      dl.identity dt {
        font-weight: 600;
      }
      dl.identity dd {
        margin: 0;
      }
      .field-error {
        color: var(--vo-danger-color, #b3261e);
        margin: 0.25em 0 0;
      }
      input[aria-invalid='true'],
      select[aria-invalid='true'] {
        border-color: var(--vo-danger-color, #b3261e);
        border-width: 2px;
      }
      .hint {
        margin: 0.25em 0 0;
        font-size: 0.9em;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        align-items: flex-end;
        margin: 0.75em 0;
      }
      .filters label {
        margin-top: 0;
      }
      .filters .check label,
      .check label {
        display: inline;
        font-weight: normal;
        margin-left: 0.35em;
      }
      .row-actions {
        display: flex;
        gap: 0.4em;
        flex-wrap: wrap;
      }
      .row-actions button {
        padding: 0.2em 0.6em;
        min-height: 0;
      }
      tr.inactive td {
        color: var(--vo-muted-color, #555);
      }
      dialog {
        border: 1px solid var(--vo-border-color, #666);
        border-radius: var(--vo-radius, 4px);
        padding: 1.25em;
        max-width: min(36em, 95vw);
        width: 100%;
        color: inherit;
        background: var(--vo-surface-color, #fff);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 45%);
      }
      dialog input:not([type='checkbox']),
      dialog select {
        width: 100%;
      }
      .table-wrap {
        overflow-x: auto;
      }
    `,
  ];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private account: ZAccount | null = null;
  @state() private loadError: WidgetError | null = null;

  @state() private editingEmail = false;
  @state() private emailDraft = '';
  @state() private emailFieldError: string | null = null;
  @state() private emailError: WidgetError | null = null;
  @state() private emailSaving = false;
  @state() private emailNotice: string | null = null;

  @state() private effecteurs: ZEffecteur[] | null = null;
  @state() private effecteursError: WidgetError | null = null;
  @state() private filterText = '';
  @state() private filterType: EffecteurType | '' = '';
  @state() private showInactive = true;
  @state() private page = 1;
  @state() private listNotice: { text: string; warnings: string[] } | null = null;
  @state() private listError: WidgetError | null = null;

  /** The effecteur being edited; null while adding. */
  @state() private editing: ZEffecteur | null = null;
  @state() private draft: EffecteurDraft = emptyDraft();
  @state() private draftErrors: DraftErrors = {};
  @state() private formError: WidgetError | null = null;
  @state() private formSaving = false;
  @state() private confirming: ZEffecteur | null = null;
  @state() private confirmError: WidgetError | null = null;

  @query('#effecteur-dialog') private effecteurDialog?: HTMLDialogElement;
  @query('#confirm-dialog') private confirmDialog?: HTMLDialogElement;

  /** Where focus goes back when a dialog closes. */
  private returnFocus: HTMLElement | null = null;
  private loadedFor: WidgetContext | null = null;

  private get uiLang(): Lang {
    return this.context?.lang ?? 'fr';
  }

  private get t(): Translate {
    return this.context?.t ?? translator(this.uiLang);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context && this.loadedFor !== this.context) {
      this.loadedFor = this.context;
      void this.load();
    }
  }

  /** Loads the account, then the effecteurs (these need the officine e-mail). */
  async load(): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.loadError = null;
    try {
      this.account = await context.api.account.get.query();
    } catch (error) {
      this.loadError = toWidgetError(error, this.uiLang);
      return;
    }
    if (this.account.officine.email) await this.loadEffecteurs();
  }

  private async loadEffecteurs(): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.effecteursError = null;
    try {
      this.effecteurs = await context.api.account.listEffecteurs.query();
    } catch (error) {
      this.effecteursError = toWidgetError(error, this.uiLang);
    }
  }

  override render() {
    const t = this.t;
    if (this.loadError) {
      return html`<h1>${t('account.title')}</h1>
        <p>${t('account.loadFailed')}</p>
        <vo-error-message .error=${this.loadError} .lang=${this.uiLang}></vo-error-message>
        <div class="actions"><button type="button" class="secondary" @click=${() => void this.load()}>${t('common.retry')}</button></div>`;
    }
    if (!this.account) {
      return html`<h1>${t('account.title')}</h1>
        <p role="status">${t('app.loading')}</p>`;
    }
    return html`<h1>${t('account.title')}</h1>
      ${this.renderOfficine(this.account)} ${this.renderPharmacists(this.account)} ${this.renderEffecteurs()} ${this.renderEffecteurDialog()}
      ${this.renderConfirmDialog()}`;
  }

  // ---- Officine and its e-mail --------------------------------------------------------

  private renderOfficine(account: ZAccount) {
    const t = this.t;
    const officine = account.officine;
    return html`<section aria-labelledby="officine-title">
      <h2 id="officine-title">${t('account.officine')}</h2>
      <dl class="identity">
        <dt>${t('account.name')}</dt>
        <dd data-field="name">${officine.name}</dd>
        <dt>${t('account.finess')}</dt>
        <dd data-field="finess">${officine.finess}</dd>
        <dt>${t('account.address')}</dt>
        <dd data-field="address">${officine.addressLine}, ${officine.postalCode} ${officine.city}</dd>
        <dt>${t('account.kind')}</dt>
        <dd data-field="kind">${officineKindLabels[officine.kind][this.uiLang]}</dd>
        <dt>${t('account.departement')}</dt>
        <dd data-field="departement">${officine.departement ?? t('account.departementNone')}</dd>
        ${this.editingEmail
          ? html`<dt><label for="officine-email">${t('account.email')}</label></dt>
              <dd>
                <input
                  id="officine-email"
                  type="email"
                  autocomplete="email"
                  maxlength="254"
                  size="32"
                  .value=${this.emailDraft}
                  aria-invalid=${this.emailFieldError ? 'true' : 'false'}
                  aria-describedby=${this.emailFieldError ? 'officine-email-error officine-email-help' : 'officine-email-help'}
                  ?disabled=${this.emailSaving}
                  @input=${(e: Event) => {
                    this.emailDraft = (e.target as HTMLInputElement).value;
                    this.emailFieldError = null;
                  }}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void this.saveEmail();
                    } else if (e.key === 'Escape') {
                      e.preventDefault();
                      void this.cancelEmail();
                    }
                  }}
                />
                ${this.emailFieldError ? html`<p id="officine-email-error" class="field-error">${this.emailFieldError}</p>` : nothing}
                <p id="officine-email-help" class="hint">${t('account.emailHelp')}</p>
              </dd>`
          : html`<dt>${t('account.email')}</dt>
              <dd data-field="email">${officine.email ?? t('account.emailNone')}</dd>`}
      </dl>
      <vo-error-message .error=${this.emailError} .lang=${this.uiLang}></vo-error-message>
      <div role="status">${this.emailNotice ? html`<p class="notice success">${this.emailNotice}</p>` : nothing}</div>
      <div class="actions">
        <span class="end">
          ${this.editingEmail
            ? html`<button type="button" class="secondary" id="email-cancel" ?disabled=${this.emailSaving} @click=${() => void this.cancelEmail()}>
                  ${t('common.cancel')}
                </button>
                <button type="button" id="email-save" ?disabled=${this.emailSaving} @click=${() => void this.saveEmail()}>
                  ${this.emailSaving ? t('account.saving') : t('common.save')}
                </button>`
            : html`<button type="button" id="email-modify" @click=${() => void this.editEmail()}>${t('common.modify')}</button>`}
        </span>
      </div>
    </section>`;
  }

  private async editEmail(): Promise<void> {
    void emailValidator();
    this.editingEmail = true;
    this.emailDraft = this.account?.officine.email ?? '';
    this.emailFieldError = null;
    this.emailError = null;
    this.emailNotice = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#officine-email')?.focus();
  }

  private async cancelEmail(): Promise<void> {
    this.editingEmail = false;
    this.emailFieldError = null;
    this.emailError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#email-modify')?.focus();
  }

  private async saveEmail(): Promise<void> {
    const context = this.context;
    if (!context || this.emailSaving) return;
    const email = this.emailDraft.trim();
    this.emailSaving = true;
    const isEmail = await emailValidator();
    if (!isEmail(email)) {
      this.emailSaving = false;
      this.emailFieldError = this.t('account.emailInvalid');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#officine-email')?.focus();
      return;
    }
    const hadEmail = Boolean(this.account?.officine.email);
    this.emailError = null;
    try {
      const result = await context.api.account.setEmail.mutate({ email });
      if (this.account) this.account = { ...this.account, officine: result.officine };
      this.emailNotice = result.notified ? `${this.t('account.emailSaved')} ${this.t('account.emailNotified')}` : this.t('account.emailSaved');
      this.editingEmail = false;
      this.dispatchEvent(widgetEvent('vo-refresh', { what: 'me' }));
      if (!hadEmail) void this.loadEffecteurs();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#email-modify')?.focus();
    } catch (error) {
      const described = toWidgetError(error, this.uiLang);
      if (described.code === 'INVALID_INPUT') this.emailFieldError = this.t('account.emailInvalid');
      else this.emailError = described;
    } finally {
      this.emailSaving = false;
    }
  }

  // ---- Pharmacists and logins ---------------------------------------------------------

  private roleLabel(role: string): string {
    const key = `account.role.${role}`;
    const label = this.t(key as MessageKey);
    return label === key ? role : label;
  }

  private renderPharmacists(account: ZAccount) {
    const t = this.t;
    const byId = new Map(account.pharmacists.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    return html`<section aria-labelledby="pharmacists-title">
        <h2 id="pharmacists-title">${t('account.pharmacists')}</h2>
        <p class="hint">${t('account.pharmacistsHelp')}</p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('account.pharmacist')}</th>
                <th scope="col">${t('account.role')}</th>
                <th scope="col">${t('account.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              ${account.pharmacists.map(
                (p) =>
                  html`<tr>
                    <td>${p.firstName} ${p.lastName}</td>
                    <td>${this.roleLabel(p.role)}</td>
                    <td>${p.lastLoginAt ? formatDateTime(this.uiLang, p.lastLoginAt) : t('account.never')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="logins-title">
        <h2 id="logins-title">${t('account.recentLogins')}</h2>
        ${account.recentLogins.length === 0
          ? html`<p>${t('account.noLogins')}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('account.loginAt')}</th>
                    <th scope="col">${t('account.loginMethod')}</th>
                    <th scope="col">${t('account.loginWho')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${account.recentLogins.map(
                    (login) =>
                      html`<tr>
                        <td>${formatDateTime(this.uiLang, login.at)}</td>
                        <td>${t(`account.method.${login.method}`)}</td>
                        <td>${byId.get(login.pharmacistId) ?? '—'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      </section>`;
  }

  // ---- Effecteurs list -----------------------------------------------------------------

  private filtered(): ZEffecteur[] {
    const all = this.effecteurs ?? [];
    const text = searchable(this.filterText.trim());
    return all.filter(
      (e) =>
        (this.showInactive || e.active) &&
        (!this.filterType || e.type === this.filterType) &&
        (!text || searchable(e.name).includes(text) || (e.rpps ?? '').includes(text) || searchable(e.finess ?? '').includes(text)),
    );
  }

  private renderEffecteurs() {
    const t = this.t;
    const lang = this.uiLang;
    let body;
    if (!this.account?.officine.email) {
      body = html`<p class="notice">${t('account.eff.emailRequired')}</p>`;
    } else if (this.effecteursError) {
      body = html`<vo-error-message .error=${this.effecteursError} .lang=${lang}></vo-error-message>
        <div class="actions"><button type="button" class="secondary" @click=${() => void this.loadEffecteurs()}>${t('common.retry')}</button></div>`;
    } else if (!this.effecteurs) {
      body = html`<p role="status">${t('app.loading')}</p>`;
    } else {
      const rows = this.filtered();
      const pages = Math.max(1, Math.ceil(rows.length / EFFECTEURS_PAGE_SIZE));
      const page = Math.min(this.page, pages);
      const shown = rows.slice((page - 1) * EFFECTEURS_PAGE_SIZE, page * EFFECTEURS_PAGE_SIZE);
      body = html`<div class="actions">
          <button type="button" id="effecteur-add" @click=${(e: Event) => void this.openAdd(e.currentTarget as HTMLElement)}>
            ${t('account.eff.add')}
          </button>
        </div>
        <div role="status">
          ${this.listNotice
            ? html`<div class="notice success">
                <p>${this.listNotice.text}</p>
                ${this.listNotice.warnings.map((w) => html`<p class="notice warning">${w}</p>`)}
              </div>`
            : nothing}
        </div>
        <vo-error-message .error=${this.listError} .lang=${lang}></vo-error-message>
        <div class="filters">
          <div>
            <label for="effecteur-search">${t('account.eff.filterName')}</label>
            <input
              id="effecteur-search"
              type="search"
              .value=${this.filterText}
              @input=${(e: Event) => {
                this.filterText = (e.target as HTMLInputElement).value;
                this.page = 1;
              }}
            />
          </div>
          <div>
            <label for="effecteur-type-filter">${t('account.eff.filterType')}</label>
            <select
              id="effecteur-type-filter"
              @change=${(e: Event) => {
                this.filterType = (e.target as HTMLSelectElement).value as EffecteurType | '';
                this.page = 1;
              }}
            >
              <option value="" ?selected=${this.filterType === ''}>${t('account.eff.allTypes')}</option>
              ${(['officine', ...addableTypes] as EffecteurType[]).map(
                (type) => html`<option value=${type} ?selected=${this.filterType === type}>${typeLabel(type, lang)}</option>`,
              )}
            </select>
          </div>
          <div class="check">
            <input
              id="effecteur-inactive"
              type="checkbox"
              .checked=${this.showInactive}
              @change=${(e: Event) => {
                this.showInactive = (e.target as HTMLInputElement).checked;
                this.page = 1;
              }}
            /><label for="effecteur-inactive">${t('account.eff.showInactive')}</label>
          </div>
        </div>
        <p id="effecteur-count" aria-live="polite">${t('account.eff.count', { shown: rows.length, total: this.effecteurs.length })}</p>
        ${rows.length === 0
          ? html`<p>${t('account.eff.none')}</p>`
          : html`<div class="table-wrap">
                <table id="effecteurs-table">
                  <caption class="visually-hidden">
                    ${t('account.eff.caption', { page, pages })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t('account.eff.name')}</th>
                      <th scope="col">${t('account.eff.type')}</th>
                      <th scope="col">${t('account.eff.identifier')}</th>
                      <th scope="col">${t('account.eff.email')}</th>
                      <th scope="col">${t('account.eff.notify')}</th>
                      <th scope="col">${t('account.eff.status')}</th>
                      <th scope="col">${t('account.eff.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${repeat(
                      shown,
                      (e) => e.id,
                      (e) => this.renderRow(e),
                    )}
                  </tbody>
                </table>
              </div>
              ${pages > 1
                ? html`<nav class="actions" aria-label=${t('account.eff.caption', { page, pages })}>
                    <button type="button" class="secondary" id="page-prev" ?disabled=${page <= 1} @click=${() => (this.page = page - 1)}>
                      ${t('account.eff.prev')}
                    </button>
                    <span>${t('account.eff.page', { page, pages })}</span>
                    <button type="button" class="secondary" id="page-next" ?disabled=${page >= pages} @click=${() => (this.page = page + 1)}>
                      ${t('account.eff.next')}
                    </button>
                  </nav>`
                : nothing}`}`;
    }
    return html`<section aria-labelledby="effecteurs-title">
      <h2 id="effecteurs-title" tabindex="-1">${t('account.eff.title')}</h2>
      <p class="hint">${t('account.eff.help')}</p>
      ${body}
    </section>`;
  }

  private renderRow(e: ZEffecteur) {
    const t = this.t;
    const self = e.type === 'officine';
    return html`<tr class=${e.active ? '' : 'inactive'} data-effecteur-id=${e.id}>
      <td>${e.name}</td>
      <td>${typeLabel(e.type, this.uiLang)}</td>
      <td>${(isStructureType(e.type) ? e.finess : e.rpps) ?? '—'}</td>
      <td>${e.email ?? t('account.eff.noEmail')}</td>
      <td>${e.notifyByEmail ? t('account.eff.notifyOn') : t('account.eff.notifyOff')}</td>
      <td>${e.active ? t('account.eff.active') : t('account.eff.inactive')}</td>
      <td>
        ${self
          ? html`<small>${t('account.eff.self')}</small>`
          : html`<div class="row-actions">
              <button
                type="button"
                class="secondary"
                data-action="edit"
                aria-label=${t('account.eff.editLabel', { name: e.name })}
                @click=${(ev: Event) => void this.openEdit(e, ev.currentTarget as HTMLElement)}
              >
                ${t('account.eff.edit')}
              </button>
              ${e.active
                ? html`<button
                    type="button"
                    class="secondary"
                    data-action="deactivate"
                    aria-label=${t('account.eff.deactivateLabel', { name: e.name })}
                    @click=${(ev: Event) => void this.askDeactivate(e, ev.currentTarget as HTMLElement)}
                  >
                    ${t('account.eff.deactivate')}
                  </button>`
                : html`<button
                    type="button"
                    class="secondary"
                    data-action="reactivate"
                    aria-label=${t('account.eff.reactivateLabel', { name: e.name })}
                    @click=${(ev: Event) => void this.setActive(e, true, ev.currentTarget as HTMLElement)}
                  >
                    ${t('account.eff.reactivate')}
                  </button>`}
            </div>`}
      </td>
    </tr>`;
  }

  // ---- Add / edit dialog ---------------------------------------------------------------

  private async openAdd(trigger: HTMLElement): Promise<void> {
    this.editing = null;
    this.draft = emptyDraft();
    await this.openEffecteurDialog(trigger, '#effecteur-type');
  }

  private async openEdit(effecteur: ZEffecteur, trigger: HTMLElement): Promise<void> {
    this.editing = effecteur;
    this.draft = draftFrom(effecteur);
    await this.openEffecteurDialog(trigger, '#effecteur-name');
  }

  private async openEffecteurDialog(trigger: HTMLElement, focusSelector: string): Promise<void> {
    void emailValidator();
    this.returnFocus = trigger;
    this.draftErrors = {};
    this.formError = null;
    this.listError = null;
    await this.updateComplete;
    const dialog = this.effecteurDialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>(focusSelector)?.focus();
  }

  private closeEffecteurDialog(): void {
    this.effecteurDialog?.close();
  }

  /** Every way a dialog closes (button, Escape) ends here: focus goes back where it was. */
  private async restoreFocus(): Promise<void> {
    await this.updateComplete;
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected && !(target as HTMLButtonElement).disabled) target.focus();
    else this.renderRoot.querySelector<HTMLElement>('#effecteurs-title')?.focus();
  }

  private setDraft<K extends keyof EffecteurDraft>(key: K, value: EffecteurDraft[K], field?: DraftField): void {
    this.draft = { ...this.draft, [key]: value };
    if (field && this.draftErrors[field]) {
      const rest = { ...this.draftErrors };
      delete rest[field];
      this.draftErrors = rest;
    }
  }

  private fieldAttrs(field: DraftField) {
    const error = this.draftErrors[field];
    return { invalid: error ? 'true' : 'false', describedBy: error ? `effecteur-${field}-error` : undefined, error };
  }

  private renderFieldError(field: DraftField) {
    const error = this.draftErrors[field];
    return error ? html`<p id=${`effecteur-${field}-error`} class="field-error">${error}</p>` : nothing;
  }

  private renderEffecteurDialog() {
    const t = this.t;
    const lang = this.uiLang;
    const draft = this.draft;
    const structure = isStructureType(draft.type);
    const type = this.fieldAttrs('type');
    const name = this.fieldAttrs('name');
    const identifier = this.fieldAttrs('identifier');
    const email = this.fieldAttrs('email');
    const types: EffecteurType[] = this.editing?.type === 'officine' ? ['officine'] : [...addableTypes];
    return html`<dialog
      id="effecteur-dialog"
      aria-labelledby="effecteur-dialog-title"
      @close=${() => void this.restoreFocus()}
    >
      <form novalidate @submit=${(e: Event) => void this.submitEffecteur(e)}>
        <h2 id="effecteur-dialog-title">${this.editing ? t('account.eff.editTitle') : t('account.eff.addTitle')}</h2>
        <label for="effecteur-type">${t('account.eff.fieldType')}</label>
        <select
          id="effecteur-type"
          aria-invalid=${type.invalid}
          aria-describedby=${type.describedBy ?? nothing}
          @change=${(e: Event) => this.setDraft('type', (e.target as HTMLSelectElement).value as EffecteurType, 'type')}
        >
          ${types.map((value) => html`<option value=${value} ?selected=${draft.type === value}>${typeLabel(value, lang)}</option>`)}
        </select>
        ${this.renderFieldError('type')}

        <label for="effecteur-name">${t('account.eff.fieldName')}</label>
        <input
          id="effecteur-name"
          type="text"
          maxlength="200"
          autocomplete="off"
          required
          .value=${draft.name}
          aria-invalid=${name.invalid}
          aria-describedby=${name.describedBy ?? nothing}
          @input=${(e: Event) => this.setDraft('name', (e.target as HTMLInputElement).value, 'name')}
        />
        ${this.renderFieldError('name')}

        <label for="effecteur-identifier">${structure ? t('account.eff.fieldFiness') : t('account.eff.fieldRpps')}</label>
        <input
          id="effecteur-identifier"
          type="text"
          inputmode=${structure ? 'text' : 'numeric'}
          maxlength="20"
          autocomplete="off"
          required
          .value=${draft.identifier}
          aria-invalid=${identifier.invalid}
          aria-describedby=${identifier.describedBy ?? nothing}
          @input=${(e: Event) => this.setDraft('identifier', (e.target as HTMLInputElement).value, 'identifier')}
        />
        ${this.renderFieldError('identifier')}

        <label for="effecteur-email">${t('account.eff.fieldEmail')}</label>
        <input
          id="effecteur-email"
          type="email"
          maxlength="254"
          autocomplete="off"
          .value=${draft.email}
          aria-invalid=${email.invalid}
          aria-describedby=${email.describedBy ?? nothing}
          @input=${(e: Event) => this.setDraft('email', (e.target as HTMLInputElement).value, 'email')}
        />
        ${this.renderFieldError('email')}

        <div class="check">
          <input
            id="effecteur-notify"
            type="checkbox"
            .checked=${draft.notifyByEmail}
            aria-describedby="effecteur-notify-help"
            @change=${(e: Event) => this.setDraft('notifyByEmail', (e.target as HTMLInputElement).checked)}
          /><label for="effecteur-notify">${t('account.eff.fieldNotify')}</label>
          <p id="effecteur-notify-help" class="hint">${t('account.eff.notifyHelp')}</p>
        </div>

        <vo-error-message .error=${this.formError} .lang=${lang}></vo-error-message>
        <div class="actions">
          <span class="end">
            <button type="button" class="secondary" ?disabled=${this.formSaving} @click=${() => this.closeEffecteurDialog()}>
              ${t('common.cancel')}
            </button>
            <button type="submit" id="effecteur-save" ?disabled=${this.formSaving}>
              ${this.formSaving ? t('account.saving') : t('common.save')}
            </button>
          </span>
        </div>
      </form>
    </dialog>`;
  }

  private warningTexts(warnings: readonly string[]): string[] {
    return warnings.map((w) => (w === 'RPPS_CHECK_DIGIT' ? this.t('account.eff.warnRpps') : this.t('account.eff.warnFiness')));
  }

  private async submitEffecteur(event: Event): Promise<void> {
    event.preventDefault();
    const context = this.context;
    if (!context || this.formSaving) return;
    this.formSaving = true;
    const errors = checkDraft(this.draft, this.t, await emailValidator());
    this.formError = null;
    if (Object.keys(errors).length) {
      this.formSaving = false;
      this.draftErrors = errors;
      await this.focusFirstError();
      return;
    }
    const input = inputFrom(this.draft);
    const editing = this.editing;
    try {
      const saved = editing
        ? await context.api.account.updateEffecteur.mutate({ ...input, id: editing.id, active: editing.active })
        : await context.api.account.addEffecteur.mutate(input);
      this.replaceEffecteur(saved.effecteur);
      if (!editing) {
        // Show the new effecteur: clear the search and go to the page that holds it.
        this.filterText = '';
        this.filterType = '';
        const index = this.filtered().findIndex((e) => e.id === saved.effecteur.id);
        this.page = index < 0 ? 1 : Math.floor(index / EFFECTEURS_PAGE_SIZE) + 1;
      }
      this.listNotice = {
        text: this.t(editing ? 'account.eff.saved' : 'account.eff.added', { name: saved.effecteur.name }),
        warnings: this.warningTexts(saved.warnings),
      };
      if (!editing) this.returnFocus = null;
      this.closeEffecteurDialog();
      if (!editing) {
        await this.updateComplete;
        this.returnFocus = this.renderRoot.querySelector<HTMLElement>('#effecteur-add');
      }
    } catch (error) {
      const described = toWidgetError(error, this.uiLang);
      const fields = fieldErrorsFrom(described, this.t);
      if (fields) {
        this.draftErrors = fields;
        await this.focusFirstError();
      } else {
        this.formError = described;
      }
    } finally {
      this.formSaving = false;
    }
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#effecteur-dialog [aria-invalid="true"]')?.focus();
  }

  private replaceEffecteur(effecteur: ZEffecteur): void {
    const list = this.effecteurs ?? [];
    const index = list.findIndex((e) => e.id === effecteur.id);
    this.effecteurs = index < 0 ? [...list, effecteur] : list.map((e) => (e.id === effecteur.id ? effecteur : e));
  }

  // ---- Deactivation ------------------------------------------------------------------

  private async askDeactivate(effecteur: ZEffecteur, trigger: HTMLElement): Promise<void> {
    this.returnFocus = trigger;
    this.confirming = effecteur;
    this.confirmError = null;
    this.listError = null;
    await this.updateComplete;
    const dialog = this.confirmDialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#confirm-cancel')?.focus();
  }

  private renderConfirmDialog() {
    const t = this.t;
    const effecteur = this.confirming;
    return html`<dialog
      id="confirm-dialog"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${() => {
        this.confirming = null;
        void this.restoreFocus();
      }}
    >
      <h2 id="confirm-title">${t('account.eff.confirmTitle')}</h2>
      <p id="confirm-text">${effecteur ? t('account.eff.confirmText', { name: effecteur.name }) : nothing}</p>
      <vo-error-message .error=${this.confirmError} .lang=${this.uiLang}></vo-error-message>
      <div class="actions">
        <span class="end">
          <button type="button" class="secondary" id="confirm-cancel" @click=${() => this.confirmDialog?.close()}>${t('common.cancel')}</button>
          <button
            type="button"
            class="danger"
            id="confirm-deactivate"
            ?disabled=${this.formSaving}
            @click=${() => {
              if (effecteur) void this.setActive(effecteur, false);
            }}
          >
            ${t('account.eff.confirmDeactivate')}
          </button>
        </span>
      </div>
    </dialog>`;
  }

  private async setActive(effecteur: ZEffecteur, active: boolean, trigger?: HTMLElement): Promise<void> {
    const context = this.context;
    if (!context || this.formSaving) return;
    if (trigger) this.returnFocus = trigger;
    this.formSaving = true;
    this.listError = null;
    try {
      const input = inputFrom(draftFrom(effecteur));
      const saved = await context.api.account.updateEffecteur.mutate({ ...input, id: effecteur.id, active });
      this.replaceEffecteur(saved.effecteur);
      this.listNotice = {
        text: this.t(active ? 'account.eff.reactivated' : 'account.eff.deactivated', { name: saved.effecteur.name }),
        warnings: [],
      };
      if (this.confirmDialog?.open) this.confirmDialog.close();
      else await this.restoreFocus();
    } catch (error) {
      const described = toWidgetError(error, this.uiLang);
      if (this.confirmDialog?.open) this.confirmError = described;
      else this.listError = described;
    } finally {
      this.formSaving = false;
    }
  }
}
