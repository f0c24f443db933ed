import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { TargetType, type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { chromiumPath, headlessChromiumArgs } from '../../scripts/headless-chromium';

export const chromeDir = resolve(import.meta.dirname, '../../dist/extension/chrome-mv3');
export const firefoxDir = resolve(import.meta.dirname, '../../dist/extension/firefox-mv2');

/** `npm test` builds first (npm run build); a lone run of the e2e tests builds what is missing. */
export function ensureBuilt(dir: string, browser: 'chrome' | 'firefox'): void {
  if (existsSync(join(dir, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
}

export interface LoadedExtension {
  browser: Browser;
  id: string;
  worker: WebWorker;
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, as root, with the built extension loaded (another build's folder for a benchmark's comparison). */
export async function launchChromiumWithExtension(dir = chromeDir): Promise<LoadedExtension> {
  if (dir === chromeDir) ensureBuilt(chromeDir, 'chrome');
  const profile = mkdtempSync(join(tmpdir(), 'vop-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    enableExtensions: [dir],
    userDataDir: profile,
    args: headlessChromiumArgs,
  });
  const target = await browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER && t.url().endsWith('/background.js'), { timeout: 15_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker for the extension');
  const id = new URL(target.url()).host;
  return {
    browser,
    id,
    worker,
    async open(path) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${id}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Points the installed extension at a test server (what the options page saves). Written from
 * one of the extension's pages: the service worker may be restarted at any time, pages stay.
 */
export async function configure(ext: LoadedExtension, serviceUrl: string, pscDiscoveryUrl: string): Promise<void> {
  const page = await ext.open('/options.html');
  await page.evaluate(
    (config) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ serviceConfig: config }),
    { serviceUrl, pscDiscoveryUrl, orderPagePath: '/' },
  );
  await page.close();
}

export interface CheckRow {
  id: string;
  verdict: string;
  text: string;
}

/** The diagnostics page's verdicts, once every check is done. */
export async function readChecks(page: Page): Promise<CheckRow[]> {
  await page.waitForSelector('body[data-checks-done="true"]', { timeout: 15_000 });
  return page.evaluate(() =>
    [...(document.querySelector('vop-diagnostics')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-check]') ?? [])].map((li) => ({
      id: li.dataset.check ?? '',
      verdict: li.dataset.verdict ?? '',
      text: li.textContent ?? '',
    })),
  );
}

/**
 * Waits for an element inside a component's shadow root. Puppeteer's waitForSelector watches
 * document mutations only, which a shadow root's changes never trigger, so this polls.
 */
export async function waitInShadow(page: Page, host: string, selector: string, timeout = 15_000): Promise<string> {
  const handle = await page.waitForFunction(
    (h: string, s: string) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent?.trim() ?? false,
    { polling: 100, timeout },
    host,
    selector,
  );
  return (await handle.jsonValue()) as string;
}
