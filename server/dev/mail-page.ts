import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/index';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Development only: the mail the server would have sent, newest first, instead of an SMTP server. */
export function registerDevMailPage(app: FastifyInstance, services: Services): void {
  app.get('/dev/mail', async (_request, reply) => {
    const mails = [...services.mailer.captured()].reverse();
    const items = mails
      .map((m) => `<article><h2>${escape(m.subject)}</h2><p>À : ${escape(m.to)} · ${escape(m.at)}</p><pre>${escape(m.text)}</pre></article>`)
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
