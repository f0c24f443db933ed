import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { zOfficineChoice } from '../../../shared/schemas/auth';
import type { UserError } from '../../errors/user-error-schema';
import type { LoginStep, Overview, PendingCiba, State } from '../../messages/protocol';
import { backgroundSilent, send } from '../../messages/send';
import { readStateSnapshot } from '../../messages/state-snapshot';
import { common, formatDateTime, formatDuration, popup as t } from '../../strings';
import { errorBox, supportPagePath } from '../../ui/error-box';
import { baseStyles } from '../../ui/styles';
import { extensionUrl } from '../../ui/extension-url';
import { popupStyles } from './popup-styles';

type ZOfficineChoice = z.infer<typeof zOfficineChoice>;

type View =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'ciba'; ciba: PendingCiba }
  | { kind: 'choose'; officines: ZOfficineChoice[] }
  | { kind: 'overview'; overview: Overview | null };

/** The toolbar popup: log in, then the session, the officine's order and the ways onward. */
@customElement('vop-popup')
export class PopupApp extends LitElement {
  static override styles = [baseStyles, popupStyles];

  @state() private view: View = { kind: 'loading' };
  @state() private error: UserError | null = null;
  @state() private busy = false;
  @state() private now = Date.now();
  @state() private idNatInvalid = false;

  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private tick: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => (this.now = Date.now()), 1000);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.pollTimer);
  }

  /**
   * The first state drawn is the background's last answer, kept in session storage, when it
   * is there before the background answers (which may have to wake up first); the
   * background's answer then replaces it if it differs.
   */
  private async start(): Promise<void> {
    const live = send({ type: 'getState' });
    const cached = await Promise.race([readStateSnapshot(browser.storage.session), live.then(() => null)]);
    if (cached) {
      this.showState(cached);
      await this.markReady('snapshot');
    }
    let answer = await live;
    if (!answer.ok && answer.error.code === backgroundSilent) {
      // Said after a few seconds; a background only slow to wake still answers this second ask.
      this.error = answer.error;
      answer = await send({ type: 'getState' }, null);
      if (answer.ok) this.error = null;
    }
    if (!answer.ok) {
      this.error = answer.error;
      this.view = { kind: 'login' };
    } else if (!cached || JSON.stringify(answer.data) !== JSON.stringify(cached)) this.showState(answer.data);
    if (!cached) await this.markReady('background');
  }

  private async markReady(from: 'snapshot' | 'background'): Promise<void> {
    await this.updateComplete;
    // What the end-to-end tests and the benchmark wait for: the first render with a state.
    document.body.dataset.readyFrom = from;
    document.body.dataset.ready = 'true';
    performance.mark('vop-popup-ready');
  }

  private showState(state: State): void {
    if (state.me) {
      this.view = { kind: 'overview', overview: null };
      void this.loadOverview();
    } else if (state.officineChoice) this.view = { kind: 'choose', officines: state.officineChoice };
    else if (state.pendingCiba) this.waitForPhone(state.pendingCiba);
    else this.view = { kind: 'login' };
  }

  private async loadOverview(): Promise<void> {
    const answer = await send({ type: 'overview' });
    if (answer.ok) this.view = { kind: 'overview', overview: answer.data };
    else {
      this.error = answer.error;
      const state = await send({ type: 'getState' });
      if (state.ok && !state.data.me) this.view = { kind: 'login' };
    }
  }

  private afterLoginStep(step: LoginStep): void {
    if (step.status === 'pending') this.waitForPhone(step.ciba);
    else if (step.status === 'choose_officine') this.view = { kind: 'choose', officines: step.officines };
    else {
      this.view = { kind: 'overview', overview: null };
      void this.loadOverview();
    }
  }

  private waitForPhone(ciba: PendingCiba): void {
    this.view = { kind: 'ciba', ciba };
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), ciba.intervalSeconds * 1000);
  }

  private async poll(): Promise<void> {
    if (this.view.kind !== 'ciba') return;
    const answer = await send({ type: 'cibaPoll' });
    if (answer.ok) this.afterLoginStep(answer.data);
    else {
      this.error = answer.error;
      this.view = { kind: 'login' };
    }
  }

  private async run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: UserError }>, then: (data: T) => void): Promise<void> {
    this.busy = true;
    this.error = null;
    const answer = await action();
    this.busy = false;
    if (answer.ok) then(answer.data);
    else this.error = answer.error;
  }

  private readonly onCibaSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#idnat');
    const idNat = input?.value.trim() ?? '';
    this.idNatInvalid = !/^[0-9A-Za-z]{6,30}$/.test(idNat);
    if (this.idNatInvalid) return;
    void this.run(() => send({ type: 'cibaStart', idNat }), (step) => this.afterLoginStep(step));
  };

  private readonly cancelCiba = (): void => {
    clearTimeout(this.pollTimer);
    void send({ type: 'cibaCancel' });
    this.view = { kind: 'login' };
  };

  private openPage(path: string): void {
    void browser.tabs.create({ url: extensionUrl(path) });
    window.close();
  }

  override render(): TemplateResult {
    return html`<main>
      <h1>${common.appName}</h1>
      ${this.error ? errorBox(this.error, () => this.openPage(supportPagePath(this.error))) : nothing}
      ${this.renderView()}
    </main>`;
  }

  private renderView(): TemplateResult | typeof nothing {
    switch (this.view.kind) {
      case 'loading':
        return html`<p role="status">${common.loading}</p>`;
      case 'login':
        return this.renderLogin();
      case 'ciba':
        return this.renderCiba(this.view.ciba);
      case 'choose':
        return this.renderChoice(this.view.officines);
      case 'overview':
        return this.renderOverview(this.view.overview);
    }
  }

  private renderLogin(): TemplateResult {
    return html`<section aria-labelledby="login-title">
        <h2 id="login-title">${t.loginTitle}</h2>
        <p class="muted">${t.loginIntro}</p>
        <form id="ciba-form" @submit=${this.onCibaSubmit}>
          <fieldset>
            <legend>${t.cibaLegend}</legend>
            <label for="idnat">${t.idNatLabel}</label>
            <input id="idnat" name="idNat" inputmode="numeric" autocomplete="username" required aria-invalid=${this.idNatInvalid ? 'true' : 'false'} aria-describedby="idnat-error" />
            ${this.idNatInvalid ? html`<p id="idnat-error" class="error">${t.idNatInvalid}</p>` : nothing}
            <button id="ciba-start" type="submit" ?disabled=${this.busy}>${t.cibaStart}</button>
          </fieldset>
        </form>
        <p>
          <button id="psc-login" type="button" class="secondary" ?disabled=${this.busy}
            @click=${() => void this.run(() => send({ type: 'pscLogin' }), (step) => this.afterLoginStep(step))}>${t.pscLogin}</button>
        </p>
        <p class="muted">${t.pscHint}</p>
      </section>
      <p><button type="button" class="secondary" id="open-diagnostics" @click=${() => this.openPage('/diagnostics.html')}>${t.diagnostics}</button></p>`;
  }

  private renderCiba(ciba: PendingCiba): TemplateResult {
    const left = Math.max(0, Math.round((Date.parse(ciba.expiresAt) - this.now) / 1000));
    return html`<section aria-live="polite">
      <p>${t.cibaWaiting}</p>
      <p>${t.cibaCompare}</p>
      <p class="code" id="binding-message">${ciba.bindingMessage}</p>
      <p class="muted">${t.cibaExpiresIn(left)}</p>
      <button type="button" class="secondary" @click=${this.cancelCiba}>${common.cancel}</button>
    </section>`;
  }

  private renderChoice(officines: ZOfficineChoice[]): TemplateResult {
    return html`<section>
      <h2>${t.chooseOfficine}</h2>
      <ul class="choices">
        ${officines.map(
          (o) => html`<li><button type="button" class="secondary" ?disabled=${this.busy}
            @click=${() => void this.run(() => send({ type: 'chooseOfficine', officineId: o.id }), (step) => this.afterLoginStep(step))}>
            ${o.name} — ${o.city} (${o.finess})</button></li>`,
        )}
      </ul>
    </section>`;
  }

  private renderOverview(overview: Overview | null): TemplateResult {
    if (!overview) return html`<p role="status">${common.loading}</p>`;
    const { me, session, order } = overview;
    const offset = Date.parse(overview.serverTime) - this.now;
    return html`<section id="overview">
      <p><strong id="officine-name">${me.officine.name}</strong></p>
      <p class="muted">${t.pharmacist(me.pharmacist.firstName, me.pharmacist.lastName)}</p>
      ${overview.emailRequired ? html`<p class="error">${t.emailRequired}</p>` : nothing}
      <h2>${t.sessionTitle}</h2>
      ${session
        ? html`<p id="session-label">${session.label}</p>
            <p><span class="status status-${session.status}" id="session-status">${t.sessionStatus[session.status]}</span></p>
            ${session.status === 'upcoming' ? html`<p>${t.opensAt(formatDateTime(session.opensAt))}</p>` : nothing}
            <p>${t.closesAt(formatDateTime(session.closesAt))}</p>
            ${session.status === 'open' ? html`<p id="countdown">${t.countdown(formatDuration(Date.parse(session.closesAt) - (this.now + offset)))}</p>` : nothing}
            <h2>${t.orderTitle}</h2>
            <p id="order-summary">${order.status === 'none' ? t.orderNone : order.status === 'submitted' ? t.orderSubmitted(order.lineCount) : t.orderConfirmed(order.lineCount)}</p>`
        : html`<p>${overview.emailRequired ? '' : t.noSession}</p>`}
      <p>
        <button type="button" id="open-ordering" @click=${() => void this.run(() => send({ type: 'openOrdering' }), () => window.close())}>${t.openOrdering}</button>
      </p>
      <p>
        <button type="button" class="secondary" id="open-diagnostics" @click=${() => this.openPage('/diagnostics.html')}>${t.diagnostics}</button>
        <button type="button" class="secondary" id="logout" @click=${() => void this.run(() => send({ type: 'logout' }), () => (this.view = { kind: 'login' }))}>${t.logout}</button>
      </p>
      <p><a href=${extensionUrl('/options.html')} target="_blank">${t.settings}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vop-popup': PopupApp;
  }
}
