import type { FastifyInstance } from 'fastify';

/**
 * The cookie probe: a page on the service's own origin that the browser extension loads in a
 * frame of its diagnostics page. Only a page of this origin can tell what the site itself
 * experiences (per-site cookie blocks, storage partitioning); the extension's own APIs write
 * straight to the cookie store and would miss them. The page sets and reads a throwaway
 * cookie, tries both web storages and the Storage Access API, then posts the result to the
 * frame's parent (or opener). The result holds no secret, so any parent may read it; the
 * extension checks the message's origin on its side.
 */

// No inline script: the strict policy applies to the probe as to any page of the service.
const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  // The extension's pages embed the probe; web pages have no reason to.
  "frame-ancestors 'self' chrome-extension: moz-extension:",
].join('; ');

const page = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Vérification des cookies</title>
<script src="/probe/cookies.js" defer></script></head>
<body><main><h1>Vérification des cookies et du stockage</h1>
<p id="probe-status" role="status">Vérification en cours…</p>
<pre id="probe-result"></pre></main></body></html>
`;

// Plain ES2017, no module: the probe must run on every browser a pharmacy might use.
const script = `(function () {
  'use strict';
  var name = 'vop_probe';
  function tryStorage(kind) {
    try {
      var storage = window[kind];
      var key = 'vop-probe-' + Math.random().toString(36).slice(2);
      storage.setItem(key, '1');
      var ok = storage.getItem(key) === '1';
      storage.removeItem(key);
      return ok ? 'ok' : 'unreadable';
    } catch (error) {
      return 'blocked';
    }
  }
  function tryCookie() {
    var value = Math.random().toString(36).slice(2);
    // Secure (and so SameSite=None, which a frame of the extension's page needs) works on https and on
    // loopback addresses, which browsers treat as secure contexts; elsewhere over http, Lax is all there is.
    var secure = window.isSecureContext === true;
    var attributes = '; path=/probe; max-age=60' + (secure ? '; SameSite=None; Secure' : '; SameSite=Lax');
    try {
      document.cookie = name + '=' + value + attributes;
      var written = document.cookie.split('; ').indexOf(name + '=' + value) !== -1;
      // The probe leaves nothing behind.
      document.cookie = name + '=; path=/probe; max-age=0' + (secure ? '; SameSite=None; Secure' : '; SameSite=Lax');
      return written ? 'ok' : 'blocked';
    } catch (error) {
      return 'blocked';
    }
  }
  function storageAccess() {
    if (typeof document.hasStorageAccess !== 'function') return Promise.resolve('unsupported');
    return document.hasStorageAccess().then(
      function (granted) { return granted ? 'granted' : 'denied'; },
      function () { return 'unsupported'; }
    );
  }
  storageAccess().then(function (access) {
    var result = {
      cookieEnabled: navigator.cookieEnabled === true,
      cookie: tryCookie(),
      localStorage: tryStorage('localStorage'),
      sessionStorage: tryStorage('sessionStorage'),
      storageAccess: access,
      framed: window.parent !== window,
      secureContext: window.isSecureContext === true,
      userAgent: navigator.userAgent
    };
    var ok = result.cookie === 'ok' && result.localStorage === 'ok' && result.sessionStorage === 'ok';
    document.getElementById('probe-status').textContent = ok
      ? 'Cookies et stockage autorisés pour ce site.'
      : 'Ce site ne peut pas enregistrer de cookies ou de données : la connexion échouera.';
    document.getElementById('probe-result').textContent = JSON.stringify(result, null, 2);
    var message = { source: 'vop-cookie-probe', version: 1, result: result };
    var target = window.parent !== window ? window.parent : window.opener;
    if (target) target.postMessage(message, '*');
  });
})();
`;

export function registerProbeRoutes(app: FastifyInstance): void {
  app.get('/probe/cookies', async (_request, reply) =>
    reply
      .header('content-security-policy', pagePolicy)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(page),
  );
  app.get('/probe/cookies.js', async (_request, reply) =>
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').type('text/javascript; charset=utf-8').send(script),
  );
}
