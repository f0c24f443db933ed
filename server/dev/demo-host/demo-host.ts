import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from '../../lib/escape-html';

export interface DemoHost {
  url: string;
  close: () => Promise<void>;
}

const here = import.meta.dirname;
const hostScript = readFileSync(resolve(here, 'host-page.js'), 'utf8');
const hostStyles = readFileSync(resolve(here, 'host-page.css'), 'utf8');

/** What an integrator copies: one module script and the element, with the advice for engines that cannot run it. */
export function embedSnippet(apiUrl: string): string {
  return [
    `<script type="module" src="${apiUrl}/widget/vaccine-order-app.js"></script>`,
    `<vaccine-order-app api-url="${apiUrl}" lang="fr" login-mode="popup">`,
    `  <p>Ce navigateur ne permet pas d’utiliser l’outil de commande de vaccins.`,
    `     Utilisez Google Chrome ou Mozilla Firefox ; si votre logiciel impose ce navigateur,`,
    `     contactez votre prestataire de logiciel pharmacie.</p>`,
    `</vaccine-order-app>`,
  ].join('\n');
}

function page(apiUrl: string): string {
  const snippet = embedSnippet(apiUrl);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logiciel pharmacie (démonstration) — Commande de vaccins</title>
<link rel="stylesheet" href="/host-page.css">
<script type="module" src="/host-page.js"></script>
</head>
<body>
<header class="lgo"><strong>LGO Officine</strong> <span>Poste comptoir 1 — démonstration d’intégration</span></header>
<div class="layout">
  <aside class="lgo-menu" aria-label="Menu du logiciel pharmacie">
    <ul><li>Ventes</li><li>Stocks</li><li>Ordonnances</li><li aria-current="page">Vaccins Covid-19</li></ul>
  </aside>
  <main>
    ${snippet}
    <section class="integrator">
      <h2>Pour l’éditeur du logiciel : le code à copier</h2>
      <pre><code>${escapeHtml(snippet)}</code></pre>
      <p>Cette page est servie sur une autre origine (${escapeHtml(apiUrl)} pour l’API) avec une politique de sécurité stricte,
      sans script en ligne ni cookie. Voir docs/EMBEDDING.md.</p>
      <h2>Événements reçus par la page hôte</h2>
      <ol id="host-events" aria-live="polite"></ol>
    </section>
  </main>
</div>
</body>
</html>`;
}

/**
 * A page that imitates pharmacy software on another origin (port) than the API and embeds
 * the widget as an integrator would, under a strict Content-Security-Policy.
 */
export async function startDemoHost(options: { host: string; port: number; apiUrl: string }): Promise<DemoHost> {
  const app = Fastify({ logger: false });
  const api = new URL(options.apiUrl).origin;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${api}`,
    `connect-src ${api}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
  app.get('/', async (_request, reply) =>
    reply.header('content-security-policy', csp).header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(page(options.apiUrl)),
  );
  app.get('/host-page.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(hostScript));
  app.get('/host-page.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(hostStyles));
  const url = await app.listen({ host: options.host, port: options.port });
  return { url, close: () => app.close() };
}
