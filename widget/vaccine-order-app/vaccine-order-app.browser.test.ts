import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../index';
import type { VaccineOrderApp } from './vaccine-order-app';
import { expectAccessible } from '../test-support/axe';
import { approveCiba, demoPharmacist, liveServer, resetFirstLogin } from '../test-support/live-server';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

// Demo officine 3 (Pharmacie des Chartrons) has one; its pharmacist has no other officine.
const regularOfficine = 3;

const shadow = (element: Element) => element.shadowRoot!;
const inner = (app: VaccineOrderApp, selector: string) => shadow(app).querySelector(selector);

async function mount(attributes: { token?: string; lang?: string; loginMode?: string } = {}): Promise<VaccineOrderApp> {
  const { apiUrl } = await liveServer();
  return fixture<VaccineOrderApp>(
    html`<vaccine-order-app api-url=${apiUrl} lang=${attributes.lang ?? 'fr'} login-mode=${attributes.loginMode ?? 'redirect'} .token=${attributes.token ?? null}
      ><p>Navigateur non pris en charge</p></vaccine-order-app
    >`,
  );
}

describe('vaccine-order-app', () => {
  it('offers Pro Santé Connect and the e-CPS push when nobody is logged in', async () => {
    const app = await mount();
    const login = await until(() => inner(app, 'vo-login'), 'the login screen', 5000);
    await (login as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const text = shadow(login).textContent ?? '';
    expect(text).to.contain('Se connecter avec Pro Santé Connect');
    expect(text).to.contain('Notification e-CPS');
    expect(text).not.to.contain('Connexion par e-mail'); // PSC is up: no fallback offered
    await expectAccessible(app);
  });

  it('logs in by e-CPS push, asks the officine e-mail first, then shows Accueil', async function () {
    this.timeout(30000);
    const { idNat } = await resetFirstLogin();
    const app = await mount({ loginMode: 'ciba' });
    const login = await until(() => inner(app, 'vo-login'), 'the login screen', 5000);
    await (login as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(login).textContent).not.to.contain('Se connecter avec Pro Santé Connect'); // push only
    const input = shadow(login).querySelector<HTMLInputElement>('#idNat')!;
    input.value = idNat;
    shadow(login).querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    const binding = await until(() => shadow(login).querySelector('[data-binding]')?.textContent, 'the two digits', 15000);
    expect(binding).to.match(/^\d{2}$/);
    await expectAccessible(app);
    const approved = await approveCiba(idNat);
    expect(approved.bindingMessage, 'the phone shows the same two digits').to.equal(binding);

    const loggedIn = oneEvent<HTMLElementEventMap['vo-logged-in']>(app, 'vo-logged-in');
    const dialogHost = await until(() => inner(app, 'vo-email-dialog'), 'the e-mail dialog', 20000);
    expect((await loggedIn).detail.officineName).to.equal('Pharmacie des Abymes');
    await (dialogHost as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const dialog = shadow(dialogHost).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(inner(app, '.shell')!.hasAttribute('inert'), 'nothing else is reachable').to.equal(true);
    expect(shadow(dialogHost).activeElement?.id).to.equal('email');
    await expectAccessible(app);

    const email = shadow(dialogHost).querySelector<HTMLInputElement>('#email')!;
    email.value = 'pas-une-adresse';
    shadow(dialogHost).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => shadow(dialogHost).querySelector('#email-error'), 'the e-mail error', 2000);
    expect(email.getAttribute('aria-invalid')).to.equal('true');

    email.value = `abymes-${Date.now()}@pharmacie.example`;
    shadow(dialogHost).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => !inner(app, 'vo-email-dialog') && inner(app, 'vo-home'), 'Accueil after the e-mail', 5000);
    expect(inner(app, '.shell')!.hasAttribute('inert')).to.equal(false);
    const home = inner(app, 'vo-home')!;
    await until(() => shadow(home).querySelector('[data-order]'), 'the session and order', 5000);
    expect(shadow(home).textContent).to.contain('Pharmacie des Abymes');
    expect(shadow(home).textContent).to.contain('Ouverte');
    await expectAccessible(app);
  });

  it('uses a token handed over by the host, follows the menu with the seed’s labels, and logs out', async () => {
    const { token } = await demoPharmacist(regularOfficine);
    const app = await mount({ token });
    await until(() => inner(app, 'vo-home'), 'Accueil', 5000);
    const nav = inner(app, 'nav')!;
    for (const label of ['Accueil', 'Transaction commerciale', 'Saisie de commande', 'Suivi de commande', 'Visualiser compte', 'Documentation', 'Besoin d’aide ?']) {
      expect(nav.textContent).to.contain(label);
    }
    const buttons = [...nav.querySelectorAll<HTMLButtonElement>('button')];
    buttons.find((b) => b.textContent?.includes('Suivi de commande'))!.click();
    await until(() => inner(app, 'vo-order-tracking'), 'Suivi de commande', 2000);
    expect(buttons.find((b) => b.textContent?.includes('Suivi de commande'))!.getAttribute('aria-current')).to.equal('page');
    expect(shadow(app).activeElement?.tagName, 'focus follows to the screen').to.equal('MAIN');

    const loggedOut = oneEvent<HTMLElementEventMap['vo-logged-out']>(app, 'vo-logged-out');
    [...shadow(app).querySelectorAll<HTMLButtonElement>('header button')].find((b) => b.textContent?.includes('Se déconnecter'))!.click();
    expect((await loggedOut).detail.reason).to.equal('user');
    await until(() => inner(app, 'vo-login'), 'the login screen', 2000);
    const again = await mount({ token });
    await until(() => inner(again, 'vo-login'), 'the revoked token leads back to login', 5000);
  });

  it('speaks English when asked', async () => {
    const { token } = await demoPharmacist(regularOfficine);
    const app = await mount({ token, lang: 'en' });
    await until(() => inner(app, 'vo-home'), 'Home', 5000);
    expect(inner(app, 'nav')!.textContent).to.contain('Order entry');
  });

  it('shows the light-DOM advice only where the element cannot run', async () => {
    const app = await mount();
    const fallback = app.querySelector('p')!;
    expect(fallback.assignedSlot, 'the advice is not slotted: hidden where the widget runs').to.equal(null);
  });
});
