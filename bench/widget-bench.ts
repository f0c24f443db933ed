/**
 * The widget's section of `npm run bench` (also `npx tsx bench/widget-bench.ts` alone): how
 * fast « Saisie de commande » and the tracking PDF are for the demo officine of 320
 * effecteurs, in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 *
 * - renderMs: « Tout Développer » on the 3 products with the most eligible effecteurs (about
 *   300 × 3 quantity cells) until the grid is rendered and laid out;
 * - keystrokeMs: one value typed in a quantity cell until the per-product totals are updated
 *   and laid out;
 * - pdfMs: « Télécharger le PDF » for a session where each of the 320 effecteurs ordered (the
 *   demo's confirmed session, its lines spread over every effecteur), jspdf already loaded;
 * - initialGzipBytes: the production build's initial JavaScript (scripts/widget-size.ts), built
 *   afresh with vite.
 *
 * It starts the real server with the demo data, bundles the widget with esbuild (production
 * Lit), serves it from a static server and gives the medians over `runs` runs.
 * Targets: render < 200 ms, keystroke < 16 ms, PDF < 1 s, initial JavaScript ≤ 60 kB gzipped.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startDemoTestServer } from '../server/test-support/demo-test-server';
import { median, round } from './stats';
import { chromiumPath, headlessChromiumArgs } from '../scripts/headless-chromium';
import { measureInitialWidget } from '../scripts/widget-size';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Runs in the page: mounts <vo-order-entry> logged in as officine 0 and measures one run.
const pageScript = `
import '${join(root, 'widget/index.ts').replaceAll('\\\\', '/')}';
import { createApiClient } from '${join(root, 'widget/core/api-client.ts').replaceAll('\\\\', '/')}';
import { SafeStorage } from '${join(root, 'widget/core/safe-storage.ts').replaceAll('\\\\', '/')}';
import { translator } from '${join(root, 'widget/i18n/index.ts').replaceAll('\\\\', '/')}';
import { buildTrackingPdf } from '${join(root, 'widget/vo-order-tracking/tracking-pdf.ts').replaceAll('\\\\', '/')}';

const until = async (check, what) => {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > 10000) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 5));
  }
};

window.benchRun = async (apiUrl, token) => {
  const api = createApiClient({ url: apiUrl, token: () => token, lang: () => 'fr' });
  const me = await api.auth.me.query();
  const context = { api, lang: 'fr', t: translator('fr'), me, now: () => new Date(), drafts: new SafeStorage('memory') };
  document.body.replaceChildren();
  const element = document.createElement('vo-order-entry');
  element.context = context;
  document.body.append(element);
  const $ = (s) => element.shadowRoot.querySelector(s);
  const $$ = (s) => [...element.shadowRoot.querySelectorAll(s)];
  await until(() => $('#create') || $('#orders input[type=radio]'), 'the order list');
  if ($('#create')) $('#create').click();
  else {
    $$('#orders input[type=radio]')[0].click();
    await element.updateComplete;
    $('#modify').click();
  }
  await until(() => $('#visualise'), 'the entry table');
  $('#visualise').click();
  await element.updateComplete;
  const current = await api.sessions.current.query();
  const biggest = [...current.products].sort((a, b) => b.eligibleEffecteurIds.length - a.eligibleEffecteurIds.length).slice(0, 3);
  const cells = biggest.reduce((n, p) => n + p.eligibleEffecteurIds.length, 0);
  const t0 = performance.now();
  for (const p of biggest) $('tr[data-product-row="' + p.product.id + '"] button').click();
  await element.updateComplete;
  $('#grid').getBoundingClientRect();
  const renderMs = performance.now() - t0;
  const input = $$('input.qty')[0];
  const samples = [];
  for (let i = 0; i < 9; i++) {
    const t1 = performance.now();
    input.value = String(i % 3);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await element.updateComplete;
    $('#totals').getBoundingClientRect();
    samples.push(performance.now() - t1);
  }
  samples.sort((a, b) => a - b);
  return { renderMs, keystrokeMs: samples[4], cells, domRows: $$('tr.row').length };
};

window.benchPdf = async (apiUrl, token) => {
  const api = createApiClient({ url: apiUrl, token: () => token, lang: () => 'fr' });
  const me = await api.auth.me.query();
  const sessions = await api.tracking.list.query();
  const tracked = await Promise.all(sessions.map((s) => api.tracking.get.query({ sessionId: s.session.id })));
  const tracking = tracked.filter((t) => t.lines.some((l) => l.confirmedVials !== null)).sort((a, b) => b.lines.length - a.lines.length)[0];
  if (!tracking) throw new Error('no confirmed session in the demo data');
  const effecteurs = (await api.account.listEffecteurs.query()).filter((e) => e.active);
  const templates = tracking.lines.filter((l, i, all) => all.findIndex((m) => m.productId === l.productId) === i);
  const lines = effecteurs.flatMap((e) => templates.map((l) => ({ ...l, effecteurId: e.id, effecteurName: e.name, effecteurType: e.type })));
  const big = { ...tracking, lines };
  const input = { tracking: big, officine: me.officine, lang: 'fr', t: translator('fr'), issuedAt: new Date() };
  const t0 = performance.now();
  const pdf = buildTrackingPdf(input);
  const blob = pdf.blob;
  const pdfMs = performance.now() - t0;
  return { pdfMs, effecteurs: effecteurs.length, bytes: blob.size };
};
`;

async function serveStatic(bundle: string): Promise<Server> {
  const page = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(bundle);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(page);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

export interface WidgetBenchResult {
  runs: number;
  /** Quantity cells under « Tout Développer », and rows actually in the DOM (windowed). */
  cells: number;
  domRows: number;
  renderMs: number;
  keystrokeMs: number;
  pdfMs: number;
  pdfEffecteurs: number;
  pdfBytes: number;
  /** The entry and the chunks it imports statically, gzipped, as built by `npm run build:widget`. */
  initialGzipBytes: number;
}

