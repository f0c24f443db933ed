import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { browser } from 'wxt/browser';
import { hostPatternFor } from '../../config/build-defaults';
import { buildConfig, loadServiceConfig, resetServiceConfig, saveServiceConfig, zServiceConfig, type ServiceConfig } from '../../config/service-config';
import { defaultPrefs } from '../../background/handler-defaults';
import type { NotificationPrefs } from '../../messages/protocol';
import type { UserError } from '../../errors/user-error-schema';
import { send } from '../../messages/send';
import { notificationsText, optionsPage as t } from '../../strings';
import { errorBox, supportPagePath } from '../../ui/error-box';
import { extensionUrl } from '../../ui/extension-url';
import { baseStyles } from '../../ui/styles';

/** The options page: notification choices, and the service addresses for test environments. */
@customElement('vop-options')
export class OptionsPage extends LitElement {
  static override styles = [baseStyles];

  @state() private config: ServiceConfig = buildConfig;
  @state() private prefs: NotificationPrefs = defaultPrefs;
  /** Until the background gave the stored choices, a click would save defaults over them. */
  @state() private prefsLoaded = false;
  @state() private message: string | null = null;
  @state() private error: UserError | null = null;
  @state() private fieldErrors: Record<string, string[]> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void (async () => {
      this.config = await loadServiceConfig(browser.storage.local);
      const prefs = await send({ type: 'getNotificationPrefs' });
      if (prefs.ok) {
        this.prefs = prefs.data;
        this.prefsLoaded = true;
      } else this.error = prefs.error;
      document.body.dataset.ready = 'true';
    })();
  }

  private async setPref(key: keyof NotificationPrefs, value: boolean): Promise<void> {
    const answer = await send({ type: 'setNotificationPrefs', prefs: { ...this.prefs, [key]: value } });
    if (answer.ok) {
      this.prefs = answer.data;
      this.error = null;
    } else {
      // Not saved: the box goes back to what the background holds, and the page says why (a
      // render is asked for, since the same error twice would not cause one).
      this.error = answer.error;
      this.requestUpdate();
    }
  }

  private readonly onSave = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const parsed = zServiceConfig.safeParse({ serviceUrl: data.get('serviceUrl'), pscDiscoveryUrl: data.get('pscDiscoveryUrl'), orderPagePath: data.get('orderPagePath')  });
    if (!parsed.success) {
      this.fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]]));
      return;
    }
    this.fieldErrors = {};
    const origins = [...new Set([hostPatternFor(parsed.data.serviceUrl), hostPatternFor(parsed.data.pscDiscoveryUrl)])];
    // Asked in the click's turn; already granted origins (the build's) come back true at once.
    void browser.permissions.request({ origins }).then(async (granted) => {
      if (!granted) {
        this.message = t.denied;
        return;
      }
      await saveServiceConfig(browser.storage.local, parsed.data);
      await send({ type: 'configChanged' });
      this.config = parsed.data;
      this.message = t.saved;
    });
  };

  private async onReset(): Promise<void> {
    await resetServiceConfig(browser.storage.local);
    await send({ type: 'configChanged' });
    this.config = buildConfig;
    this.message = t.saved;
  }

  private field(name: keyof ServiceConfig, label: string): TemplateResult {
    const errors = this.fieldErrors[name];
    return html`<label for=${name}>${label}</label>
      <input id=${name} name=${name} .value=${this.config[name]} size="60" aria-invalid=${errors ? 'true' : 'false'} />
      ${errors ? html`<p class="error">${errors.join(' ')}</p>` : nothing}`;
  }

  override render(): TemplateResult {
    return html`<main style="max-width: 44rem; margin: 0 auto; padding: 1rem">
      <h1>${t.title}</h1>
      ${this.message ? html`<p role="status" id="options-message">${this.message}</p>` : nothing}
      ${this.error ? errorBox(this.error, () => void browser.tabs.create({ url: extensionUrl(supportPagePath(this.error)) })) : nothing}
      <h2>${notificationsText.prefsTitle}</h2>
      ${(Object.keys(notificationsText.prefs) as Array<keyof NotificationPrefs>).map(
        (key) => html`<label><input type="checkbox" data-pref=${key} .checked=${live(this.prefs[key])} ?disabled=${!this.prefsLoaded}
          @change=${(e: Event) => void this.setPref(key, (e.target as HTMLInputElement).checked)} /> ${notificationsText.prefs[key]}</label>`,
      )}
      <form id="service-form" @submit=${this.onSave}>
        <h2>${t.serviceUrl}</h2>
        <p class="muted">${t.testHint}</p>
        ${this.field('serviceUrl', t.serviceUrl)} ${this.field('pscDiscoveryUrl', t.pscDiscoveryUrl)} ${this.field('orderPagePath', t.orderPagePath)}
        <p>
          <button type="submit" id="save">${t.save}</button>
          <button type="button" class="secondary" @click=${() => void this.onReset()}>${t.reset}</button>
        </p>
      </form>
    </main>`;
  }
}
