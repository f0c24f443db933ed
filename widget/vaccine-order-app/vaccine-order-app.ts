import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ZHealth, ZMe } from '../../shared/schemas/auth';
import type { SupportMotifId } from '../../shared/support/motifs';
import { createApiClient, type ApiClient } from '../core/api-client';
import { widgetEvent, type Screen } from '../core/events';
import { SafeStorage } from '../core/safe-storage';
import { sharedStyles } from '../core/shared-styles';
import { TokenStore } from '../core/token-store';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { isLanguageLoaded, loadLanguage, toLang, translator, type Lang } from '../i18n/index';
import { appShellStyles } from './app-shell-styles';

export type LoginMode = 'redirect' | 'popup' | 'ciba';

/**
 * The ordering application that pharmacy software embeds: login, Accueil, « Transaction
 * commerciale » (Saisie de commande, Suivi de commande), « Visualiser compte »,
 * « Documentation » and « Besoin d'aide ? ».
 *
 * Light-DOM children are shown only by engines that cannot run the widget (put the
 * "use Chrome or Firefox" advice there; see docs/EMBEDDING.md).
 *
 * @tagname vaccine-order-app
 * @fires vo-logged-in - a pharmacist logged in; detail: officineId, officineName, method
 * @fires vo-logged-out - the user logged out or the session expired; detail: reason
 * @fires vo-order-submitted - an order was created or changed; detail: orderId, sessionId, version, lineCount, totalVials
 * @fires vo-error - an error was shown to the user; detail: code, message
 *
 * @csspart header - the top bar with the officine and « Se déconnecter »
 * @csspart nav - the menu on the left
 * @csspart main - the area where screens are shown
 * @csspart error - error boxes
 *
 * @cssprop --vo-font-family - font of the whole widget (default: system-ui)
 * @cssprop --vo-font-size - base font size (default: 15px)
 * @cssprop --vo-text-color - text colour
 * @cssprop --vo-heading-color - headings (default: #000091)
 * @cssprop --vo-primary-color - buttons and menu highlight (default: #000091)
 * @cssprop --vo-primary-text-color - text on primary buttons (default: #fff)
 * @cssprop --vo-surface-color - background of the widget (default: #fff)
 * @cssprop --vo-border-color - borders of tables and fields
 * @cssprop --vo-cell-background - the yellow quantity cells (default: #fff3a0)
 * @cssprop --vo-focus-color - focus ring (default: #0a76f6)
 * @cssprop --vo-danger-color - destructive buttons and invalid cells
 * @cssprop --vo-nav-width - width of the menu on the left (default: 15rem)
 * @cssprop --vo-radius - corner radius of buttons and fields
 */
export class VaccineOrderApp extends LitElement {
  static override styles = [sharedStyles, appShellStyles];

  /** Base URL of the API server, e.g. https://commande-vaccins.example. Defaults to the page's origin. */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /** Language of the widget: `fr` (default) or `en`. */
  @property({ reflect: true }) override lang: Lang = 'fr';
  /** How « Se connecter avec Pro Santé Connect » proceeds: `redirect` (default) leaves the page, `popup` opens a window, `ciba` offers only the e-CPS push. */
  @property({ attribute: 'login-mode' }) loginMode: LoginMode = 'redirect';
  /** `session` lets the widget keep its token in sessionStorage so a reload stays logged in; `memory` (default) keeps it in memory only. */
  @property({ attribute: 'token-storage' }) tokenStorage: 'memory' | 'session' = 'memory';
  /** A bearer token obtained by the host (e.g. through its own PSC login). Property only: a token never belongs in markup. */
  @property({ attribute: false }) token: string | null = null;

  @state() private phase: 'starting' | 'login' | 'ready' = 'starting';
  @state() private me: ZMe | null = null;
  @state() private health: ZHealth | null = null;
  @state() private screen: Screen = 'home';
  @state() private support: { motif: SupportMotifId | null; errorCode: string | null } = { motif: null, errorCode: null };
  @state() private error: WidgetError | null = null;
  @state() private loggedOutReason: 'user' | 'expired' | null = null;
  /** The language screens are drawn in: `lang` once its strings are loaded, French until then. */
  @state() private uiLang: Lang = 'fr';

