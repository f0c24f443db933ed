import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../lib/escape-html';
import type { Services } from '../services/index';

/** Development only: the mail the server would have sent, newest first, instead of an SMTP server. */
export function registerDevMailPage(app: FastifyInstance, services: Services): void {
  app.get('/dev/mail', async (_request, reply) => {
    const mails = [...services.mailer.captured()].reverse();
    const items = mails
      .map((m) => `<article><h2>${escapeHtml(m.subject)}</h2><p>À : ${escapeHtml(m.to)} · ${escapeHtml(m.at)}</p><pre>${escapeHtml(m.text)}</pre></article>`)
      .join('');
    return reply
      .header('content-security-policy', "default-src 'none'")
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>E-mails de développement</title></head><body><main>` +
          `<h1>E-mails envoyés (développement)</h1>${items || '<p>Aucun e-mail pour l’instant.</p>'}</main></body></html>`,
      );
  });
}
