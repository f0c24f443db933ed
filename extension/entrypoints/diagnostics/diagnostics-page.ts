import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { browser } from 'wxt/browser';
import { contactIds, contacts } from '../../../shared/support/contacts';
import { supportMotifIds, supportMotifs, type SupportMotifId } from '../../../shared/support/motifs';
import { loadServiceConfig, pscOrigin, serviceOrigin, type ServiceConfig } from '../../config/service-config';
import type { CheckResult, RemedyAction } from '../../diagnostics/check-result';
import { clearServiceData } from '../../diagnostics/clear-service-data';
import { gatherFacts } from '../../diagnostics/browser-facts';
import type { Facts } from '../../diagnostics/facts';
import { judge } from '../../diagnostics/judge';
import { motifFor, reportJson, reportText } from '../../diagnostics/report';
import type { UserError } from '../../errors/user-error-schema';
import { send } from '../../messages/send';
import { diagnosticsPage as t } from '../../strings';
import { errorBox } from '../../ui/error-box';
import { extensionUrl } from '../../ui/extension-url';
import { baseStyles } from '../../ui/styles';
import { diagnosticsStyles } from './diagnostics-styles';

const text = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '');

/** The diagnostics page: the checks, what the page can fix itself, then whom to contact. */
@customElement('vop-diagnostics')
export class DiagnosticsPage extends LitElement {
  static override styles = [baseStyles, diagnosticsStyles];

  @state() private results: CheckResult[] = [];
  @state() private running = false;
  @state() private durationMs = 0;
  @state() private notice: string | null = null;
  @state() private error: UserError | null = null;
  @state() private motif: SupportMotifId = 'connexion';
  @state() private sentId: number | null = null;

