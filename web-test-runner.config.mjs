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
const { chromiumPath, firefoxPath, headlessChromiumArgs } = await import('./scripts/headless-chromium.ts');
const { prebundlePlugin } = await import('./scripts/prebundle-plugin.ts');

export default {
  files: ['widget/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 120000,
  // A whole test file, on a loaded two-core machine running both browsers at once.
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    liveServerPlugin(),
    prebundlePlugin(['zod', '@trpc/client']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    puppeteerLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: headlessChromiumArgs,
        userDataDir: mkdtempSync(join(tmpdir(), 'wtr-chromium-')),
      },
    }),
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: firefoxPath,
        headless: true,
      },
    }),
  ],
};
