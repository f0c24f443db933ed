import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { accountIdFor } from './accounts';
import { amrFor, parseAuthMode } from './auth-modes';
import { readForm } from './form-body';
import { sendErrorPage, sendHtml } from './html';
import { renderLoginPage } from './login-page';
import { grantedScope, pscAcr } from './provider-configuration';
import { findTestIdentity, testIdentities } from './test-identities';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

async function currentInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string) {
  try {
    const interaction = await provider.interactionDetails(req, res);
    return interaction.uid === uid ? interaction : undefined;
  } catch {
    return undefined;
  }
}

function sendExpired(res: ServerResponse): void {
  sendErrorPage(res, 400, 'Cette demande de connexion est introuvable ou a expiré. Recommencez depuis le service.');
}

/** The professional never sees a consent screen on PSC: the stand-in grants openid + scope_all at once. */
async function grantConsent(provider: Provider, req: IncomingMessage, res: ServerResponse, interaction: Interaction) {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (!accountId || typeof clientId !== 'string') return sendExpired(res);
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(grantedScope);
  const { missingOIDCClaims } = interaction.prompt.details;
  if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.filter((c) => typeof c === 'string'));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

export async function showInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await currentInteraction(provider, req, res, uid);
  if (!interaction) return sendExpired(res);
  switch (interaction.prompt.name) {
    case 'login': {
      const clientId = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : '';
      return sendHtml(res, 200, renderLoginPage(uid, clientId, testIdentities));
    }
    case 'consent':
      return grantConsent(provider, req, res, interaction);
    default:
      return sendErrorPage(res, 501, `Étape « ${interaction.prompt.name} » non prise en charge par le simulateur.`);
  }
}

export async function submitInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const form = await readForm(req);
  const interaction = await currentInteraction(provider, req, res, uid);
  if (!interaction || interaction.prompt.name !== 'login') return sendExpired(res);

  if (form.get('action') === 'cancel') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  }

  const identity = findTestIdentity(form.get('idNat') ?? '');
  const authMode = parseAuthMode(form.get('authMode'));
  if (!identity || !authMode) return sendErrorPage(res, 400, 'Identité ou moyen d’authentification inconnu.');
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: accountIdFor(identity), acr: pscAcr, amr: amrFor(authMode) } },
    { mergeWithLastSubmission: false },
  );
}
