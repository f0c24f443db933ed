import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ZHealth, ZLoginResult } from '../../shared/schemas/auth';
import type { ApiClient } from '../core/api-client';
import { widgetEvent } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import { toWidgetError, widgetErrorFromCode, type WidgetError } from '../core/widget-error';
import { translator, type Lang } from '../i18n/index';

type Choice = Extract<ZLoginResult, { status: 'choose_officine' }>;
type Ciba =
  | { step: 'idle' }
  | { step: 'waiting'; requestId: string; bindingMessage: string; expiresAt: number; intervalSeconds: number }
  | { step: 'ended'; outcome: 'denied' | 'expired' | 'cancelled' };

function field(event: SubmitEvent, name: string): string {
  const value = new FormData(event.target as HTMLFormElement).get(name);
  return typeof value === 'string' ? value : '';
}

/** Message the PSC pop-up page (served by the API at /auth/psc/popup) posts back. */
interface PopupMessage {
  type: 'vo-login-code';
  code?: string;
  error?: string;
}

/**
 * The login screen: Pro Santé Connect (redirect or pop-up, then the one-time code
 * exchange), the e-CPS push (CIBA), and, while PSC is down, the e-mail fallback.
 *
 * @fires vo-login-success - internal: a token was obtained (the shell keeps it)
 */
