import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorCatalogue, errorMessage, type ErrorCode } from '../../shared/errors/catalogue';
import { contacts } from '../../shared/support/contacts';
import type { AppConfig } from '../config';
import { AppError } from '../errors';
import type { Services } from '../services/index';
import { escapeHtml } from '../lib/escape-html';

/** The only page these routes render: an error with nowhere safe to send the user back to. */
function errorPage(reply: FastifyReply, code: ErrorCode): FastifyReply {
  const entry = errorCatalogue[code];
  const contact = contacts[entry.contact];
  return reply
    .status(400)
    .header('content-security-policy', "default-src 'none'")
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion impossible</title></head><body>` +
        `<main><h1>Connexion impossible</h1><p>${escapeHtml(errorMessage(code))}</p>` +
        `<p>Code : ${escapeHtml(code)}. Contact : ${escapeHtml(contact.name)} (${escapeHtml(contact.how)})</p></main></body></html>`,
    );
}

function withParam(url: URL, name: string, value: string): string {
  const target = new URL(url);
  target.searchParams.set(name, value);
  return target.toString();
}

/**
 * The Pro Santé Connect redirect flow is plain HTTP: the browser leaves for PSC and comes
 * back here. The client then gets a short-lived one-time code in its return URL, never a
 * token, and exchanges it with auth.exchangeCode.
 */
export function registerPscRoutes(app: FastifyInstance, services: Services, config: AppConfig): void {
  app.get<{ Querystring: { return_to?: string } }>('/auth/psc/login', async (request, reply) => {
    const returnTo = request.query.return_to ?? '';
    let target: URL;
    try {
      target = services.login.checkReturnTo(returnTo);
    } catch {
      return errorPage(reply, 'RETURN_URL_NOT_ALLOWED');
    }
    try {
      return await reply.redirect((await services.login.startRedirect(returnTo)).toString(), 302);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      request.log.warn({ appCode: error.code }, 'PSC login could not start');
      return reply.redirect(withParam(target, 'login_error', error.code), 302);
    }
  });

  app.get('/auth/psc/callback', async (request, reply) => {
    const callbackUrl = new URL(request.url, config.publicUrl);
    try {
      const outcome = await services.login.finishRedirect(callbackUrl);
      if ('error' in outcome) {
        request.log.info({ appCode: outcome.error.code }, 'PSC login refused');
        return await reply.redirect(withParam(outcome.returnTo, 'login_error', outcome.error.code), 302);
      }
      return await reply.redirect(withParam(outcome.returnTo, 'login_code', outcome.loginCode), 302);
    } catch (error) {
      if (error instanceof AppError) return errorPage(reply, error.code);
      throw error;
    }
  });

  // The pop-up variant: PSC sends the browser back here; the page hands the one-time code to
  // the window that opened it. Only origins allowed as return URLs may receive a code,
  // or any site could open the pop-up and collect a code meant for the widget.
  app.get<{ Querystring: { origin?: string; login_code?: string; login_error?: string } }>('/auth/psc/popup', async (request, reply) => {
    const origin = request.query.origin ?? '';
    if (!config.returnUrls.some((allowed) => allowed.origin === origin)) return errorPage(reply, 'RETURN_URL_NOT_ALLOWED');
    const code = request.query.login_code ?? '';
    const failure = request.query.login_error ?? '';
    return reply
      .header('content-security-policy', "default-src 'none'; script-src 'self'")
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion</title>` +
          `<script src="/auth/psc/popup.js" defer></script></head><body>` +
          `<main id="login" data-origin="${escapeHtml(origin)}" data-code="${escapeHtml(code)}" data-error="${escapeHtml(failure)}">` +
          `<p>Connexion terminée. Vous pouvez fermer cette fenêtre si elle ne se ferme pas seule.</p></main></body></html>`,
      );
  });

  app.get('/auth/psc/popup.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(popupScript),
  );
}

/** Posts the code to the opener, at the origin the server checked, then closes. */
const popupScript = `(function () {
  var el = document.getElementById('login');
  if (!el || !window.opener) return;
  var message = { type: 'vo-login-code' };
  if (el.dataset.code) message.code = el.dataset.code;
  if (el.dataset.error) message.error = el.dataset.error;
  window.opener.postMessage(message, el.dataset.origin);
  window.close();
})();
`;

