import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { chromiumPath, firefoxPath, headlessChromiumArgs } from '../../scripts/headless-chromium';
import { startDemoHost, type DemoHost } from '../../server/dev/demo-host/demo-host';
import { withLuhnKey } from '../../server/dev/identifiers';
import { findOfficineByFiness } from '../../server/repositories/officines-repository';
import { listPharmacistsOfOfficine } from '../../server/repositories/pharmacists-repository';
import { startDemoTestServer, type DemoTestServer } from '../../server/test-support/demo-test-server';

/** The text the widget shows, through its shadow roots: what a failed wait reports. */
async function shownText(page: Page): Promise<string> {
  // A string, not a function: tsx would wrap the inner function in a helper the page lacks.
  return page.evaluate<[], () => string>(`(() => {
    const text = (root) => [...root.querySelectorAll('*')]
      .map((el) => (el.shadowRoot ? text(el.shadowRoot) : el.children.length === 0 ? el.textContent : ''))
      .join(' ');
    const app = document.querySelector('vaccine-order-app');
    return (app && app.shadowRoot ? text(app.shadowRoot) : '').replace(/\\s+/g, ' ').slice(0, 8000);
  })()`);
}

/** Finds an element through the open shadow roots, e.g. deep(page, 'vo-login', '#idNat'). */
async function deep(page: Page, ...path: string[]): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (steps: string[]) => {
      let root: Document | ShadowRoot = document;
      let found: Element | null = null;
      for (const step of steps) {
        found = root.querySelector(step);
        if (!found) return null;
        if (found.shadowRoot) root = found.shadowRoot;
      }
      return found;
    },
    { timeout: 20000 },
    ['vaccine-order-app', ...path],
  ).catch(async (error: Error) => {
    throw new Error(`${path.join(' > ')}: ${error.message}; the widget shows: ${await shownText(page)}`);
  });
  const element = handle.asElement();
  if (!element) throw new Error(`no element at ${path.join(' > ')}`);
  return element as ElementHandle<Element>;
}

/**
 * Waits until the element at `path` satisfies `check`, an expression on `element` run in the
 * page. A string, evaluated by the DevTools protocol: the host's CSP forbids eval in its scripts.
 */
async function until(page: Page, path: string[], check: string, what: string): Promise<void> {
  const predicate = `(() => {
    let root = document;
    let element = null;
    for (const step of ${JSON.stringify(['vaccine-order-app', ...path])}) {
      element = root.querySelector(step);
      if (!element) return false;
      if (element.shadowRoot) root = element.shadowRoot;
    }
    return ${check};
  })()`;
  await page.waitForFunction(predicate, { timeout: 20000 }).catch(async (error: Error) => {
    throw new Error(`${what}: ${error.message}; the widget shows: ${await shownText(page)}`);
  });
}

/** Clicks the shell's menu entry with this label (the seed's words). */
async function menu(page: Page, label: string): Promise<void> {
  const button = await page.waitForFunction(
    (text: string) =>
      [...(document.querySelector('vaccine-order-app')?.shadowRoot?.querySelectorAll('nav button') ?? [])].find((b) => b.textContent.trim() === text) ?? null,
    { timeout: 20000 },
    label,
  );
  await (button.asElement() as ElementHandle<HTMLButtonElement>).click();
}

/** Replaces what a cell holds, as a user does: select all, then type. */
async function retype(cell: ElementHandle<Element>, value: string): Promise<void> {
  await cell.click({ count: 3 });
  await cell.type(value);
}