export class VoLogin extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 1px solid var(--vo-border-color, #ccc);
        border-radius: var(--vo-radius, 4px);
        padding: 1em;
        margin: 1em 0;
      }
      .binding {
        font-size: 2.4em;
        font-weight: 700;
        letter-spacing: 0.2em;
        margin: 0.2em 0;
      }
      .hint {
        color: var(--vo-muted-color, #555);
        font-size: 0.9em;
        margin: 0.2em 0;
      }
      input:not([type='radio']) {
        width: 100%;
        max-width: 24rem;
      }
      label.inline {
        display: inline;
      }
    `,
  ];

  /**
   * The API client from the shell (no token yet), wrapped: a tRPC client is a Proxy that
   * Lit would mistake for a directive if bound directly.
   */
  @property({ attribute: false }) service: { api: ApiClient } | null = null;
  /** Language of the screen. */
  @property() override lang: Lang = 'fr';
  /** What `health` said; `psc: 'down'` offers the e-mail login. */
  @property({ attribute: false }) health: ZHealth | null = null;
  /** `redirect`, `popup` or `ciba` (e-CPS push only). */
  @property({ attribute: false }) loginMode: 'redirect' | 'popup' | 'ciba' = 'redirect';
  /** The API's base URL, where /auth/psc/login lives. */
  @property({ attribute: false }) apiUrl = '';

  @state() private error: WidgetError | null = null;
  @state() private busy = false;
  @state() private ciba: Ciba = { step: 'idle' };
  @state() private secondsLeft = 0;
  @state() private choice: Choice | null = null;
  @state() private emailSent = false;
  @state() private popupOpen = false;
  @state() private popupBlocked = false;

  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private tickTimer: ReturnType<typeof setInterval> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCiba();
    window.removeEventListener('message', this.onPopupMessage);
  }

  private get api(): ApiClient | null {
    return this.service?.api ?? null;
  }

  private get t() {
    return translator(this.lang);
  }

  /** Called by the shell when the page comes back from the PSC redirect. */
  async completeWith(code: string | null, failure: string | null): Promise<void> {
    if (failure) {
      this.error = widgetErrorFromCode(failure, this.lang);
      return;
    }
    if (code) await this.exchange(code);
  }

  private async exchange(code: string, officineId?: number): Promise<void> {
    if (!this.api) return;
    this.busy = true;
    try {
      this.handleResult(await this.api.auth.exchangeCode.mutate({ code, ...(officineId ? { officineId } : {}) }));
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private handleResult(result: ZLoginResult): void {
    if (result.status === 'choose_officine') {
      this.choice = result;
      return;
    }
    this.choice = null;
    this.dispatchEvent(widgetEvent('vo-login-success', { token: result.token, expiresAt: result.expiresAt, me: result.me }));
  }

  private fail(error: unknown): void {
    this.error = toWidgetError(error, this.lang);
    this.dispatchEvent(widgetEvent('vo-error', { code: this.error.code, message: this.error.message }));
  }

  private pscLoginUrl(returnTo: string): string {
    return `${this.apiUrl}/auth/psc/login?return_to=${encodeURIComponent(returnTo)}`;
  }

  private startPsc(): void {
    this.error = null;
    if (this.loginMode === 'popup') {
      const returnTo = `${this.apiUrl}/auth/psc/popup?origin=${encodeURIComponent(location.origin)}`;
      const popup = window.open(this.pscLoginUrl(returnTo), 'vo-psc-login', 'popup,width=520,height=720');
      this.popupBlocked = !popup;
      this.popupOpen = Boolean(popup);
      if (popup) window.addEventListener('message', this.onPopupMessage);
      return;
    }
    const back = new URL(location.href);
    back.searchParams.delete('login_code');
    back.searchParams.delete('login_error');
    location.assign(this.pscLoginUrl(back.toString()));
  }

  private readonly onPopupMessage = (event: MessageEvent<unknown>): void => {
    // Only the API's own pop-up page may hand us a code.
    if (event.origin !== new URL(this.apiUrl).origin) return;
    const data = event.data as Partial<PopupMessage> | null;
    if (!data || data.type !== 'vo-login-code') return;
    window.removeEventListener('message', this.onPopupMessage);
    this.popupOpen = false;
    void this.completeWith(typeof data.code === 'string' ? data.code : null, typeof data.error === 'string' ? data.error : null);
  };

  private async startCiba(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const idNat = field(event, 'idNat');
    this.error = null;
    this.busy = true;
    try {
      const started = await this.api.auth.cibaStart.mutate({ idNat });
      this.ciba = {
        step: 'waiting',
        requestId: started.requestId,
        bindingMessage: started.bindingMessage,
        expiresAt: Date.parse(started.expiresAt),
        intervalSeconds: started.intervalSeconds,
      };
      this.tick();
      this.tickTimer = setInterval(() => this.tick(), 1000);
      this.schedulePoll(started.intervalSeconds);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private tick(): void {
    if (this.ciba.step !== 'waiting') return;
    this.secondsLeft = Math.max(0, Math.round((this.ciba.expiresAt - Date.now()) / 1000));
  }

  private schedulePoll(seconds: number): void {
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(1, seconds) * 1000);
  }

  private async poll(): Promise<void> {
    const ciba = this.ciba;
    if (ciba.step !== 'waiting' || !this.api) return;
    try {
      const result = await this.api.auth.cibaPoll.mutate({ requestId: ciba.requestId });
      if (this.ciba !== ciba) return; // cancelled meanwhile
      if (result.status === 'pending') return this.schedulePoll(result.intervalSeconds);
      this.stopCiba();
      if (result.status === 'denied' || result.status === 'expired') {
        this.ciba = { step: 'ended', outcome: result.status };
        return;
      }
      this.ciba = { step: 'idle' };
      this.handleResult(result);
    } catch (error) {
      const described = toWidgetError(error, this.lang);
      // A network hiccup must not end the wait: the request is still valid on the phone.
      if (described.retryable && Date.now() < ciba.expiresAt) return this.schedulePoll(ciba.intervalSeconds);
      this.stopCiba();
      this.ciba = { step: 'idle' };
      this.fail(error);
    }
  }

  private stopCiba(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.pollTimer = null;
    this.tickTimer = null;
  }

  private cancelCiba(): void {
    this.stopCiba();
    this.ciba = { step: 'ended', outcome: 'cancelled' };
  }

  private async requestPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const email = field(event, 'email');
    this.error = null;
    this.busy = true;
    try {
      await this.api.auth.requestEmailPassword.mutate({ email });
      this.emailSent = true;
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async emailLogin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    this.error = null;
    this.busy = true;
    try {
      this.handleResult(await this.api.auth.emailLogin.mutate({ email: field(event, 'email'), password: field(event, 'password') }));
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async choose(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const choice = this.choice;
    const officineId = Number(field(event, 'officine'));
    if (choice && officineId) await this.exchange(choice.code, officineId);
  }

  override render() {
    const t = this.t;
    if (this.choice) return this.renderChoice(this.choice);
    const pscDown = this.health?.psc === 'down';
    return html`
      <h2>${t('login.title')}</h2>
      <p>${t('login.intro')}</p>
      <vo-error-message .error=${this.error} .lang=${this.lang}></vo-error-message>
      ${this.busy && this.ciba.step !== 'waiting' ? html`<p role="status">${t('login.exchanging')}</p>` : nothing}
      ${this.loginMode === 'ciba' ? nothing : this.renderPsc(pscDown)} ${this.renderCiba(pscDown)} ${pscDown ? this.renderEmail() : nothing}
    `;
  }

  private renderPsc(pscDown: boolean) {
    const t = this.t;
    return html`<section aria-labelledby="psc-title">
      <h3 id="psc-title">Pro Santé Connect</h3>
      ${pscDown ? html`<p class="notice warning" role="status">${t('login.psc.down')}</p>` : nothing}
      <button type="button" ?disabled=${pscDown || this.busy} @click=${() => this.startPsc()}>${t('login.psc')}</button>
      <p class="hint">${t('login.psc.hint')}</p>
      ${this.popupOpen ? html`<p role="status">${t('login.psc.popupWaiting')}</p>` : nothing}
      ${this.popupBlocked ? html`<p class="notice warning" role="alert">${t('login.psc.popupBlocked')}</p>` : nothing}
    </section>`;
  }

  private renderCiba(pscDown: boolean) {
    const t = this.t;
    const ciba = this.ciba;
    return html`<section aria-labelledby="ciba-title">
      <h3 id="ciba-title">${t('login.ciba.title')}</h3>
      <p>${t('login.ciba.intro')}</p>
      ${ciba.step === 'waiting'
        ? html`<div role="status" aria-live="polite">
              <p>${t('login.ciba.compare')}</p>
              <p class="binding" data-binding>${ciba.bindingMessage}</p>
              <p>${t('login.ciba.waiting', { seconds: this.secondsLeft })}</p>
            </div>
            <button type="button" class="secondary" @click=${() => this.cancelCiba()}>${t('login.ciba.cancel')}</button>`
        : html`<form @submit=${(e: SubmitEvent) => void this.startCiba(e)}>
            <label for="idNat">${t('login.ciba.idNat')}</label>
            <input id="idNat" name="idNat" required autocomplete="username" inputmode="numeric" aria-describedby="idNat-hint" />
            <p class="hint" id="idNat-hint">${t('login.ciba.idNatHint')}</p>
            ${ciba.step === 'ended'
              ? html`<p class="notice ${ciba.outcome === 'cancelled' ? '' : 'warning'}" role="status">
                  ${t(ciba.outcome === 'denied' ? 'login.ciba.denied' : ciba.outcome === 'expired' ? 'login.ciba.expired' : 'login.ciba.cancelled')}
                </p>`
              : nothing}
            <div class="actions">
              <button type="submit" class=${pscDown ? 'secondary' : ''} ?disabled=${this.busy}>${t('login.ciba.send')}</button>
            </div>
          </form>`}
    </section>`;
  }

  private renderEmail() {
    const t = this.t;
    return html`<section aria-labelledby="email-title">
      <h3 id="email-title">${t('login.email.title')}</h3>
      <p>${t('login.email.intro')}</p>
      <form @submit=${(e: SubmitEvent) => void (this.emailSent ? this.emailLogin(e) : this.requestPassword(e))}>
        <label for="email">${t('login.email.address')}</label>
        <input id="email" name="email" type="email" required autocomplete="email" />
        ${this.emailSent
          ? html`<p class="notice success" role="status">${t('login.email.sent')}</p>
              <label for="password">${t('login.email.password')}</label>
              <input id="password" name="password" type="password" required autocomplete="one-time-code" />`
          : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t(this.emailSent ? 'login.email.submit' : 'login.email.request')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderChoice(choice: Choice) {
    const t = this.t;
    return html`<form @submit=${(e: SubmitEvent) => void this.choose(e)}>
      <fieldset>
        <legend><h2>${t('login.choose.title')}</h2></legend>
        ${choice.officines.map(
          (o, i) =>
            html`<div>
              <input type="radio" id="officine-${o.id}" name="officine" value=${o.id} ?checked=${i === 0} />
              <label for="officine-${o.id}" class="inline">${o.name} — ${o.city} (FINESS ${o.finess})</label>
            </div>`,
        )}
      </fieldset>
      <vo-error-message .error=${this.error} .lang=${this.lang}></vo-error-message>
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${t('login.choose.submit')}</button></div>
    </form>`;
  }
}