  private tokens = new TokenStore(false);
  private api: ApiClient | null = null;
  private clockOffsetMs = 0;
  private readonly drafts = new SafeStorage('local');
  private context: WidgetContext | null = null;
  /** Settles once the strings of `lang` are in (or failed to come: French stands in). */
  private languageReady: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('vo-support-request', this.onSupportRequest);
    this.addEventListener('vo-navigate', this.onNavigate);
    this.addEventListener('vo-refresh', this.onRefresh);
    this.addEventListener('vo-login-success', this.onLoginSuccess);
    this.addEventListener('vo-error', this.onInnerError);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('vo-support-request', this.onSupportRequest);
    this.removeEventListener('vo-navigate', this.onNavigate);
    this.removeEventListener('vo-refresh', this.onRefresh);
    this.removeEventListener('vo-login-success', this.onLoginSuccess);
    this.removeEventListener('vo-error', this.onInnerError);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) {
      this.lang = toLang(this.lang);
      this.languageReady = this.useLanguage(this.lang);
    }
    if (this.me && this.context?.lang !== this.uiLang) this.context = this.buildContext(this.me);
  }

  /**
   * Only French is in the widget's first load; another language's strings are fetched first and
   * the screens switch to it once they are in (at once if they already are). Should the fetch
   * fail, the language still switches and the translator shows French strings.
   */
  private async useLanguage(lang: Lang): Promise<void> {
    if (!isLanguageLoaded(lang)) {
      try {
        await loadLanguage(lang);
      } catch {
        // Offline, or a page older than the deployed chunks: French strings stand in.
      }
    }
    if (this.lang === lang) this.uiLang = lang;
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A host may hand over (or replace) a token at any time.
    if (changed.has('token') && this.token && changed.get('token') !== undefined && this.token !== this.tokens.get()) {
      this.tokens.set(this.token);
      void this.loadMe();
    }
  }

  private get baseUrl(): string {
    return (this.apiUrl || location.origin).replace(/\/$/, '');
  }

  private async start(): Promise<void> {
    this.tokens = new TokenStore(this.tokenStorage === 'session');
    if (this.token) this.tokens.set(this.token);
    this.api = createApiClient({
      url: this.baseUrl,
      token: () => this.tokens.get(),
      lang: () => this.lang,
      onUnauthorized: () => this.expire(),
    });
    // The health check and the strings of a language other than French travel side by side;
    // no screen shows before both are in.
    await Promise.all([this.checkHealth(), this.languageReady]);
    if (await this.finishRedirectLogin()) return;
    if (this.tokens.get()) await this.loadMe();
    else this.phase = 'login';
  }

  private async checkHealth(): Promise<void> {
    if (!this.api) return;
    try {
      const sentAt = Date.now();
      this.health = await this.api.health.query();
      // The server's clock decides windows; keep our countdowns on it.
      this.clockOffsetMs = Date.parse(this.health.serverTime) - (sentAt + Date.now()) / 2;
    } catch (error) {
      this.health = null;
      await this.languageReady; // the message is worded now, in the language the screens will use
      this.showError(error);
    }
  }

  /** Back from the PSC redirect: the return URL carries a one-time code (never a token) or an error code. */
  private async finishRedirectLogin(): Promise<boolean> {
    const url = new URL(location.href);
    const code = url.searchParams.get('login_code');
    const failure = url.searchParams.get('login_error');
    if (!code && !failure) return false;
    url.searchParams.delete('login_code');
    url.searchParams.delete('login_error');
    history.replaceState(history.state, '', url.toString());
    this.phase = 'login';
    await this.updateComplete;
    const login = this.renderRoot.querySelector('vo-login');
    if (login) await login.completeWith(code, failure);
    return true;
  }

  private async loadMe(): Promise<void> {
    if (!this.api) return;
    try {
      this.setMe(await this.api.auth.me.query());
    } catch (error) {
      const described = toWidgetError(error, this.uiLang);
      if (['TOKEN_EXPIRED', 'TOKEN_INVALID', 'UNAUTHENTICATED'].includes(described.code)) {
        this.tokens.set(null);
        this.phase = 'login';
      } else {
        this.showError(error);
        this.phase = this.me ? 'ready' : 'login';
      }
    }
  }

  private setMe(me: ZMe): void {
    const first = this.me === null;
    this.me = me;
    this.context = this.buildContext(me);
    this.phase = 'ready';
    this.loggedOutReason = null;
    if (first) {
      this.dispatchEvent(widgetEvent('vo-logged-in', { officineId: me.officine.id, officineName: me.officine.name, method: me.method }));
    }
  }

  private buildContext(me: ZMe): WidgetContext {
    if (!this.api) throw new Error('API client not ready');
    return {
      api: this.api,
      lang: this.uiLang,
      t: translator(this.uiLang),
      me,
      now: () => new Date(Date.now() + this.clockOffsetMs),
      drafts: this.drafts,
    };
  }

  private expire(): void {
    if (this.phase !== 'ready') return;
    this.tokens.set(null);
    this.me = null;
    this.context = null;
    this.phase = 'login';
    this.loggedOutReason = 'expired';
    this.dispatchEvent(widgetEvent('vo-logged-out', { reason: 'expired' }));
  }

  private async logout(): Promise<void> {
    try {
      await this.api?.auth.logout.mutate();
    } catch {
      // The token is dropped here whatever the server says; it also expires on its own.
    }
    this.tokens.set(null);
    this.me = null;
    this.context = null;
    this.screen = 'home';
    this.phase = 'login';
    this.loggedOutReason = 'user';
    this.dispatchEvent(widgetEvent('vo-logged-out', { reason: 'user' }));
  }

  private showError(error: unknown): void {
    this.error = toWidgetError(error, this.uiLang);
    this.dispatchEvent(widgetEvent('vo-error', { code: this.error.code, message: this.error.message }));
  }

  private readonly onLoginSuccess = (event: CustomEvent<{ token: string; me: ZMe }>): void => {
    event.stopPropagation();
    this.tokens.set(event.detail.token);
    this.error = null;
    this.screen = 'home';
    this.setMe(event.detail.me);
  };

  private readonly onSupportRequest = (event: CustomEvent<{ motif: SupportMotifId; errorCode?: string }>): void => {
    event.stopPropagation();
    this.support = { motif: event.detail.motif, errorCode: event.detail.errorCode ?? null };
    this.go('support');
  };

  private readonly onNavigate = (event: CustomEvent<{ screen: Screen }>): void => {
    event.stopPropagation();
    this.go(event.detail.screen);
  };

  private readonly onRefresh = (event: CustomEvent<{ what: 'me' | 'order' }>): void => {
    if (event.detail.what === 'me') void this.loadMe();
  };

  /** Errors inside screens are shown there; the host still hears about them. */
  private readonly onInnerError = (event: Event): void => {
    if (event.target === this) return;
    event.stopPropagation();
    const detail = (event as CustomEvent<{ code: WidgetError['code']; message: string }>).detail;
    this.dispatchEvent(widgetEvent('vo-error', detail));
  };

  private go(screen: Screen): void {
    if (screen !== 'support') this.support = { motif: null, errorCode: null };
    this.screen = screen;
    this.error = null;
    // Move focus to the new screen's heading so keyboard and screen-reader users follow.
    void this.updateComplete.then(() => {
      const main = this.renderRoot.querySelector<HTMLElement>('main');
      main?.focus();
    });
  }

  override render() {
    const t = translator(this.uiLang);
    if (this.phase === 'starting') {
      // Until the asked language's strings are in, say nothing rather than say it in French.
      const waitingForLanguage = this.lang !== this.uiLang;
      return html`<p role="status" class="loading" aria-busy=${waitingForLanguage ? 'true' : 'false'}>${waitingForLanguage ? '…' : t('app.loading')}</p>`;
    }
    if (this.phase === 'login' || !this.me || !this.context) {
      return html`<div class="login-frame">
        <h1 class="app-title">${t('app.title')}</h1>
        ${this.loggedOutReason === 'expired' ? html`<p class="notice warning" role="status">${t('shell.expired')}</p>` : nothing}
        ${this.loggedOutReason === 'user' ? html`<p class="notice" role="status">${t('shell.loggedOut')}</p>` : nothing}
        <vo-error-message .error=${this.error} .lang=${this.uiLang}></vo-error-message>
        <vo-login
          .service=${this.api ? { api: this.api } : null}
          .lang=${this.uiLang}
          .health=${this.health}
          .loginMode=${this.loginMode}
          .apiUrl=${this.baseUrl}
        ></vo-login>
      </div>`;
    }
    const me = this.me;
    const mustGiveEmail = me.required.includes('email');
    return html`
      <div class="shell" ?inert=${mustGiveEmail} aria-hidden=${mustGiveEmail ? 'true' : 'false'}>
        <header part="header">
          <span class="app-title">${t('app.title')}</span>
          <span class="who">${me.officine.name} · ${me.pharmacist.firstName} ${me.pharmacist.lastName}</span>
          <button type="button" class="secondary" @click=${() => void this.logout()}>${t('shell.logout')}</button>
        </header>
        <nav part="nav" aria-label=${t('shell.menu')}>
          <ul>
            ${this.navItem('home', t('shell.home'))}
            <li>
              <span class="group" id="vo-transaction">${t('shell.transaction')}</span>
              <ul aria-labelledby="vo-transaction">
                ${this.navItem('order-entry', t('shell.orderEntry'))} ${this.navItem('tracking', t('shell.tracking'))}
              </ul>
            </li>
            ${this.navItem('account', t('shell.account'))} ${this.navItem('documentation', t('shell.documentation'))}
            ${this.navItem('support', t('shell.support'))}
          </ul>
        </nav>
        <main part="main" tabindex="-1">
          <vo-error-message .error=${this.error} .lang=${this.uiLang}></vo-error-message>
          ${mustGiveEmail ? nothing : this.renderScreen(this.context)}
        </main>
      </div>
      ${mustGiveEmail ? html`<vo-email-dialog .context=${this.context}></vo-email-dialog>` : nothing}
    `;
  }

  private navItem(screen: Screen, label: string) {
    const current = this.screen === screen;
    return html`<li>
      <button type="button" class="nav-item" aria-current=${current ? 'page' : 'false'} @click=${() => this.go(screen)}>${label}</button>
    </li>`;
  }

  private renderScreen(context: WidgetContext) {
    switch (this.screen) {
      case 'home':
        return html`<vo-home .context=${context} .health=${this.health}></vo-home>`;
      case 'order-entry':
        return html`<vo-order-entry .context=${context}></vo-order-entry>`;
      case 'tracking':
        return html`<vo-order-tracking .context=${context}></vo-order-tracking>`;
      case 'account':
        return html`<vo-account .context=${context}></vo-account>`;
      case 'documentation':
        return html`<vo-documentation .context=${context}></vo-documentation>`;
      case 'support':
        return html`<vo-support-form .context=${context} .motif=${this.support.motif} .errorCode=${this.support.errorCode}></vo-support-form>`;
    }
  }
}

