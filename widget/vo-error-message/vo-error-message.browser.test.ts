import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoErrorMessage } from './vo-error-message';
import type { WidgetError } from '../core/widget-error';
import { toWidgetError } from '../core/widget-error';
import { liveContext } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';

const closed: WidgetError = {
  code: 'SESSION_CLOSED',
  message: 'La session de commande est fermée.',
  motif: 'saisie_commande',
  contact: 'spf_support',
  details: null,
  fieldErrors: null,
  retryable: false,
};

describe('vo-error-message', () => {
  it('shows the message, the code and whom to contact, and asks for support with the motif', async () => {
    const element = await fixture<VoErrorMessage>(html`<vo-error-message .error=${closed}></vo-error-message>`);
    const alert = element.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('La session de commande est fermée.');
    expect(alert.textContent).to.contain('SESSION_CLOSED');
    expect(alert.textContent).to.contain('Support de Santé publique France');
    let asked: unknown = null;
    element.addEventListener('vo-support-request', (event) => (asked = event.detail));
    element.shadowRoot!.querySelector('button')!.click();
    expect(asked).to.deep.equal({ motif: 'saisie_commande', errorCode: 'SESSION_CLOSED', message: 'La session de commande est fermée.' });
    await expectAccessible(element);
  });

  it('turns a real server refusal into the catalogue entry', async () => {
    const context = await liveContext(1);
    let caught: unknown;
    try {
      await context.api.orders.get.query({ id: 999999 });
    } catch (error) {
      caught = error;
    }
    const described = toWidgetError(caught, 'fr');
    expect(described.code).to.equal('ORDER_NOT_FOUND');
    expect(described.motif).to.be.a('string');
  });

  it('says the service is unreachable when nothing answers', () => {
    const described = toWidgetError(new TypeError('Failed to fetch'), 'en');
    expect(described.code).to.equal('NETWORK_ERROR');
    expect(described.retryable).to.equal(true);
  });
});
