import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { sendErrorPage, stylesheet, stylesheetPath } from './html';
import { showInteraction, submitInteraction } from './interaction-routes';
import { phoneApprovePath, phoneDenyPath, phonePath } from './phone-page';
import { decideOnPhone, showPhone, type PhoneActions } from './phone-routes';

export const walletDiscoveryPath = '/.well-known/wallet-openid-configuration';
const standardDiscoveryPath = '/.well-known/openid-configuration';
const interactionRoute = /^\/interaction\/([^/]+)$/;

/** Our few routes first; everything else (authorize, token, userinfo, CIBA, JWKS, logout) is oidc-provider's. */
export function createRequestRouter(provider: Provider, phone: PhoneActions): RequestListener {
  const providerCallback = provider.callback();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    const method = req.method ?? 'GET';
    const interactionUid = interactionRoute.exec(url.pathname)?.[1];

    if (method === 'GET' && url.pathname === walletDiscoveryPath) {
      // Same document as the standard one, served by the provider itself so the two never drift.
      req.url = standardDiscoveryPath + url.search;
      return providerCallback(req, res);
    }
    if (method === 'GET' && url.pathname === stylesheetPath) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(stylesheet);
      return;
    }
    if (interactionUid !== undefined) {
      const uid = decodeURIComponent(interactionUid);
      if (method === 'GET') return showInteraction(provider, req, res, uid);
      if (method === 'POST') return submitInteraction(provider, req, res, uid);
    }
    if (method === 'GET' && url.pathname === phonePath) return showPhone(phone, res);
    if (method === 'POST' && url.pathname === phoneApprovePath) return decideOnPhone(phone.approve, req, res);
    if (method === 'POST' && url.pathname === phoneDenyPath) return decideOnPhone(phone.deny, req, res);
    return providerCallback(req, res);
  }

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('psc-stand-in:', error);
      if (res.headersSent) res.destroy();
      else sendErrorPage(res, 500, 'Erreur interne du simulateur Pro Santé Connect.');
    });
  };
}