/** The operator's command line (npm run admin), on the test server's database. */
function admin(server: DemoTestServer, ...args: string[]): string {
  if (server.config.database.kind !== 'sqlite') throw new Error('the walk-through runs on SQLite');
  const cli = fileURLToPath(new URL('../../server/cli/admin.ts', import.meta.url));
  return execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: `sqlite:${server.config.database.path}`, PSC_STAND_IN: 'false', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

type Engine = 'chromium' | 'firefox';

/** The engine with every site's cookies and storage blocked, saving downloads into `downloads`. */
async function launch(engine: Engine, profile: string, downloads: string): Promise<Browser> {
  if (engine === 'chromium') {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } }, download: { default_directory: downloads, prompt_for_download: false } }),
    );
    return puppeteer.launch({ executablePath: chromiumPath, headless: true, args: headlessChromiumArgs, userDataDir: profile });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'network.cookie.cookieBehavior': 2,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/pdf',
      'pdfjs.disabled': true,
    },
  });
}

for (const engine of ['chromium', 'firefox'] as const) describe(`the seed's walk-through in the demo host page, cookies blocked, strict CSP (real ${engine})`, () => {
  let server: DemoTestServer;
  let host: DemoHost;
  let browser: Browser;
  let profile: string;
  let downloads: string;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => {
    server = await startDemoTestServer({ psc: 'stand-in' });
    host = await startDemoHost({ host: '127.0.0.1', port: 0, apiUrl: server.url });
    profile = mkdtempSync(join(tmpdir(), `e2e-${engine}-`));
    downloads = mkdtempSync(join(tmpdir(), 'e2e-downloads-'));
    browser = await launch(engine, profile, downloads);
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  test('logs in by e-CPS push, gives the e-mail at first login, and reaches Accueil', async () => {
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) cspViolations.push(`${message.text()} at ${message.location().url ?? ''}`);
    });
    // Both engines report each refusal to the page too (composed, so shadow roots included).
    await page.evaluateOnNewDocument(`document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
    }, true)`);
    await page.goto(`${host.url}/`);
    const storageBlocked = await page.evaluate(() => {
      try {
        localStorage.setItem('probe', '1');
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(storageBlocked, true, 'the profile really blocks cookies and storage');

    const { idNat } = await server.resetFirstLogin();
    const input = await deep(page, 'vo-login', '#idNat');
    await input.type(idNat);
    await (await deep(page, 'vo-login', 'form button[type=submit]')).click();
    const binding = await (await deep(page, 'vo-login', '[data-binding]')).evaluate((el) => el.textContent);
    const pending = server.standIn?.pendingCiba().filter((p) => p.loginHint === idNat).at(-1);
    assert.equal(pending?.bindingMessage, binding, 'the page and the phone show the same two digits');
    await server.standIn?.approveCiba(pending?.authReqId ?? '');

    const email = await deep(page, 'vo-email-dialog', '#email');
    await email.type('abymes@pharmacie.example');
    await email.press('Enter');
    const home = await deep(page, 'vo-home', '[data-order]');
    assert.ok(home, 'Accueil shows this session’s order line');
    const officine = await (await deep(page, 'vo-home', 'section strong')).evaluate((el) => el.textContent);
    assert.equal(officine, 'Pharmacie des Abymes');
    const events = await page.$eval('#host-events', (el) => el.textContent ?? '');
    assert.match(events, /vo-logged-in/, 'the host page heard the login');
    const reported = await page.evaluate(`window.__cspViolations || []`);
    assert.deepEqual([...cspViolations, ...(reported as string[])], [], 'nothing the widget does breaks the host’s strict CSP');
  });

  // The seed's walk-through, in the same page, logged in as above (Julie Roux, Pharmacie des Abymes).
  let sessionId = 0;
  let productId = 0;
  let medecin = { id: 0, name: '' };
  let infirmier = { id: 0, name: '' };

  test('orders for the officine’s professionals: Créer, Visualiser, Tout Développer, a quantity over the cap corrected, Suivant, Retour, Suivant, Valider, then Modifier', async () => {
    // Two professionals attached to the officine (what « Visualiser compte » would add).
    const officine = await findOfficineByFiness(server.db, withLuhnKey('97100999'));
    assert.ok(officine);
    const [pharmacist] = await listPharmacistsOfOfficine(server.db, officine.id);
    assert.ok(pharmacist, 'the e-CPS login registered the pharmacist');
    const actor = { kind: 'pharmacist' as const, pharmacistId: pharmacist.id, officineId: officine.id };
    const add = async (type: 'medecin' | 'infirmier', name: string, rppsBody: string) =>
      (await server.services.effecteurs.add(actor, { type, name, rpps: withLuhnKey(rppsBody), finess: null, email: null, notifyByEmail: false })).effecteur;
    const m = await add('medecin', 'Dr Léa Marchand', '1099000001');
    const i = await add('infirmier', 'Paul Fontaine', '1099000002');
    medecin = { id: m.id, name: m.name };
    infirmier = { id: i.id, name: i.name };
    const current = await server.services.sessions.current(officine.id);
    sessionId = current.session.id;
    const pfizer = current.products.find((p) => p.product.code === 'COMIRNATY-30-GRIS');
    assert.ok(pfizer);
    assert.ok(pfizer.eligibleEffecteurIds.includes(medecin.id) && pfizer.eligibleEffecteurIds.includes(infirmier.id));
    productId = pfizer.product.id;

    await menu(page, 'Saisie de commande');
    await (await deep(page, 'vo-order-entry', '#create')).click();
    await (await deep(page, 'vo-order-entry', '#visualise')).click();
    await (await deep(page, 'vo-order-entry', '#expand-all')).click();
    // Only the rows in view are in the page: the filter brings each professional's rows.
    const filter = await deep(page, 'vo-order-entry', '#filter');
    await retype(filter, 'Marchand');
    const medecinCell = await deep(page, 'vo-order-entry', `input[data-key="${medecin.id}:${productId}"]`);

    // Over the médecin cap (4 vials): marked at once, with the reason; then corrected.
    await retype(medecinCell, '5');
    await until(page, ['vo-order-entry', `input[data-key="${medecin.id}:${productId}"]`], `element.getAttribute('aria-invalid') === 'true'`, 'the cap error');
    const reason = await medecinCell.evaluate((input) => input.getRootNode() instanceof ShadowRoot ? (input.getRootNode() as ShadowRoot).getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent : null);
    assert.match(reason ?? '', /plafond de 4 flacon/);
    await retype(medecinCell, '3');
    await retype(filter, 'Fontaine');
    await retype(await deep(page, 'vo-order-entry', `input[data-key="${infirmier.id}:${productId}"]`), '2');
    await retype(filter, 'Marchand');
    await until(page, ['vo-order-entry', `input[data-key="${medecin.id}:${productId}"]`], `element.getAttribute('aria-invalid') !== 'true'`, 'the corrected cell');

    await (await deep(page, 'vo-order-entry', '#next')).click();
    await deep(page, 'vo-order-entry', '#recap');
    await (await deep(page, 'vo-order-entry', '#back')).click();
    await deep(page, 'vo-order-entry', '#grid');
    await (await deep(page, 'vo-order-entry', '#next')).click();
    await until(page, ['vo-order-entry', `#recap tfoot tr[data-total-product="${productId}"]`], `element.textContent.includes('5')`, 'the recap total of 5 vials');
    await (await deep(page, 'vo-order-entry', '#validate')).click();
    await deep(page, 'vo-order-entry', '#orders input[type=radio]');
    await page.waitForFunction(() => /vo-order-submitted/.test(document.querySelector('#host-events')?.textContent ?? ''), { timeout: 20000 });

    // « Modifier »: select the order, change the médecin's quantity, validate again.
    await (await deep(page, 'vo-order-entry', '#orders input[type=radio]')).click();
    await (await deep(page, 'vo-order-entry', '#modify')).click();
    await (await deep(page, 'vo-order-entry', '#visualise')).click();
    await (await deep(page, 'vo-order-entry', '#expand-all')).click();
    await retype(await deep(page, 'vo-order-entry', '#filter'), 'Marchand');
    const again = await deep(page, 'vo-order-entry', `input[data-key="${medecin.id}:${productId}"]`);
    assert.equal(await again.evaluate((input) => (input as HTMLInputElement).value), '3');
    await retype(again, '4');
    await (await deep(page, 'vo-order-entry', '#next')).click();
    await (await deep(page, 'vo-order-entry', '#validate')).click();
    await deep(page, 'vo-order-entry', '#orders input[type=radio]');

    const tracking = await server.services.tracking.get(officine.id, sessionId);
    const ordered = (id: number) => tracking.lines.find((l) => l.effecteurId === id && l.productId === productId)?.orderedVials;
    assert.equal(ordered(medecin.id), 4, 'the server holds the modified quantity');
    assert.equal(ordered(infirmier.id), 2);
  });

  test('the session closes and is allocated by the operator (admin CLI); after the confirmation time, Suivi de commande and its PDF show the confirmed quantities', async () => {
    const now = Date.now();
    admin(server, 'shift-session', '--id', String(sessionId), '--closes', new Date(now + 1000).toISOString(), '--confirmation', new Date(now + 3000).toISOString());
    const allocated = JSON.parse(admin(server, 'close-allocate', '--id', String(sessionId), '--now')) as unknown;
    assert.ok(allocated);
    const officine = await findOfficineByFiness(server.db, withLuhnKey('97100999'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, now + 3500 - Date.now())));
    const tracking = await server.services.tracking.get(officine!.id, sessionId);
    const confirmed = (id: number) => tracking.lines.find((l) => l.effecteurId === id && l.productId === productId)?.confirmedVials;
    assert.equal(typeof confirmed(medecin.id), 'number', 'published after the confirmation time');

    await menu(page, 'Suivi de commande');
    const cell = (id: number) => `[data-effecteur="${id}"] tr[data-product="${productId}"] [data-col=confirmed]`;
    await until(page, ['vo-order-tracking', cell(medecin.id)], `/\\d/.test(element.textContent)`, 'the médecin’s confirmed quantity');
    const shown = await (await deep(page, 'vo-order-tracking', cell(medecin.id))).evaluate((el) => el.textContent.trim());
    assert.equal(shown.split(/\s/)[0], String(confirmed(medecin.id)));

    await (await deep(page, 'vo-order-tracking', 'button[data-action=pdf]')).click();
    const deadline = Date.now() + 20000;
    let pdf: string | undefined;
    while (!pdf && Date.now() < deadline) {
      pdf = readdirSync(downloads).find((f) => f.endsWith('.pdf'));
      if (!pdf) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(pdf, 'the PDF was downloaded');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const text = execFileSync('pdftotext', ['-layout', join(downloads, pdf), '-'], { encoding: 'utf8' });
    assert.match(text, /Pharmacie des Abymes/);
    assert.match(text, /Dr Léa Marchand/);
    assert.match(text, /Paul Fontaine/);
    // Under each professional's heading, the product's line: ordered, confirmed, delivered.
    const lines = text.split('\n');
    const quantities = (heading: string) => {
      const row = lines.slice(lines.findIndex((line) => line.includes(heading))).find((line) => line.includes('PFIZER 30µG 12+'));
      return /12\+.*?\s(\d+)\s+(\d+)\s+(\d+)/.exec(row ?? '')?.slice(1, 4).map(Number);
    };
    assert.deepEqual(quantities('Dr Léa Marchand (Médecin)'), [4, confirmed(medecin.id), 0]);
    assert.deepEqual(quantities('Paul Fontaine (Infirmier)'), [2, confirmed(infirmier.id), 0]);
    const reported = await page.evaluate(`window.__cspViolations || []`);
    assert.deepEqual([...cspViolations, ...(reported as string[])], [], 'nothing the widget does breaks the host’s strict CSP');
  });
});
