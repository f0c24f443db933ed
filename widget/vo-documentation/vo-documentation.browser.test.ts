import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoDocumentation } from './vo-documentation';
import { liveContext } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

function guideModulesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/vo-documentation\/guides\.(fr|en)\.ts/.test(name));
}

const sections = [
  'qui-peut-se-connecter',
  'connexion-cps',
  'connexion-ecps',
  'connexion-email',
  'saisie-etapes',
  'saisie-modifier',
  'confirmation-suivi',
  'navigateur-cookies',
  'navigateur-contacts',
  'produits-associes',
  'emails-confirmation',
  'priorite-territoriale',
  'livraisons-partielles',
  'enquete-stocks',
];

describe('vo-documentation', () => {
  it('loads the French guides only when opened, with every section and a table of contents that moves focus', async () => {
    // The widget's code is loaded (import '../index') but not the guides.
    expect(guideModulesFetched()).to.deep.equal([]);
    const context = await liveContext(11);
    const element = await fixture<VoDocumentation>(html`<vo-documentation .context=${context}></vo-documentation>`);
    await until(() => element.shadowRoot!.querySelector('nav'), 'the guides');
    expect(guideModulesFetched().some((name) => name.includes('guides.fr.ts'))).to.equal(true);
    expect(guideModulesFetched().some((name) => name.includes('guides.en.ts'))).to.equal(false);

    const root = element.shadowRoot!;
    for (const id of sections) expect(root.querySelector(`[data-section="${id}"] h3`), id).not.to.equal(null);
    const text = root.textContent ?? '';
    for (const label of ['Transaction commerciale', 'Saisie de commande', 'Créer', 'Tout Développer', 'Suivant', 'Valider', 'Suivi de commande', 'e-CPS']) {
      expect(text).to.contain(label);
    }
    expect(text).to.contain('Agence du numérique en santé');
    expect(text).to.contain('Ordre national des pharmaciens');
    expect(root.querySelectorAll('[data-section="saisie-etapes"] ol > li').length).to.be.at.least(7);

    const link = root.querySelector<HTMLButtonElement>('nav button[data-target="priorite-territoriale"]')!;
    link.click();
    expect(root.activeElement?.id).to.equal('doc-priorite-territoriale');
    await expectAccessible(element);
  });

  it('shows the English summary in English', async () => {
    const context = await liveContext(11, 'en');
    const element = await fixture<VoDocumentation>(html`<vo-documentation .context=${context}></vo-documentation>`);
    await until(() => element.shadowRoot!.querySelector('nav'), 'the guides');
    expect(element.shadowRoot!.querySelector('nav h2')!.textContent).to.equal('Contents');
    for (const id of sections) expect(element.shadowRoot!.querySelector(`[data-section="${id}"]`), id).not.to.equal(null);
    await expectAccessible(element);
  });
});
