import { escapeHtml, page } from './html';
import type { PendingCiba } from './pending-ciba';
import { identityName } from './login-page';
import { findTestIdentity } from './test-identities';

export const phonePath = '/phone';
export const phoneApprovePath = '/phone/approve';
export const phoneDenyPath = '/phone/deny';

function requestCard(request: PendingCiba): string {
  const identity = findTestIdentity(request.loginHint);
  const who = identity ? `${identityName(identity)} (${request.loginHint})` : request.loginHint;
  const code = request.bindingMessage
    ? `<p>Code affiché par le service : <span class="code">${escapeHtml(request.bindingMessage)}</span></p>`
    : '<p class="muted">Aucun code à vérifier.</p>';
  const hidden = `<input type="hidden" name="auth_req_id" value="${escapeHtml(request.authReqId)}">`;
  return `<li class="card">
<h2>${escapeHtml(who)}</h2>
<p class="muted">Demandée par ${escapeHtml(request.clientId)} le ${escapeHtml(new Date(request.createdAt).toLocaleString('fr-FR'))}</p>
${code}
<div class="actions">
<form method="post" action="${phoneApprovePath}">${hidden}<button type="submit">Approuver</button></form>
<form method="post" action="${phoneDenyPath}">${hidden}<button type="submit" class="danger">Refuser</button></form>
</div>
</li>`;
}

/** With nothing pending the page reloads itself (meta refresh, no script) to catch the next push. */
export function renderPhonePage(pending: readonly PendingCiba[]): string {
  if (pending.length === 0) {
    return page('Téléphone e-CPS', '<p>Aucune demande d’authentification en attente.</p>', { refreshSeconds: 3 });
  }
  return page(
    'Téléphone e-CPS',
    `<p>Demandes d’authentification en attente (vérifiez que le code correspond à celui affiché par le service) :</p>
<ul class="cards">
${pending.map(requestCard).join('\n')}
</ul>
<p><a href="${phonePath}">Actualiser</a></p>`,
  );
}
