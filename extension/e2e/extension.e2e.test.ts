import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testIdentities } from '../../server/dev/psc-stand-in/index';
import { startDemoTestServer, type DemoTestServer } from '../../server/test-support/demo-test-server';
import { configure, launchChromiumWithExtension, readChecks, waitInShadow, type LoadedExtension } from './chromium-harness';

let s: DemoTestServer;
let ext: LoadedExtension;
let port: string;

before(async () => {
  s = await startDemoTestServer({ psc: 'stand-in' });
  port = new URL(s.url).port;
  ext = await launchChromiumWithExtension();
  await configure(ext, s.url, s.standIn?.discoveryUrl ?? '');
});
after(async () => {
  await ext?.close();
  await s?.close();
});

const shadow = (host: string, selector: string) => `${host} >>> ${selector}`;

test('the popup logs in by e-CPS push and shows the open session', async () => {
  const popup = await ext.open('/popup.html');
  await popup.waitForSelector('body[data-ready="true"]');
  const hugo = testIdentities.find((i) => i.lastName === 'Bernard');
  assert.ok(hugo, 'the demo titulaire exists in the PSC stand-in');
  await popup.type(shadow('vop-popup', '#idnat'), hugo.idNat);
  await popup.click(shadow('vop-popup', '#ciba-start'));
  const shown = await waitInShadow(popup, 'vop-popup', '#binding-message');
  const pending = s.standIn?.pendingCiba().find((p) => p.loginHint === hugo.idNat);
  assert.equal(pending?.bindingMessage, shown, 'the popup shows the two digits of the phone');
  await s.standIn?.approveCiba(pending?.authReqId ?? '');
  assert.equal(await waitInShadow(popup, 'vop-popup', '#session-status', 20_000), 'Ouverte');
  const name = await popup.$eval(shadow('vop-popup', '#officine-name'), (el) => el.textContent);
  assert.equal(name, 'Pharmacie des Terreaux');
  assert.match(await popup.$eval(shadow('vop-popup', '#countdown'), (el) => el.textContent ?? ''), /^Fermeture dans /);
  assert.match(await popup.$eval(shadow('vop-popup', '#order-summary'), (el) => el.textContent ?? ''), /commande/i);
  // The token stays in the background's session storage, never in a page's storage.
  const stored = await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { token?: string }>> } } } }).chrome.storage.session.get('auth'));
  assert.match(stored.auth?.token ?? '', /^vop_/);
  await popup.close();

  // Opened again, the popup first draws the background's last answer, then the session.
  const again = await ext.open('/popup.html');
  await again.waitForSelector('body[data-ready="true"]');
  assert.equal(await again.evaluate(() => document.body.dataset.readyFrom), 'snapshot');
  assert.equal(await waitInShadow(again, 'vop-popup', '#officine-name'), 'Pharmacie des Terreaux');
  assert.equal(await waitInShadow(again, 'vop-popup', '#session-status', 20_000), 'Ouverte');
  const snapshot = await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get('popupState'));
  assert.ok(!JSON.stringify(snapshot).includes(stored.auth?.token ?? 'vop_'), 'no token in the snapshot the popup reads');
  await again.close();
});

test('the diagnostics page shows every check passing against a healthy service', async () => {
  const page = await ext.open('/diagnostics.html');
  const checks = await readChecks(page);
  assert.deepEqual(
    checks.map((c) => c.id),
    ['browser', 'cookie-settings', 'cookie-probe', 'service', 'psc', 'clock', 'policies'],
  );
  for (const check of checks) assert.equal(check.verdict, 'pass', `${check.id}: ${check.text}`);
  await page.close();
});

