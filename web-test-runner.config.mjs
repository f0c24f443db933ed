// Component tests of the widget, in the browsers pharmacy software imposes: Debian's
// Chromium and Firefox ESR (installed by apt; puppeteer never downloads its own).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

// The plugin that runs the real server is TypeScript: let Node load it through tsx.
register();
const { liveServerPlugin } = await import('./server/test-support/web-test-runner-plugin.ts');

const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export default {
  files: ['widget/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 120000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [liveServerPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    puppeteerLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
        userDataDir: mkdtempSync(join(tmpdir(), 'wtr-chromium-')),
      },
    }),
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  ],
};
