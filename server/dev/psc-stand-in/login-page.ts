import { escapeHtml, page } from './html';
import type { PscActivity } from './psc-userinfo-shape';
import type { TestIdentity } from './test-identities';

export function interactionPath(uid: string): string {
  return `/interaction/${encodeURIComponent(uid)}`;
}

function siteLabel(activity: PscActivity): string {
  const id = activity.numeroFinessSite
    ? `FINESS ${activity.numeroFinessSite}`
    : activity.numeroSiretSite
      ? `SIRET ${activity.numeroSiretSite}`
      : `structure ${activity.identifiantTechniqueDeLaStructure}`;
  return `${activity.raisonSocialeSite} (${id})`;
}

export function identityName(identity: TestIdentity): string {
  return `${identity.firstName} ${identity.lastName}`;
}

function identityCard(identity: TestIdentity, action: string): string {
  const sites = identity.activities.map((a) => `<p class="muted">${escapeHtml(siteLabel(a))}</p>`).join('');
  const note = identity.note ? `<p class="note">${escapeHtml(identity.note)}</p>` : '';
  return `<li class="card">
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="idNat" value="${escapeHtml(identity.idNat)}">
<h2>${escapeHtml(identityName(identity))}</h2>
<p>${escapeHtml(identity.description)} · <span class="muted">idNat ${escapeHtml(identity.idNat)}</span></p>
${sites}${note}
<div class="actions">
<button type="submit" name="authMode" value="CARD">Carte CPS</button>
<button type="submit" name="authMode" value="MOBILE" class="secondary">e-CPS</button>
</div>
</form>
</li>`;
}

export function renderLoginPage(uid: string, clientId: string, identities: readonly TestIdentity[]): string {
  const action = interactionPath(uid);
  return page(
    'Choisissez une identité de test',
    `<p>Le service <strong>${escapeHtml(clientId)}</strong> demande une authentification Pro Santé Connect.
Choisissez le professionnel et le moyen d’authentification.</p>
<ul class="cards">
${identities.map((i) => identityCard(i, action)).join('\n')}
</ul>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="action" value="cancel">
<button type="submit" class="danger">Annuler</button>
</form>`,
  );
}
