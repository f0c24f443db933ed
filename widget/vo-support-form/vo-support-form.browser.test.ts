import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoSupportForm } from './vo-support-form';
import { liveContext } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

function $<E extends Element = HTMLElement>(element: VoSupportForm, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

describe('vo-support-form', () => {
  it('opened from an error, is prefilled, refuses an empty message on its field, then sends the ticket', async function () {
    this.timeout(20000);
    const context = await liveContext(11);
    const element = await fixture<VoSupportForm>(
      html`<vo-support-form .context=${context} .motif=${'effecteurs'} .errorCode=${'EFFECTEUR_DUPLICATE'}></vo-support-form>`,
    );
    const motif = $<HTMLSelectElement>(element, '#support-motif');
    await until(() => motif.options.length > 5, 'the motifs');
    await element.updateComplete;
    expect(motif.value).to.equal('effecteurs');
    const code = $<HTMLInputElement>(element, '#support-error-code');
    expect(code.value).to.equal('EFFECTEUR_DUPLICATE');
    expect(code.readOnly).to.equal(true);
    const email = $<HTMLInputElement>(element, '#support-contact-email');
    expect(email.value).to.equal(context.me.officine.email);
    expect(element.shadowRoot!.textContent).to.contain('Agence du numérique en santé');
    expect(element.shadowRoot!.textContent).to.contain('Ordre national des pharmaciens');
    expect(element.shadowRoot!.textContent).to.contain('Prestataire de logiciel pharmacie');
    await expectAccessible(element);

    $<HTMLButtonElement>(element, '#support-send').click();
    const message = $<HTMLTextAreaElement>(element, '#support-message');
    await until(() => message.getAttribute('aria-invalid') === 'true', 'the message error');
    expect(message.getAttribute('aria-describedby')).to.contain('support-message-error');
    expect($(element, '#support-message-error').textContent).to.contain('message');
    await until(() => element.shadowRoot!.activeElement === message, 'focus on the message');
    await expectAccessible(element);

    message.value = `Je ne peux pas rattacher ce médecin (test ${Date.now()}).`;
    message.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(element, '#support-send').click();
    const sent = await until(() => element.shadowRoot!.querySelector('#support-sent'), 'the confirmation');
    const number = /n° (\d+)/.exec(sent.textContent ?? '');
    expect(number, sent.textContent ?? '').not.to.equal(null);
    expect(Number(number?.[1])).to.be.greaterThan(0);
    await until(() => element.shadowRoot!.activeElement === sent, 'focus on the confirmation');
    await expectAccessible(element);
  });

  it('without an error, lets the user pick a motif and type any code', async () => {
    const context = await liveContext(11, 'en');
    const element = await fixture<VoSupportForm>(html`<vo-support-form .context=${context}></vo-support-form>`);
    const motif = $<HTMLSelectElement>(element, '#support-motif');
    await until(() => motif.options.length > 5, 'the motifs');
    expect(motif.value).to.equal('');
    expect($<HTMLInputElement>(element, '#support-error-code').readOnly).to.equal(false);
    expect(motif.options[1]?.textContent).to.contain('Login');
    expect(element.shadowRoot!.querySelector('[data-contact=software_vendor]')?.textContent).to.equal('Pharmacy software vendor');
    const code = $<HTMLInputElement>(element, '#support-error-code');
    code.value = 'not a code';
    code.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(element, '#support-send').click();
    await until(() => motif.getAttribute('aria-invalid') === 'true', 'the motif error');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(element);
  });
});
