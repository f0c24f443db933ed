import type { ServerResponse } from 'node:http';
import { escapeHtml } from '../../lib/escape-html';

export const stylesheetPath = '/psc-stand-in.css';

// No script anywhere and styles only from our own file, so the pages keep working under the
// strictest CSP. form-action is left out on purpose: a login POST ends in a redirect to the
// relying party's origin, which browsers would block under form-action 'self'.
export const pageSecurityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export { escapeHtml } from '../../lib/escape-html';

export function page(title: string, body: string, options: { refreshSeconds?: number } = {}): string {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${stylesheetPath}">
</head>
<body>
<header><p class="brand">Pro Santé Connect <span>simulateur de développement</span></p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...pageSecurityHeaders, 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export function sendErrorPage(res: ServerResponse, status: number, message: string): void {
  sendHtml(res, status, page('Une erreur est survenue', `<p class="error">${escapeHtml(message)}</p>`));
}

export const stylesheet = `
body { font-family: system-ui, sans-serif; margin: 0; color: #161616; background: #f6f6f6; }
header { background: #000091; color: #fff; padding: 0.75rem 1.5rem; }
.brand { margin: 0; font-weight: 700; }
.brand span { font-weight: 400; opacity: 0.8; margin-left: 0.5rem; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
ul.cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.75rem 1rem; }
.card h2 { font-size: 1.05rem; margin: 0 0 0.25rem; }
.card p { margin: 0.2rem 0; }
.muted { color: #555; font-size: 0.9rem; }
.note { color: #8a4b00; font-size: 0.9rem; }
.actions { display: flex; gap: 0.5rem; margin-top: 0.5rem; flex-wrap: wrap; }
button { font: inherit; padding: 0.4rem 0.9rem; border-radius: 4px; border: 1px solid #000091; background: #000091; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #000091; }
button.danger { background: #fff; color: #c9191e; border-color: #c9191e; }
.code { font-size: 1.6rem; font-weight: 700; letter-spacing: 0.1em; }
.error { color: #c9191e; }
`;
