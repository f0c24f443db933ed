import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VaccineOrderApp } from '../vaccine-order-app/vaccine-order-app';
import { demoPharmacist, liveServer} from '../test-support/live-server';
import '../test-support/readable-failures';
import { until } from '../test-support/until';
import { isLanguageLoaded } from './index';

// Issue #4: only French is in the widget's first load. This file runs in a page of its own, so
// nothing else has fetched the English strings before it does.
const englishFetched = () => performance.getEntriesByType('resource').some((entry) => /\/i18n\/(english|messages\/en\/)/.test(entry.name));

const shadow = (element: Element) => element.shadowRoot!;
const text = (app: VaccineOrderApp, selector: string) => shadow(app).querySelector(selector)?.textContent ?? '';
const homeTitle = (app: VaccineOrderApp) => shadow(app).querySelector('vo-home')?.shadowRoot?.querySelector('h1')?.textContent ?? '';

describe('language loading', () => {
  it('renders French without the English strings, then switches both ways when lang changes', async function () {
    this.timeout(20000);
    const { apiUrl } = await liveServer();
    const { token } = await demoPharmacist(3);
    const app = await fixture<VaccineOrderApp>(html`<vaccine-order-app api-url=${apiUrl} lang="fr" .token=${token}></vaccine-order-app>`);
    await until(() => homeTitle(app) === 'Accueil', 'Accueil', 8000);
    expect(text(app, 'nav')).to.contain('Saisie de commande');
    expect(isLanguageLoaded('en'), 'English not loaded').to.equal(false);
    expect(englishFetched(), 'English not requested').to.equal(false);

    app.lang = 'en';
    await until(() => text(app, 'nav').includes('Order entry'), 'the English menu', 8000);
    // The screen below the menu switches in the same render: it gets a context in English.
    await until(() => homeTitle(app) === 'Home', 'the English home screen', 2000);
    expect(isLanguageLoaded('en')).to.equal(true);
    expect(englishFetched(), 'English requested').to.equal(true);

    app.lang = 'fr';
    await app.updateComplete;
    expect(text(app, 'nav'), 'French needs no fetch: at once').to.contain('Saisie de commande');
    await until(() => homeTitle(app) === 'Accueil', 'Accueil again', 2000);
  });
});
