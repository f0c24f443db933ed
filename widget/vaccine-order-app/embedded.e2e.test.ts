import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { chromiumPath, headlessChromiumArgs } from '../../scripts/headless-chromium';
import { startDemoHost, type DemoHost } from '../../server/dev/demo-host/demo-host';
import { startDemoTestServer, type DemoTestServer } from '../../server/test-support/demo-test-server';

/** A Chromium profile where every site's cookies (and so its Web Storage) are blocked. */
function profileWithCookiesBlocked(): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  return dir;
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
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no element at ${path.join(' > ')}`);
  return element as ElementHandle<Element>;
}

describe('the widget embedded in pharmacy software, cookies blocked, strict CSP (real Chromium)', () => {
  let server: DemoTestServer;
  let host: DemoHost;
  let browser: Browser;
  let profile: string;
  const cspViolations: string[] = [];

  before(async () => {
    server = await startDemoTestServer({ psc: 'stand-in' });
    host = await startDemoHost({ host: '127.0.0.1', port: 0, apiUrl: server.url });
    profile = profileWithCookiesBlocked();
    browser = await puppeteer.launch({
      executablePath: chromiumPath,
      headless: true,
      args: headlessChromiumArgs,
      userDataDir: profile,
    });
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('logs in by e-CPS push, gives the e-mail at first login, and reaches Accueil', async () => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
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
    assert.deepEqual(cspViolations, [], 'nothing the widget does breaks the host’s strict CSP');
  });
});