  private config: ServiceConfig | null = null;
  private facts: Facts | null = null;
  private errorCode: string | null = null;
  private motifChosen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.hash.slice(1));
    const motif = params.get('motif');
    if (motif && (supportMotifIds as readonly string[]).includes(motif)) {
      this.motif = motif as SupportMotifId;
      this.motifChosen = true;
    }
    this.errorCode = /^[A-Z][A-Z0-9_]{1,60}$/.test(params.get('code') ?? '') ? params.get('code') : null;
    void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    delete document.body.dataset.checksDone;
    this.config = await loadServiceConfig(browser.storage.local);
    const started = performance.now();
    this.facts = await gatherFacts(this.config);
    this.results = judge(this.facts, { service: new URL(this.config.serviceUrl).host, psc: new URL(this.config.pscDiscoveryUrl).host });
    this.durationMs = Math.round(performance.now() - started);
    if (!this.motifChosen) this.motif = motifFor(this.results);
    this.running = false;
    await this.updateComplete;
    // What the end-to-end tests and the benchmark wait for.
    document.body.dataset.checksDone = 'true';
    document.body.dataset.durationMs = String(this.durationMs);
  }

  private report(): Record<string, unknown> | null {
    if (!this.facts || !this.config) return null;
    return reportJson(this.results, this.facts, {
      extensionVersion: browser.runtime.getManifest().version,
      serviceUrl: this.config.serviceUrl,
      pscDiscoveryUrl: this.config.pscDiscoveryUrl,
      generatedAt: new Date().toISOString(),
      durationMs: this.durationMs,
    });
  }

  private async act(action: RemedyAction): Promise<void> {
    if (!this.config) return;
    this.notice = null;
    switch (action) {
      case 'rerun':
        return this.run();
      case 'clear-service-data': {
        const what = import.meta.env.FIREFOX ? t.clearedFirefox : t.clearedChrome;
        if (!window.confirm(t.clearConfirm(serviceOrigin(this.config), what))) return;
        try {
          await clearServiceData(this.config.serviceUrl);
          this.notice = t.cleared;
        } catch (error) {
          this.notice = t.clearFailed + (error instanceof Error ? error.message : String(error));
        }
        return;
      }
      case 'open-cookie-settings':
        if (import.meta.env.FIREFOX) this.notice = t.firefoxCookieSettings;
        else await browser.tabs.create({ url: `chrome://settings/content/siteDetails?site=${encodeURIComponent(serviceOrigin(this.config))}` });
        return;
      case 'grant-proxy':
        // Must stay in the click's turn: the browser only asks on a user gesture.
        await browser.permissions.request({ permissions: ['proxy'] as never });
        return this.run();
    }
  }

  private async copyReport(): Promise<void> {
    const json = this.report();
    if (!json) return;
    await navigator.clipboard.writeText(reportText(this.results, json));
    this.notice = t.copied;
  }

  private async sendTicket(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const attach = data.get('attach') === 'on';
    const answer = await send({
      type: 'createTicket',
      motif: this.motif,
      errorCode: this.errorCode,
      message: text(data.get('message')),
      contactEmail: text(data.get('email')),
      diagnostics: attach ? this.report() : null,
    });
    if (answer.ok) {
      this.sentId = answer.data.id;
      this.error = null;
    } else this.error = answer.error;
  }

  override render(): TemplateResult {
    return html`<main>
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      <p role="status" id="run-status">${this.running ? t.running : t.done((this.durationMs / 1000).toFixed(1))}</p>
      ${this.notice ? html`<p class="notice" role="status" id="notice">${this.notice}</p>` : nothing}
      <ol class="checks">${this.results.map((r) => this.renderCheck(r))}</ol>
      <p class="actions">
        <button type="button" id="rerun" ?disabled=${this.running} @click=${() => void this.act('rerun')}>${t.rerun}</button>
        <button type="button" class="secondary" id="clear-data" @click=${() => void this.act('clear-service-data')}>${t.clearData}</button>
        <button type="button" class="secondary" id="cookie-settings" @click=${() => void this.act('open-cookie-settings')}>${t.openCookieSettings}</button>
        <button type="button" class="secondary" id="copy-report" ?disabled=${this.running} @click=${() => void this.copyReport()}>${t.copy}</button>
      </p>
      ${this.renderContacts()} ${this.renderSupportForm()}
      <p><a href=${extensionUrl('/options.html')}>${t.optionsLink}</a></p>
    </main>`;
  }

  private renderCheck(r: CheckResult): TemplateResult {
    return html`<li class="check ${r.verdict}" data-check=${r.id} data-verdict=${r.verdict}>
      <h2><span class="verdict">${t.verdict[r.verdict]}</span> ${r.title}</h2>
      <p class="summary">${r.summary}</p>
      ${r.details.length ? html`<dl>${r.details.map((d) => html`<dt>${d.label}</dt><dd>${d.value}</dd>`)}</dl>` : nothing}
      ${r.remedy ? html`<p class="remedy"><strong>${t.remedy} :</strong> ${r.remedy}</p>` : nothing}
      ${r.verdict !== 'pass' ? html`<p class="contact"><strong>${t.contact} :</strong> ${contacts[r.contact].name} — ${contacts[r.contact].how}</p>` : nothing}
      ${r.actions.filter((a) => a !== 'rerun').map(
        (a) => html`<button type="button" class="secondary" data-action=${a} @click=${() => void this.act(a)}>${this.actionLabel(a)}</button>`,
      )}
    </li>`;
  }

  private actionLabel(action: RemedyAction): string {
    return { rerun: t.rerun, 'clear-service-data': t.clearData, 'open-cookie-settings': t.openCookieSettings, 'grant-proxy': t.grantProxy }[action];
  }

  private renderContacts(): TemplateResult {
    const psc = this.config ? pscOrigin(this.config) : '';
    return html`<section id="contacts" data-psc=${psc}>
      <h2>${t.contactsTitle}</h2>
      <ul>
        ${contactIds.map((id) => html`<li data-contact=${id}><strong>${contacts[id].name}</strong> : ${contacts[id].scope} <span class="muted">${contacts[id].how}</span></li>`)}
      </ul>
    </section>`;
  }

  private renderSupportForm(): TemplateResult {
    return html`<section id="support">
      <h2>${t.supportTitle}</h2>
      ${this.error ? errorBox(this.error, () => this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus()) : nothing}
      ${this.sentId !== null ? html`<p class="notice" role="status" id="ticket-sent">${t.sent(this.sentId)}</p>` : nothing}
      <form id="support-form" @submit=${(e: SubmitEvent) => void this.sendTicket(e)}>
        <label for="motif">${t.motif}</label>
        <select id="motif" name="motif" @change=${(e: Event) => ((this.motif = (e.target as HTMLSelectElement).value as SupportMotifId), (this.motifChosen = true))}>
          ${supportMotifIds.map((id) => html`<option value=${id} ?selected=${id === this.motif}>${supportMotifs[id].fr}</option>`)}
        </select>
        <label for="email">${t.email}</label>
        <input id="email" name="email" type="email" required autocomplete="email" />
        <label for="message">${t.message}</label>
        <textarea id="message" name="message" rows="4" required maxlength="5000">${t.defaultMessage}</textarea>
        <label><input type="checkbox" name="attach" checked /> ${t.attachReport}</label>
        <button type="submit" id="send-ticket" ?disabled=${this.running}>${t.send}</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vop-diagnostics': DiagnosticsPage;
  }
}
