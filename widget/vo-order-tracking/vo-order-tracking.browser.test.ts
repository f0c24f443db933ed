import { expect, fixture, html } from '@open-wc/testing';
import '../index';
import type { ZTracking, ZTrackingLine } from '../../shared/schemas/tracking';
import { allocationReasonLabels } from '../../shared/domain/allocation-reasons';
import type { WidgetContext } from '../core/widget-context';
import { formatDate, formatDateTime } from '../i18n/index';
import { expectAccessible } from '../test-support/axe';
import { liveContext } from '../test-support/live-server';
import type { VoOrderTracking } from './vo-order-tracking';
import '../test-support/readable-failures';
import { until } from '../test-support/until';

// Officines 0 to 3 are only read here: other test files create orders for 4 to 7.

const root = (element: VoOrderTracking) => element.shadowRoot!;

async function mount(context: WidgetContext): Promise<VoOrderTracking> {
  const element = await fixture<VoOrderTracking>(html`<vo-order-tracking .context=${context}></vo-order-tracking>`);
  await until(() => root(element).querySelector('[data-confirmation]') ?? root(element).querySelector('vo-error-message'), 'the tracking');
  await element.updateComplete;
  return element;
}

async function pastTracking(context: WidgetContext): Promise<ZTracking> {
  const list = await context.api.tracking.list.query();
  const past = list.find((item) => item.session.status === 'confirmed' && item.orderStatus === 'submitted');
  if (!past) throw new Error('the demo has no confirmed session with an order');
  return context.api.tracking.get.query({ sessionId: past.session.id });
}

