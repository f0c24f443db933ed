import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoAccount } from './vo-account';
import type { WidgetContext } from '../core/widget-context';
import { liveContext } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

// Officines 8 and 10 belong to these tests (9, without e-mail, and 0 are only read). Each browser has a server of
// its own (web-test-runner-plugin.ts); names, e-mails and RPPS are still unique per test, and the e-mail restored.

function $<E extends Element = HTMLElement>(element: VoAccount, selector: string): E | null {
  return element.shadowRoot!.querySelector<E>(selector);
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** An 11-digit RPPS that passes the Luhn check, unique per run. */
function uniqueRpps(): string {
  const body = `1${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 10)}`;
  for (let check = 0; check < 10; check++) {
    const candidate = body + String(check);
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let d = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

async function mount(context: WidgetContext): Promise<VoAccount> {
  const element = await fixture<VoAccount>(html`<vo-account .context=${context}></vo-account>`);
  await until(() => $(element, '#effecteurs-table'), 'the effecteurs table').catch((error: Error) => {
    throw new Error(`${error.message}: ${element.shadowRoot!.textContent.replace(/\s+/g, ' ').slice(0, 600)}`);
  });
  return element;
}

describe('vo-account', () => {
  it('shows the officine, changes its e-mail with « Modifier » then « Enregistrer », and restores it', async function () {
    // The first test also pays for loading zod on demand in a cold dev server.
    this.timeout(20000);
    const context = await liveContext(8);
    const before = (await context.api.account.get.query()).officine;
    const element = await mount(context);
    expect($(element, '[data-field=name]')!.textContent).to.equal(before.name);
    expect($(element, '[data-field=finess]')!.textContent).to.equal(before.finess);
    expect($(element, '[data-field=email]')!.textContent).to.equal(before.email);
    expect(element.shadowRoot!.textContent).to.contain(context.me.pharmacist.lastName);
    await expectAccessible(element);

    $<HTMLButtonElement>(element, '#email-modify')!.click();
    await element.updateComplete;
    const input = $<HTMLInputElement>(element, '#officine-email')!;
    await until(() => element.shadowRoot!.activeElement === input, 'focus on the e-mail field');
    type(input, 'pas-une-adresse');
    $<HTMLButtonElement>(element, '#email-save')!.click();
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the e-mail field error');
    await until(() => element.shadowRoot!.activeElement === input, 'focus on the e-mail field');
    const [errorId = ''] = input.getAttribute('aria-describedby')!.split(' ');
    expect(element.shadowRoot!.getElementById(errorId)?.textContent).to.contain('adresse e-mail valide');
    await expectAccessible(element);

    const email = `compte-${Date.now()}@lices-test.example`;
    let refreshed: unknown = null;
    element.addEventListener('vo-refresh', (event) => (refreshed = event.detail));
    type(input, email);
    $<HTMLButtonElement>(element, '#email-save')!.click();
    await until(() => refreshed, 'vo-refresh');
    expect(refreshed).to.deep.equal({ what: 'me' });
    await element.updateComplete;
    expect($(element, '[data-field=email]')!.textContent).to.equal(email);
    expect((await context.api.account.get.query()).officine.email).to.equal(email);
    await expectAccessible(element);

    // « Annuler » leaves the address as it was.
    $<HTMLButtonElement>(element, '#email-modify')!.click();
    await element.updateComplete;
    type($<HTMLInputElement>(element, '#officine-email')!, 'autre@example.org');
    $<HTMLButtonElement>(element, '#email-cancel')!.click();
    await element.updateComplete;
    expect($(element, '[data-field=email]')!.textContent).to.equal(email);
    await until(() => element.shadowRoot!.activeElement === $(element, '#email-modify'), 'focus back on « Modifier »');

    await context.api.account.setEmail.mutate({ email: before.email! });
  });

  it('adds an effecteur (refusing a bad RPPS on its field), edits it and deactivates it after confirmation', async () => {
    const context = await liveContext(10);
    const element = await mount(context);
    const addButton = $<HTMLButtonElement>(element, '#effecteur-add')!;
    addButton.click();
    await element.updateComplete;
    const dialog = $<HTMLDialogElement>(element, '#effecteur-dialog')!;
    expect(dialog.open).to.equal(true);
    expect(element.shadowRoot!.activeElement?.id).to.equal('effecteur-type');

    const name = `Dr Test ${Date.now()}`;
    type($<HTMLInputElement>(element, '#effecteur-name')!, name);
    type($<HTMLInputElement>(element, '#effecteur-identifier')!, '12345');
    $<HTMLButtonElement>(element, '#effecteur-save')!.click();
    const identifier = $<HTMLInputElement>(element, '#effecteur-identifier')!;
    await until(() => identifier.getAttribute('aria-invalid') === 'true', 'the RPPS field error');
    expect($(element, '#effecteur-identifier-error')!.textContent).to.contain('11 chiffres');
    expect(identifier.getAttribute('aria-describedby')).to.equal('effecteur-identifier-error');
    await until(() => element.shadowRoot!.activeElement === identifier, 'focus on the RPPS field');
    await expectAccessible(element);

    const rpps = uniqueRpps();
    type(identifier, rpps);
    type($<HTMLInputElement>(element, '#effecteur-email')!, `dr-${Date.now()}@example.org`);
    $<HTMLButtonElement>(element, '#effecteur-save')!.click();
    await until(() => !dialog.open, 'the dialog to close');
    const row = await until(
      () => [...element.shadowRoot!.querySelectorAll('#effecteurs-table tbody tr')].find((tr) => tr.textContent.includes(name)),
      'the new row',
    );
    expect(row.textContent).to.contain(rpps);
    expect(row.textContent).to.contain('Médecin');
    // Focus goes back once the dialog's close has been handled, after the row appeared.
    await until(() => element.shadowRoot!.activeElement === addButton, 'focus back on « Ajouter »');
    const id = Number(row.getAttribute('data-effecteur-id'));

    // Edit: new name, no confirmation e-mails.
    row.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await element.updateComplete;
    expect(dialog.open).to.equal(true);
    type($<HTMLInputElement>(element, '#effecteur-name')!, `${name} modifié`);
    const notify = $<HTMLInputElement>(element, '#effecteur-notify')!;
    notify.checked = false;
    notify.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(element, '#effecteur-save')!.click();
    await until(() => !dialog.open, 'the edit dialog to close');
    let saved = (await context.api.account.listEffecteurs.query()).find((e) => e.id === id)!;
    expect(saved.name).to.equal(`${name} modifié`);
    expect(saved.notifyByEmail).to.equal(false);
    expect(saved.rpps).to.equal(rpps);

    // Deactivate: asks first; « Annuler » changes nothing and gives focus back.
    const editedRow = $(element, `tr[data-effecteur-id="${id}"]`)!;
    const deactivate = editedRow.querySelector<HTMLButtonElement>('[data-action=deactivate]')!;
    deactivate.click();
    await element.updateComplete;
    const confirm = $<HTMLDialogElement>(element, '#confirm-dialog')!;
    expect(confirm.open).to.equal(true);
    expect(confirm.textContent).to.contain(`${name} modifié`);
    await expectAccessible(element);
    $<HTMLButtonElement>(element, '#confirm-cancel')!.click();
    await element.updateComplete;
    expect(confirm.open).to.equal(false);
    await until(() => element.shadowRoot!.activeElement === deactivate, 'focus back on « Désactiver »');

    deactivate.click();
    await element.updateComplete;
    $<HTMLButtonElement>(element, '#confirm-deactivate')!.click();
    await until(() => !confirm.open, 'the confirmation to close');
    saved = (await context.api.account.listEffecteurs.query()).find((e) => e.id === id)!;
    expect(saved.active).to.equal(false);
    expect($(element, `tr[data-effecteur-id="${id}"]`)!.textContent).to.contain('Désactivé');
    await expectAccessible(element);
  });

  it('warns, without refusing, when an RPPS fails its check digit', async () => {
    const context = await liveContext(10);
    const element = await mount(context);
    $<HTMLButtonElement>(element, '#effecteur-add')!.click();
    await element.updateComplete;
    const select = $<HTMLSelectElement>(element, '#effecteur-type')!;
    select.value = 'infirmier';
    select.dispatchEvent(new Event('change'));
    const good = uniqueRpps();
    const bad = good.slice(0, 10) + String((Number(good.slice(10)) + 1) % 10);
    type($<HTMLInputElement>(element, '#effecteur-name')!, `IDE Clé ${Date.now()}`);
    type($<HTMLInputElement>(element, '#effecteur-identifier')!, bad);
    $<HTMLButtonElement>(element, '#effecteur-save')!.click();
    const dialog = $<HTMLDialogElement>(element, '#effecteur-dialog')!;
    await until(() => !dialog.open, 'the dialog to close');
    expect(element.shadowRoot!.querySelector('[role=status] .notice.warning')?.textContent).to.contain('clé de contrôle');
    const saved = (await context.api.account.listEffecteurs.query()).find((e) => e.rpps === bad);
    expect(saved?.type).to.equal('infirmier');
  });

  it('asks for the officine e-mail before the effecteurs can be managed', async () => {
    const context = await liveContext(9);
    const element = await fixture<VoAccount>(html`<vo-account .context=${context}></vo-account>`);
    await until(() => $(element, '[data-field=email]'), 'the account');
    expect($(element, '[data-field=email]')!.textContent).to.equal('Aucune adresse enregistrée');
    expect(element.shadowRoot!.textContent).to.contain('Renseignez d’abord l’adresse e-mail');
    expect($(element, '#effecteur-add')).to.equal(null);
    await expectAccessible(element);
  });

  it('keeps 320 effecteurs usable: one page at a time, search by name and type', async () => {
    const context = await liveContext(0);
    const element = await mount(context);
    expect(element.shadowRoot!.querySelectorAll('#effecteurs-table tbody tr').length).to.equal(20);
    expect($(element, '#effecteur-count')!.textContent).to.match(/sur 3\d\d/);
    $<HTMLButtonElement>(element, '#page-next')!.click();
    await element.updateComplete;
    expect($(element, 'caption')!.textContent).to.contain('page 2');

    const select = $<HTMLSelectElement>(element, '#effecteur-type-filter')!;
    select.value = 'infirmier';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    const rows = [...element.shadowRoot!.querySelectorAll('#effecteurs-table tbody tr')];
    expect(rows.length).to.be.greaterThan(0);
    for (const tr of rows) expect(tr.children.item(1)?.textContent).to.equal('Infirmier');

    const first = rows[0]?.children.item(0)?.textContent ?? '';
    type($<HTMLInputElement>(element, '#effecteur-search')!, first);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('#effecteurs-table tbody tr').length).to.be.greaterThan(0);
    expect(element.shadowRoot!.querySelector('#effecteurs-table tbody tr')!.textContent).to.contain(first);
    await expectAccessible(element);
  });
});
