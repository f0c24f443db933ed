import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoStockSurvey } from './vo-stock-survey';
import { liveContext } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

// Officine 7 belongs to this test.

describe('vo-stock-survey', () => {
  it('declares the doses held per vaccine while the survey is open, and shows what was declared', async () => {
    const context = await liveContext(7);
    const current = await context.api.sessions.current.query();
    const element = await fixture<VoStockSurvey>(html`<vo-stock-survey .context=${context} .sessionId=${current.session.id}></vo-stock-survey>`);
    const root = element.shadowRoot!;
    const inputs = await until(() => {
      const found = [...root.querySelectorAll<HTMLInputElement>('input[data-product]')];
      return found.length > 0 && found;
    }, 'the form');
    const vaccines = current.products.filter((p) => p.product.kind === 'vaccin');
    expect(inputs.length).to.equal(vaccines.length);
    expect(root.querySelector('h2')!.textContent).to.contain('Déclaration de stock');
    await expectAccessible(element);

    const [first, second] = inputs as [HTMLInputElement, HTMLInputElement];
    first.value = 'douze';
    first.dispatchEvent(new InputEvent('input'));
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => first.getAttribute('aria-invalid') === 'true', 'the invalid mark');
    expect(root.querySelector(`#${first.id}-error`)!.textContent).to.contain('nombre entier');

    const doses = 10 + Math.floor(Math.random() * 1000);
    first.value = String(doses);
    first.dispatchEvent(new InputEvent('input'));
    second.value = '0';
    second.dispatchEvent(new InputEvent('input'));
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const saved = await until(() => root.querySelector('p.saved'), 'the confirmation');
    expect(saved.textContent).to.contain('Déclaration enregistrée le');
    const survey = await context.api.stockSurvey.get.query({ sessionId: current.session.id });
    const item = survey.items.find((i) => String(i.productId) === first.dataset.product)!;
    expect(item.doses).to.equal(doses);
    expect(root.querySelector(`#${first.id}-declared`)!.textContent).to.contain(`Déclaré : ${doses}`);
    await expectAccessible(element);
  });
});