/** Reads a PDF made by jspdf (uncompressed, WinAnsi) as text. */
async function pdfText(blob: Blob): Promise<string> {
  return new TextDecoder('windows-1252').decode(await blob.arrayBuffer());
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('vo-order-tracking', () => {
  it('shows the past session per effecteur: ordered, confirmed, delivered, reasons, split delivery remainder, mail status', async function () {
    // The live server is shared with other test files: allow for a loaded machine.
    this.timeout(30000);
    // The demo splits some deliveries in two parts: find an officine (read only) with one.
    let context: WidgetContext | null = null;
    let tracking: ZTracking | null = null;
    for (const index of [1, 3, 0]) {
      const candidate = await liveContext(index);
      const candidateTracking = await pastTracking(candidate);
      if (candidateTracking.lines.some((l) => l.deliveries.some((d) => d.planned) && (l.remainingVials ?? 0) > 0)) {
        context = candidate;
        tracking = candidateTracking;
        break;
      }
    }
    expect(tracking, 'an officine with a split delivery').to.not.equal(null);
    const element = await mount(context!);
    const shadow = root(element);

    expect(text(shadow.querySelector('h1'))).to.equal('Suivi de commande');
    expect(text(shadow.querySelector('#session-title'))).to.equal(tracking!.session.label);
    expect(text(shadow.querySelector('[data-confirmation=published]'))).to.contain(formatDateTime('fr', tracking!.session.confirmationAt));
    if (tracking!.confirmationMail?.status === 'sent') expect(shadow.querySelector('[data-mail=sent]')).to.not.equal(null);

    // Groups: the officine itself first; small officines have every group open.
    const groups = [...shadow.querySelectorAll<HTMLElement>('section.group')];
    const effecteurIds = new Set(tracking!.lines.map((l) => l.effecteurId));
    expect(groups.length).to.equal(effecteurIds.size);
    const own = tracking!.lines.find((l) => l.effecteurType === 'officine')!;
    expect(groups[0]!.dataset.effecteur).to.equal(String(own.effecteurId));

    for (const line of tracking!.lines) {
      const row = shadow.querySelector(`section.group[data-effecteur="${line.effecteurId}"] tr[data-product="${line.productId}"]`);
      expect(row, `${line.effecteurName} / ${line.productCode}`).to.not.equal(null);
      expect(text(row!.querySelector('[data-col=ordered]'))).to.equal(String(line.orderedVials));
      expect(text(row!.querySelector('[data-col=confirmed]'))).to.match(new RegExp(`^${line.confirmedVials}\\b`));
      expect(text(row!.querySelector('[data-col=delivered]'))).to.equal(String(line.deliveredVials));
      const reason = text(row!.querySelector('[data-col=reason]'));
      if (line.reason && (line.reason !== 'full' || (line.confirmedVials ?? 0) < line.orderedVials)) {
        expect(reason).to.equal(allocationReasonLabels[line.reason].fr);
      }
      if ((line.remainingVials ?? 0) > 0 && line.nextDeliveryDate) {
        const remaining = text(row!.querySelector('[data-col=remaining]'));
        expect(remaining).to.contain(`${line.remainingVials}`);
        expect(remaining).to.contain(`attendu le ${formatDate('fr', line.nextDeliveryDate)}`);
      }
      for (const delivery of line.deliveries) expect(text(row!.querySelector('[data-col=deliveries]'))).to.contain(delivery.wholesaler);
    }
    // At least one line was reduced or substituted in the demo, with its reason in French.
    const explained = tracking!.lines.filter((l) => l.reason && l.reason !== 'full');
    expect(explained.length).to.be.greaterThan(0);
    expect(text(shadow.querySelector('table.totals caption'))).to.contain('Totaux par produit');
    await expectAccessible(element);
  });

  it('says when the confirmation of the open session will be published', async function () {
    // The live server is shared with other test files: allow for a loaded machine.
    this.timeout(30000);
    const context = await liveContext(1);
    const element = await mount(context);
    const sessions = await context.api.sessions.list.query();
    const open = sessions.find((s) => s.status === 'open')!;
    const select = root(element).querySelector<HTMLSelectElement>('#session')!;
    select.value = String(open.id);
    select.dispatchEvent(new Event('change'));
    await until(() => root(element).querySelector('[data-confirmation=pending]'), 'the open session');
    const notice = text(root(element).querySelector('[data-confirmation=pending]'));
    expect(notice).to.contain(`Les quantités confirmées seront publiées le ${formatDateTime('fr', open.confirmationAt)}`);
    expect(root(element).querySelector('[data-col=confirmed]')).to.equal(null);
    await expectAccessible(element);
  });

  it('builds the PDF recap and the CSV export of the past session', async function () {
    // The live server is shared with other test files: allow for a loaded machine.
    this.timeout(30000);
    const context = await liveContext(1);
    const element = await mount(context);
    const tracking = await pastTracking(context);
    const blob = await element.buildPdf();
    expect(blob.size).to.be.greaterThan(0);
    const pdf = await pdfText(blob);
    expect(pdf.slice(0, 4)).to.equal('%PDF');
    expect(pdf).to.contain(context.me.officine.name);
    expect(pdf).to.contain(`FINESS : ${context.me.officine.finess}`);
    expect(pdf).to.contain('Édité le');
    expect(pdf).to.match(/Page 1 \/ \d+/);
    expect(pdf).to.contain('Bons par effecteur');

    const csv = element.buildCsv();
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const rows = csv.slice(1).trim().split('\r\n');
    expect(rows[0]).to.equal(
      'Effecteur;Type;Code produit;Produit;Commandé;Confirmé;Produit de substitution;Flacons substitués;Livré;Reste à livrer;Prochaine livraison;Motif;Livraisons',
    );
    expect(rows.length).to.equal(tracking.lines.length + 1);
    const own = tracking.lines.find((l) => l.effecteurType === 'officine')!;
    const ownRow = rows[1]!.split(';');
    expect(ownRow[0]).to.equal(own.effecteurName);
    expect(ownRow[4]).to.equal(String(own.orderedVials));
    expect(ownRow[5]).to.equal(String(own.confirmedVials));
    for (const row of rows.slice(1)) expect(row.split(';')[4]).to.match(/^\d+$/);

    // The buttons save the files through an <a download> click.
    const saved: string[] = [];
    // HTMLAnchorElement.prototype has no own click: define one for the test, then delete it.
    Object.defineProperty(HTMLAnchorElement.prototype, 'click', {
      configurable: true,
      value(this: HTMLAnchorElement) {
        saved.push(this.download);
      },
    });
    try {
      root(element).querySelector<HTMLButtonElement>('[data-action=pdf]')!.click();
      await until(() => text(root(element).querySelector('p.status')).startsWith('PDF téléchargé'), 'the PDF download');
      root(element).querySelector<HTMLButtonElement>('[data-action=csv]')!.click();
    } finally {
      delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    }
    const slug = tracking.session.label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(saved).to.deep.equal([`suivi-commande-${context.me.officine.finess}-${slug}.pdf`, `suivi-commande-${context.me.officine.finess}-${slug}.csv`]);
    await expectAccessible(element);
  });

  it('handles officine 0 with 300 effecteurs: filter, pages, PDF page count', async function () {
    this.timeout(30000);
    const context = await liveContext(0);
    const element = await mount(context);
    const tracking = await pastTracking(context);
    // The demo's past order names a few effecteurs: spread its lines over all 320 (read only).
    const effecteurs = await context.api.account.listEffecteurs.query();
    const templates = tracking.lines.filter((l) => l.effecteurType !== 'officine');
    const lines: ZTrackingLine[] = [
      ...tracking.lines.filter((l) => l.effecteurType === 'officine'),
      ...effecteurs
        .filter((e) => e.type !== 'officine')
        .flatMap((e, i) =>
          templates
            .filter((l, j) => (i + j) % 2 === 0 || templates.length === 1)
            .map((l) => ({ ...l, effecteurId: e.id, effecteurName: e.name, effecteurType: e.type })),
        ),
    ];
    const big: ZTracking = { ...tracking, lines };
    const effecteurCount = new Set(lines.map((l) => l.effecteurId)).size;
    expect(effecteurCount).to.be.greaterThan(300);

    // Show it: 20 groups per page, a filter by name.
    (element as unknown as { tracking: ZTracking }).tracking = big;
    await element.updateComplete;
    const shadow = root(element);
    expect(shadow.querySelectorAll('section.group').length).to.equal(20);
    expect(text(shadow.querySelector('#filter-count'))).to.equal(`${effecteurCount} effecteur(s) sur ${effecteurCount}`);
    expect(text(shadow.querySelector('nav'))).to.contain(`Effecteurs 1 à 20 sur ${effecteurCount}`);
    shadow.querySelector<HTMLButtonElement>('nav button:last-of-type')!.click();
    await element.updateComplete;
    expect(text(shadow.querySelector('nav'))).to.contain(`Effecteurs 21 à 40 sur ${effecteurCount}`);
    const filter = shadow.querySelector<HTMLInputElement>('#filter')!;
    filter.value = 'elodie';
    filter.dispatchEvent(new Event('input'));
    await element.updateComplete;
    const matching = lines.filter((l, i, all) => /Élodie/.test(l.effecteurName) && all.findIndex((m) => m.effecteurId === l.effecteurId) === i).length;
    expect(matching).to.be.greaterThan(0);
    expect(text(shadow.querySelector('#filter-count'))).to.equal(`${matching} effecteur(s) sur ${effecteurCount}`);
    for (const name of shadow.querySelectorAll('section.group h3')) expect(text(name)).to.contain('Élodie');
    const first = shadow.querySelector<HTMLButtonElement>('section.group h3 button')!;
    const wasOpen = first.getAttribute('aria-expanded') === 'true';
    first.click();
    await element.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal(wasOpen ? 'false' : 'true');
    await expectAccessible(element);

    const started = performance.now();
    const blob = await element.buildPdf(big);
    const pdfMs = performance.now() - started;
    const pdf = await pdfText(blob);
    const pages = Number(/Page 1 \/ (\d+)/.exec(pdf)?.[1]);
    expect(pdf.match(/\/Type \/Page\b/g)?.length).to.equal(pages);
    expect(pages).to.be.greaterThan(10);
    expect(pdf).to.contain(`Page ${pages} / ${pages}`);
    // A figure for the report, never asserted.
    console.log(`tracking PDF for ${effecteurCount} effecteurs: ${pages} pages, ${blob.size} bytes, ${pdfMs.toFixed(0)} ms (${navigator.userAgent})`);
  });

  it('shows the catalogue error when the officine cannot track yet', async function () {
    // The live server is shared with other test files: allow for a loaded machine.
    this.timeout(30000);
    // Officine 2 has no e-mail in the demo: tracking is refused until it is set.
    const context = await liveContext(2);
    const element = await mount(context);
    expect(root(element).querySelector('vo-error-message')).to.not.equal(null);
    expect(text(root(element).querySelector('vo-error-message')!.shadowRoot!.querySelector('[role=alert]'))).to.contain('Contacter le support');
    await expectAccessible(element);
  });
});