test('with cookies blocked for the service, the cookie checks fail with their remedy', async () => {
  await ext.worker.evaluate(
    (pattern) =>
      (globalThis as unknown as { chrome: { contentSettings: { cookies: { set(d: object): Promise<void> } } } }).chrome.contentSettings.cookies.set({ primaryPattern: pattern, setting: 'block' }),
    `http://127.0.0.1:${port}/*`,
  );
  try {
    const page = await ext.open('/diagnostics.html');
    const checks = await readChecks(page);
    const settings = checks.find((c) => c.id === 'cookie-settings');
    const probe = checks.find((c) => c.id === 'cookie-probe');
    assert.equal(settings?.verdict, 'failure', settings?.text);
    assert.match(settings?.text ?? '', /Activez « Autoriser les cookies »/);
    assert.equal(probe?.verdict, 'failure', probe?.text);
    assert.match(probe?.text ?? '', /Effacer l’historique du service/);
    await page.close();
  } finally {
    await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { contentSettings: { cookies: { clear(d: object): Promise<void> } } } }).chrome.contentSettings.cookies.clear({}));
  }
});

async function plantData(url: string) {
  const page = await ext.browser.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    document.cookie = 'planted=1; path=/; max-age=3600';
    localStorage.setItem('planted', '1');
  });
  await page.close();
}

async function readData(url: string) {
  const page = await ext.browser.newPage();
  await page.goto(url);
  const data = await page.evaluate(() => ({ cookie: document.cookie.includes('planted=1'), storage: localStorage.getItem('planted') === '1' }));
  await page.close();
  return data;
}

test('clearing the service’s data removes its cookies and storage and leaves another site’s untouched', async () => {
  const service = `${s.url}/`;
  const other = `http://localhost:${port}/`;
  await plantData(service);
  await plantData(other);
  assert.deepEqual(await readData(service), { cookie: true, storage: true });
  const page = await ext.open('/diagnostics.html');
  await readChecks(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.click(shadow('vop-diagnostics', '#clear-data'));
  assert.match(await waitInShadow(page, 'vop-diagnostics', '#notice'), /effacées/);
  await page.close();
  assert.deepEqual(await readData(service), { cookie: false, storage: false }, 'the service’s data is gone');
  assert.deepEqual(await readData(other), { cookie: true, storage: true }, 'another site keeps its data');
});

test('a support ticket sent from the diagnostics page reaches the server with the report', async () => {
  const page = await ext.open('/diagnostics.html');
  await readChecks(page);
  await page.type(shadow('vop-diagnostics', '#email'), 'terreaux@pharmacie.example');
  await page.click(shadow('vop-diagnostics', '#send-ticket'));
  assert.match(await waitInShadow(page, 'vop-diagnostics', '#ticket-sent'), /envoyée au support/);
  await page.close();
  const [ticket] = await s.services.support.list(5);
  assert.ok(ticket);
  assert.equal(ticket.contactEmail, 'terreaux@pharmacie.example');
  assert.ok(ticket.officineId, 'logged in: the ticket is linked to the officine');
  const report = ticket.diagnostics as { kind: string; checks: Array<{ id: string; verdict: string }> };
  assert.equal(report.kind, 'extension-diagnostics');
  assert.equal(report.checks.length, 7);
});

test('a notification turned off in the options page is kept by the background and shown off again', async () => {
  const page = await ext.open('/options.html');
  await page.waitForSelector('body[data-ready="true"]');
  const box = shadow('vop-options', 'input[data-pref="closingSoon"]');
  assert.equal(await page.$eval(box, (el) => (el as HTMLInputElement).checked), true, 'on by default');
  await page.click(box);
  const stored = () =>
    ext.worker.evaluate(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
      return (await local.get('notificationPrefs')).notificationPrefs as Record<string, boolean> | undefined;
    });
  for (let i = 0; i < 50 && (await stored())?.closingSoon !== false; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(await stored(), { sessionOpens: true, closingSoon: false, confirmation: true });
  await page.close();

  const again = await ext.open('/options.html');
  await again.waitForSelector('body[data-ready="true"]');
  assert.equal(await again.$eval(box, (el) => (el as HTMLInputElement).checked), false);
  assert.equal(await again.$(shadow('vop-options', '[role=alert]')), null, 'no error shown');
  await again.close();
});
