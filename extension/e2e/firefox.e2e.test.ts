import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoTestServer, type DemoTestServer } from '../../server/test-support/demo-test-server';
import { ensureBuilt, firefoxDir } from './chromium-harness';
import { firefoxPath } from '../../scripts/headless-chromium';

// Firefox refuses navigation to moz-extension:// pages from the test driver, but the
// extension opens its diagnostics page itself on install: the test reads that tab.
let s: DemoTestServer;
let firefox: Browser;

before(async () => {
  ensureBuilt(firefoxDir, 'firefox');
  s = await startDemoTestServer({ psc: 'stand-in' });
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true });
});
after(async () => {
  await firefox?.close();
  await s?.close();
});

async function diagnosticsTab(): Promise<Page> {
  // Firefox reports the tab's URL as about:blank to the driver: ask the page itself.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await firefox.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('/diagnostics.html')) {
        await page.waitForFunction(() => document.body.dataset.checksDone === 'true', { polling: 100, timeout: 20_000 });
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the diagnostics page did not open on install');
}

const verdicts = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...(document.querySelector('vop-diagnostics')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-check]') ?? [])].map((li) => [li.dataset.check ?? '', `${li.dataset.verdict ?? ''}: ${li.querySelector('.summary')?.textContent ?? ''}`]),
    ),
  );

test('Firefox ESR installs the built extension and its diagnostics page runs every check, all passing against a healthy service', async () => {
  const id = await firefox.installExtension(firefoxDir);
  assert.ok(id);
  const page = await diagnosticsTab();
  // Point the extension at the test server, as the options page would, then run again.
  await page.evaluate(
    (config) => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({ serviceConfig: config }),
    { serviceUrl: s.url, pscDiscoveryUrl: s.standIn?.discoveryUrl ?? '', orderPagePath: '/' },
  );
  await page.evaluate(() => {
    delete document.body.dataset.checksDone;
    document.querySelector('vop-diagnostics')?.shadowRoot?.querySelector<HTMLButtonElement>('#rerun')?.click();
  });
  await page.waitForFunction(() => document.body.dataset.checksDone === 'true', { polling: 100, timeout: 20_000 });
  const results = await verdicts(page);
  assert.deepEqual(Object.keys(results), ['browser', 'cookie-settings', 'cookie-probe', 'service', 'psc', 'clock', 'policies']);
  assert.match(results.browser ?? '', /^pass: Firefox/);
  for (const [id, verdict] of Object.entries(results)) assert.match(verdict, /^pass/, `${id}: ${verdict}`);
});
