import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { VoOrderEntry } from './vo-order-entry';
import { capFor } from '../../shared/rules/order-lines';
import type { ZCurrentSession } from '../../shared/schemas/sessions';
import { createApiClient } from '../core/api-client';
import { SafeStorage } from '../core/safe-storage';
import type { WidgetContext } from '../core/widget-context';
import { demoToken, liveContext, liveServer } from '../test-support/live-server';
import { expectAccessible } from '../test-support/axe';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

// Officines 4, 5 and 6 belong to these tests. Each browser has a server of its own, but tests within a
// file share it, so every test first cancels what the previous one left.

function $<T extends Element = HTMLElement>(element: VoOrderEntry, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

function $$<T extends Element = HTMLElement>(element: VoOrderEntry, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

function click(element: VoOrderEntry, selector: string): void {
  const button = $<HTMLButtonElement>(element, selector);
  if (!button) throw new Error(`no ${selector}`);
  button.click();
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function resetOrder(context: WidgetContext): Promise<ZCurrentSession> {
  const current = await context.api.sessions.current.query();
  for (const order of await context.api.orders.list.query()) {
    if (order.sessionId === current.session.id && order.status === 'submitted') await context.api.orders.cancel.mutate({ id: order.id, version: order.version });
  }
  return current;
}

async function mount(context: WidgetContext): Promise<VoOrderEntry> {
  const element = await fixture<VoOrderEntry>(html`<vo-order-entry .context=${context}></vo-order-entry>`);
  await until(() => $(element, '#orders-title'), 'the order list');
  return element;
}

/** Créer → Visualiser; only the given product expanded. */
async function openGrid(element: VoOrderEntry, productId: number | 'all', create = true): Promise<void> {
  if (create) click(element, '#create');
  await until(() => $(element, '#visualise'), 'the entry table');
  click(element, '#visualise');
  await element.updateComplete;
  if (productId === 'all') click(element, '#expand-all');
  else $<HTMLButtonElement>(element, `tr[data-product-row="${productId}"] button`)!.click();
  await element.updateComplete;
}

function productByCode(current: ZCurrentSession, code: string) {
  const p = current.products.find((x) => x.product.code === code);
  if (!p) throw new Error(code);
  return p;
}

/** Officine 0's grid (320 effecteurs), through « Créer », or « Modifier » when an order exists; nothing is saved. */
async function openLargeGrid(): Promise<VoOrderEntry> {
  const element = await mount(await liveContext(0));
  await until(() => $(element, '#create') ?? $(element, '#modify'), 'the buttons');
  if ($(element, '#create')) click(element, '#create');
  else {
    $$<HTMLInputElement>(element, '#orders input[type=radio]')[0]!.click();
    await element.updateComplete;
    click(element, '#modify');
  }
  await until(() => $(element, '#visualise'), 'the table');
  click(element, '#visualise');
  await element.updateComplete;
  return element;
}

describe('vo-order-entry', () => {
  it('shows the open session, the eligible effecteurs with their caps, and checks as you type', async () => {
    const context = await liveContext(4);
    const current = await resetOrder(context);
    const effecteurs = await context.api.account.listEffecteurs.query();
    const element = await mount(context);

    const banner = $(element, '#session-banner')!;
    expect(banner.dataset.status).to.equal('open');
    expect(banner.textContent).to.contain('Ouverte');
    expect($(element, '[role=timer]')!.textContent).to.match(/Fermeture dans \d+ j \d\d h \d\d min \d\d s/);
    expect($(element, '#create')).not.to.equal(null);

    await openGrid(element, 'all');
    expect($(element, '#expand-all')!.textContent).to.contain('Tout Réduire');
    const totalRows = current.products.reduce((n, p) => n + 1 + p.eligibleEffecteurIds.length, 0);
    expect($(element, '#grid')!.getAttribute('aria-rowcount')).to.equal(String(totalRows + 1));
    // Only eligible effecteurs, each with its type's cap.
    const inactive = effecteurs.filter((e) => !e.active).map((e) => e.id);
    expect(inactive.length).to.be.greaterThan(0);
    for (const row of $$(element, 'tr[data-cell]')) {
      const [effecteurId, productId] = row.dataset.cell!.split(':').map(Number) as [number, number];
      const p = current.products.find((x) => x.product.id === productId)!;
      expect(p.eligibleEffecteurIds).to.include(effecteurId);
      expect(inactive).not.to.include(effecteurId);
      const e = effecteurs.find((x) => x.id === effecteurId)!;
      const verdict = capFor(p.product, p.caps, e.type);
      expect(verdict.allowed).to.equal(true);
      const capText = row.querySelector('[data-cap]')!.textContent?.trim();
      expect(capText).to.equal(verdict.allowed && verdict.capVials !== null ? String(verdict.capVials) : 'Illimité');
    }
    await expectAccessible(element);

    // One product at a time: exactly its eligible effecteurs.
    click(element, '#expand-all');
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    await element.updateComplete;
    click(element, `tr[data-product-row="${pfizer.product.id}"] button`);
    await element.updateComplete;
    const keys = $$(element, 'tr[data-cell]').map((r) => Number(r.dataset.cell!.split(':')[0]));
    expect(keys).to.deep.equal(pfizer.eligibleEffecteurIds);

    // Above the cap: marked at once, with the reason, linked to the input.
    const medecin = effecteurs.find((e) => e.type === 'medecin' && pfizer.eligibleEffecteurIds.includes(e.id))!;
    const input = $<HTMLInputElement>(element, `input[data-key="${medecin.id}:${pfizer.product.id}"]`)!;
    expect(input.getAttribute('aria-label')).to.contain(medecin.name).and.to.contain(pfizer.product.label);
    type(input, '5');
    await element.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const message = $(element, `#${input.getAttribute('aria-describedby')!}`)!;
    expect(message.textContent).to.contain('Au-delà du plafond de 4 flacon(s)');
    type(input, '1.5');
    await element.updateComplete;
    expect($(element, `#${input.getAttribute('aria-describedby')!}`)!.textContent).to.contain('nombre entier');
    click(element, '#next');
    await until(() => $(element, '#block-message'), 'the blocking message');
    expect($(element, '#recap')).to.equal(null);
    // Valid: totals in vials and doses follow.
    type(input, '3');
    await element.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    const totals = $(element, `#totals tr[data-product="${pfizer.product.id}"]`)!;
    expect(totals.querySelector('[data-total=vials]')!.textContent).to.equal('3');
    expect(totals.querySelector('[data-total=doses]')!.textContent).to.equal(String(3 * pfizer.product.dosesPerVial));

    // « Annuler » asks first, in a modal dialog; « Continuer la saisie » gives the focus back.
    $<HTMLButtonElement>(element, '#leave')!.focus();
    click(element, '#leave');
    const dialog = await until(() => $<HTMLDialogElement>(element, 'dialog[open]'), 'the dialog');
    expect(dialog.textContent).to.contain('Quitter la saisie ?');
    await expectAccessible(element);
    click(element, '#dialog-no');
    await until(() => !$(element, 'dialog[open]'), 'the dialog to close');
    await until(() => element.shadowRoot!.activeElement?.id === 'leave', 'focus back on Annuler');
    expect(input.value).to.equal('3');
  });

  it('moves with the arrow keys and Enter, fills a pasted column, filters, and proposes the tied solvent', async () => {
    const context = await liveContext(6);
    const current = await resetOrder(context);
    const effecteurs = await context.api.account.listEffecteurs.query();
    const element = await mount(context);
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    await openGrid(element, pfizer.product.id);

    const inputs = () => $$<HTMLInputElement>(element, 'input.qty');
    inputs()[0]!.focus();
    inputs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await until(() => element.shadowRoot!.activeElement === inputs()[1], 'ArrowDown');
    inputs()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => element.shadowRoot!.activeElement === inputs()[2], 'Enter');
    inputs()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    await until(() => element.shadowRoot!.activeElement === inputs()[1], 'ArrowUp');

    // A column copied from a spreadsheet fills the cells below.
    // Firefox gives script-made paste events no clipboard data: hand the event one.
    const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => '1\r\n2\r\n3\r\n' } });
    inputs()[0]!.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await element.updateComplete;
    expect(inputs().slice(0, 4).map((i) => i.value)).to.deep.equal(['1', '2', '3', '']);
    const totals = $(element, `#totals tr[data-product="${pfizer.product.id}"] [data-total=vials]`)!;
    expect(totals.textContent).to.equal('6');

    // Filter by type.
    const filter = $<HTMLInputElement>(element, '#filter')!;
    type(filter, 'infirm');
    await element.updateComplete;
    const shown = $$(element, 'tr[data-cell]').map((r) => Number(r.dataset.cell!.split(':')[0]));
    expect(shown.length).to.be.greaterThan(0);
    for (const id of shown) expect(effecteurs.find((e) => e.id === id)!.type).to.equal('infirmier');
    type(filter, '');
    await element.updateComplete;

    // The solvent tied to the 5-11 vaccine: proposed, and the rule checked.
    const pediatric = productByCode(current, 'COMIRNATY-10-5-11');
    const solvent = productByCode(current, 'SOLVANT-NACL-09');
    click(element, `tr[data-product-row="${pediatric.product.id}"] button`);
    await element.updateComplete;
    type($<HTMLInputElement>(element, `input[data-key="${pediatric.eligibleEffecteurIds[0]}:${pediatric.product.id}"]`)!, '2');
    await element.updateComplete;
    click(element, `button[data-propose="${solvent.product.id}"]`);
    await element.updateComplete;
    expect($(element, `#totals tr[data-product="${solvent.product.id}"] [data-total=vials]`)!.textContent).to.equal('2');
    click(element, `tr[data-product-row="${solvent.product.id}"] button`);
    await element.updateComplete;
    type($<HTMLInputElement>(element, `input[data-key="${solvent.eligibleEffecteurIds[0]}:${solvent.product.id}"]`)!, '5');
    await element.updateComplete;
    expect($(element, `#product-error-${solvent.product.id}`)!.textContent).to.contain('Au plus 2 unité(s)');
  });

  it('Suivant → recap → Retour keeps the values → Valider creates the order (retrying a network failure with the same key), then cancels it', async () => {
    const context = await liveContext(4);
    const current = await resetOrder(context);
    // The first create never reaches the server: the form stays, « Réessayer » sends it again.
    const { apiUrl } = await liveServer();
    const token = await demoToken(4);
    let failNext = false;
    let slowList = false;
    let keys: string[] = [];
    const api = createApiClient({
      url: apiUrl,
      token: () => token,
      lang: () => 'fr',
      fetch: async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.includes('orders.create')) keys.push(typeof init?.body === 'string' ? init.body : '');
        if (failNext && url.includes('orders.create')) {
          failNext = false;
          throw new TypeError('Failed to fetch');
        }
        // A slow reload of the list: what the list shows meanwhile must already be the new order.
        if (slowList && url.includes('orders.list')) await new Promise((resolve) => setTimeout(resolve, 400));
        return fetch(input, init);
      },
    });
    const flaky: WidgetContext = { ...context, api };
    const element = await mount(flaky);
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    await openGrid(element, pfizer.product.id);
    const [first, second] = pfizer.eligibleEffecteurIds as [number, number];
    type($<HTMLInputElement>(element, `input[data-key="${first}:${pfizer.product.id}"]`)!, '2');
    type($<HTMLInputElement>(element, `input[data-key="${second}:${pfizer.product.id}"]`)!, '1');
    click(element, '#next');
    const recap = await until(() => $(element, '#recap'), 'the recap');
    expect(recap.querySelectorAll('tbody tr').length).to.equal(2);
    expect(recap.querySelector(`tfoot tr[data-total-product="${pfizer.product.id}"]`)!.textContent).to.contain('3');
    await expectAccessible(element);
    click(element, '#back');
    await until(() => $(element, '#grid'), 'the table again');
    expect($<HTMLInputElement>(element, `input[data-key="${first}:${pfizer.product.id}"]`)!.value).to.equal('2');
    click(element, '#next');
    await until(() => $(element, '#validate'), 'the recap again');

    let submitted: { orderId: number; version: number; totalVials: number } | null = null;
    element.addEventListener('vo-order-submitted', (event) => (submitted = event.detail));
    failNext = true;
    keys = [];
    click(element, '#validate');
    await until(() => $(element, 'vo-error-message'), 'the network error');
    expect($(element, '#validate')!.textContent).to.contain('Réessayer');
    expect($(element, '#recap')).not.to.equal(null);
    slowList = true;
    click(element, '#validate');
    await until(() => submitted, 'vo-order-submitted');
    expect(keys.length).to.equal(2);
    const sentKey = (body: string) => (JSON.parse(body) as { idempotencyKey: string }).idempotencyKey;
    expect(sentKey(keys[0]!)).to.equal(sentKey(keys[1]!));
    const detail = submitted as unknown as { orderId: number; version: number; totalVials: number };
    expect(detail.totalVials).to.equal(3);
    const order = await context.api.orders.get.query({ id: detail.orderId });
    expect(order.status).to.equal('submitted');
    expect(order.lines.map((l) => [l.effecteurId, l.productId, l.vials])).to.have.deep.members([
      [first, pfizer.product.id, 2],
      [second, pfizer.product.id, 1],
    ]);
    await until(() => $(element, '#orders'), 'the order list');
    expect($(element, '#create')).to.equal(null);
    expect($(element, '#modify')).not.to.equal(null);

    // Cancel it, after confirming in the dialog.
    click(element, '#cancel-order');
    await until(() => $(element, 'dialog[open]'), 'the dialog');
    await expectAccessible(element);
    click(element, '#dialog-yes');
    await until(() => $(element, '#create'), 'Créer again');
    expect((await context.api.orders.get.query({ id: detail.orderId })).status).to.equal('cancelled');
  });

  it('Modifier, then a concurrent change: shows what differs and keeps the user’s input', async () => {
    const context = await liveContext(5);
    const other = await liveContext(5);
    const current = await resetOrder(context);
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    const [first, second] = pfizer.eligibleEffecteurIds as [number, number];
    const created = await context.api.orders.create.mutate({
      sessionId: current.session.id,
      idempotencyKey: `test-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      lines: [{ effecteurId: first, productId: pfizer.product.id, vials: 2 }],
    });
    const element = await mount(context);
    const radio = await until(() => $$<HTMLInputElement>(element, '#orders input[type=radio]').find((r) => r.getAttribute('aria-label')!.includes(`${created.id}`)), 'the order');
    radio.click();
    await element.updateComplete;
    click(element, '#modify');
    await openGrid(element, pfizer.product.id, false);
    const cell = $<HTMLInputElement>(element, `input[data-key="${first}:${pfizer.product.id}"]`)!;
    expect(cell.value).to.equal('2');
    type(cell, '3');

    // Someone else changes the order meanwhile.
    await other.api.orders.update.mutate({
      id: created.id,
      version: created.version,
      lines: [
        { effecteurId: first, productId: pfizer.product.id, vials: 4 },
        { effecteurId: second, productId: pfizer.product.id, vials: 1 },
      ],
    });
    click(element, '#next');
    await until(() => $(element, '#validate'), 'the recap');
    click(element, '#validate');
    const conflict = await until(() => $(element, '#conflict'), 'the conflict');
    const diff = conflict.querySelector(`tr[data-diff="${first}:${pfizer.product.id}"]`)!;
    expect(diff.textContent).to.contain('3').and.to.contain('4');
    expect(conflict.querySelector(`tr[data-diff="${second}:${pfizer.product.id}"]`)).not.to.equal(null);
    await expectAccessible(element);

    let submitted = false;
    element.addEventListener('vo-order-submitted', () => (submitted = true));
    click(element, '#keep-mine');
    await until(() => submitted, 'the update');
    const order = await context.api.orders.get.query({ id: created.id });
    expect(order.version).to.equal(created.version + 2);
    expect(order.lines).to.deep.equal([{ effecteurId: first, productId: pfizer.product.id, vials: 3 }]);
    await context.api.orders.cancel.mutate({ id: order.id, version: order.version });
  });

  it('offers the draft again after the element is mounted anew, and says when storage is blocked', async () => {
    const memory = new SafeStorage('memory');
    const context = await liveContext(6, 'fr', memory);
    const current = await resetOrder(context);
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    const element = await mount(context);
    expect($(element, '#storage-blocked')!.textContent).to.contain('Le stockage du navigateur est bloqué');
    await openGrid(element, pfizer.product.id);
    const key = `${pfizer.eligibleEffecteurIds[0]}:${pfizer.product.id}`;
    type($<HTMLInputElement>(element, `input[data-key="${key}"]`)!, '7');
    element.remove(); // as a crash or a reload would: the draft is flushed on the way out

    const again = await mount(context);
    const offer = await until(() => $(again, '#draft-offer'), 'the draft offer');
    await expectAccessible(again);
    offer.querySelector<HTMLButtonElement>('button')!.click();
    await openGrid(again, pfizer.product.id, false);
    expect($<HTMLInputElement>(again, `input[data-key="${key}"]`)!.value).to.equal('7');
    click(again, '#leave');
    await until(() => $(again, 'dialog[open]'), 'the dialog');
    click(again, '#dialog-yes');
    await until(() => $(again, '#create'), 'the list');
    expect(memory.get(`vo.orderEntry.draft.${context.me.officine.id}.${current.session.id}`)).to.equal(null);

    const persistent = await mount({ ...context, drafts: new SafeStorage('local') });
    expect($(persistent, '#storage-blocked')).to.equal(null);
  });

  it('shows the server’s per-line refusals (ORDER_LINES_INVALID) on the matching cells', async () => {
    const context = await liveContext(6);
    const current = await resetOrder(context);
    const pfizer = productByCode(current, 'COMIRNATY-30-GRIS');
    const [first] = pfizer.eligibleEffecteurIds as [number];
    // The server stays the authority: here it refuses a line the client found fine.
    const refusal = {
      error: {
        message: 'Certaines lignes de la commande ne respectent pas les règles de la session.',
        code: -32022,
        data: {
          code: 'UNPROCESSABLE_CONTENT',
          httpStatus: 422,
          path: 'orders.create',
          appCode: 'ORDER_LINES_INVALID',
          motif: 'saisie_commande',
          contact: 'spf_support',
          details: { lines: [{ index: 0, effecteurId: first, productId: pfizer.product.id, code: 'LINE_ABOVE_CAP', params: { cap: 1 } }] },
          fieldErrors: null,
        },
      },
    };
    const { apiUrl } = await liveServer();
    const token = await demoToken(6);
    const api = createApiClient({
      url: apiUrl,
      token: () => token,
      lang: () => 'fr',
      fetch: (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.includes('orders.create')) return Promise.resolve(new Response(JSON.stringify(refusal), { status: 422, headers: { 'content-type': 'application/json' } }));
        return fetch(input, init);
      },
    });
    const element = await mount({ ...context, api });
    await openGrid(element, pfizer.product.id);
    type($<HTMLInputElement>(element, `input[data-key="${first}:${pfizer.product.id}"]`)!, '2');
    click(element, '#next');
    await until(() => $(element, '#validate'), 'the recap');
    click(element, '#validate');
    const cell = await until(() => {
      const input = $<HTMLInputElement>(element, `input[data-key="${first}:${pfizer.product.id}"]`);
      return input?.getAttribute('aria-invalid') === 'true' && input;
    }, 'the refused cell');
    const reason = $(element, `#${cell.getAttribute('aria-describedby')!}`)!;
    expect(reason.textContent).to.contain('Au-delà du plafond de 1 flacon(s)');
    expect(reason.dataset.code).to.equal('LINE_ABOVE_CAP');
    expect($(element, 'vo-error-message')).not.to.equal(null);
    // Typing in the cell again hands the check back to the client.
    type(cell, '1');
    await element.updateComplete;
    expect(cell.getAttribute('aria-invalid')).to.equal('false');
  });

  it('after the close (server clock), editing is off and the banner says why', async () => {
    const context = await liveContext(6);
    const current = await context.api.sessions.current.query();
    const after = Date.parse(current.session.closesAt) + 1000;
    const element = await mount({ ...context, now: () => new Date(after) });
    const banner = await until(() => $(element, '#session-banner[data-status=closed]'), 'the closed banner');
    expect(banner.textContent).to.contain('Fermée');
    expect($(element, '#closed-reason')!.textContent).to.contain('ne peuvent plus être créées, modifiées ni annulées');
    expect($(element, '#create')).to.equal(null);
    expect($(element, '#modify')).to.equal(null);
    expect(element.shadowRoot!.textContent).to.contain('La saisie est désactivée');
    await expectAccessible(element);
  });

  it('a focused cell stays with its effecteur while the grid scrolls (officine 0, read only)', async () => {
    const element = await openLargeGrid();
    click(element, '#expand-all');
    await element.updateComplete;
    const scroller = $(element, '.grid-scroll')!;
    const firstRendered = () => $(element, 'input.qty')!.dataset.row;
    scroller.scrollTop = 30 * 44;
    scroller.dispatchEvent(new Event('scroll'));
    const before = firstRendered();
    const input = await until(() => $<HTMLInputElement>(element, 'input.qty[data-row="35"]'), 'row 35');
    const key = input.dataset.key;
    input.focus();
    scroller.scrollTop = 36 * 44;
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => firstRendered() !== before, 'the window to move');
    expect(input.dataset.key).to.equal(key);
    expect((element.shadowRoot!.activeElement as HTMLInputElement | null)?.dataset.key).to.equal(key);
  });

  it('measures the expanded grid of 320 effecteurs (officine 0, read only)', async () => {
    const element = await openLargeGrid();
    const t0 = performance.now();
    click(element, '#expand-all');
    await element.updateComplete;
    void $(element, '#grid')!.getBoundingClientRect();
    const renderMs = performance.now() - t0;
    const input = $$<HTMLInputElement>(element, 'input.qty')[0]!;
    const samples: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const t1 = performance.now();
      type(input, String(i % 3));
      await element.updateComplete;
      void $(element, '#totals')!.getBoundingClientRect();
      samples.push(performance.now() - t1);
    }
    const keystrokeMs = samples.sort((a, b) => a - b)[5]!;
    // Keyboard through the windowed rows: the next rows are rendered as the focus moves down.
    let active = input;
    for (let i = 0; i < 40; i++) {
      const row = Number(active.dataset.row);
      active.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
      active = await until(() => {
        const now = element.shadowRoot!.activeElement as HTMLInputElement | null;
        return now && Number(now.dataset.row) > row && now;
      }, `row after ${row}`);
    }
    expect(Number(active.dataset.row)).to.be.greaterThan(39);
    console.log(`[order-entry] rows=${$(element, '#grid')!.getAttribute('aria-rowcount')} dom rows=${$$(element, 'tr.row').length} render=${renderMs.toFixed(1)}ms keystroke median=${keystrokeMs.toFixed(1)}ms max=${samples[10]!.toFixed(1)}ms`);
    expect($$(element, 'tr.row').length).to.be.lessThan(80);
  });
});