/** Medians over `runs` runs (each on a freshly mounted element) of each timing, in ms. */
export async function runWidgetBench(runs: number, log: (line: string) => void = console.log): Promise<WidgetBenchResult> {
  log('widget: production build (vite)');
  // Into a folder of its own: dist/widget also holds the manifest that `npm run build:widget` adds.
  const outDir = mkdtempSync(join(tmpdir(), 'bench-widget-'));
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', join(root, 'widget/vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const initialGzipBytes = measureInitialWidget(outDir).gzipTotal;
  rmSync(outDir, { recursive: true, force: true });
  const api = await startDemoTestServer({ env: { CORS_ORIGINS: '*' } });
  const bundled = await build({
    stdin: { contents: pageScript, loader: 'ts', resolveDir: root, sourcefile: 'bench-page.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: true,
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const statics = await serveStatic(bundled.outputFiles[0]?.text ?? '');
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir,
    args: headlessChromiumArgs,
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`http://127.0.0.1:${(statics.address() as AddressInfo).port}/`);
    await page.addScriptTag({ url: '/bench.js', type: 'module' });
    await page.waitForFunction(() => typeof (window as unknown as { benchRun?: unknown }).benchRun === 'function');
    const render: number[] = [];
    const keystroke: number[] = [];
    let cells = 0;
    let domRows = 0;
    log(`widget: order entry and PDF, ${runs} runs`);
    for (let i = 0; i < runs; i++) {
      const { token } = await api.demoToken(0);
      const result = await page.evaluate(
        (url, t) => (window as unknown as { benchRun: (u: string, t: string) => Promise<{ renderMs: number; keystrokeMs: number; cells: number; domRows: number }> }).benchRun(url, t),
        api.url,
        token,
      );
      render.push(result.renderMs);
      keystroke.push(result.keystrokeMs);
      cells = result.cells;
      domRows = result.domRows;
    }
    const pdf: number[] = [];
    let pdfEffecteurs = 0;
    let pdfBytes = 0;
    for (let i = 0; i < runs; i++) {
      const { token } = await api.demoToken(0);
      const result = await page.evaluate(
        (url, t) => (window as unknown as { benchPdf: (u: string, t: string) => Promise<{ pdfMs: number; effecteurs: number; bytes: number }> }).benchPdf(url, t),
        api.url,
        token,
      );
      pdf.push(result.pdfMs);
      pdfEffecteurs = result.effecteurs;
      pdfBytes = result.bytes;
    }
    return {
      runs,
      cells,
      domRows,
      renderMs: round(median(render)),
      keystrokeMs: round(median(keystroke)),
      pdfMs: round(median(pdf)),
      pdfEffecteurs,
      pdfBytes,
      initialGzipBytes,
    };
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await new Promise((done) => statics.close(done));
    await api.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runWidgetBench(Number(process.env.BENCH_RUNS ?? 10)), null, 2));
}
