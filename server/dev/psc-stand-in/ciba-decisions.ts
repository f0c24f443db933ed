import { errors, type Provider } from 'oidc-provider';
import { amrFor } from './auth-modes';
import type { PendingCibaRequests } from './pending-ciba';
import { grantedScope, pscAcr } from './provider-configuration';

async function findRequest(provider: Provider, authReqId: string) {
  const request = await provider.BackchannelAuthenticationRequest.find(authReqId);
  if (!request) throw new Error(`CIBA request ${authReqId} has expired`);
  return request;
}

/** What the e-CPS app does once the professional has typed the PIN and checked the code. */
export async function approveCiba(provider: Provider, pending: PendingCibaRequests, authReqId: string): Promise<void> {
  const { authMode } = pending.take(authReqId);
  const request = await findRequest(provider, authReqId);
  const grant = new provider.Grant({ accountId: request.accountId, clientId: request.clientId });
  grant.addOIDCScope(grantedScope);
  await grant.save();
  await provider.backchannelResult(request, grant, {
    acr: pscAcr,
    amr: amrFor(authMode),
    authTime: Math.floor(Date.now() / 1000),
  });
}

export async function denyCiba(provider: Provider, pending: PendingCibaRequests, authReqId: string): Promise<void> {
  pending.take(authReqId);
  const request = await findRequest(provider, authReqId);
  await provider.backchannelResult(request, new errors.AccessDenied('the professional refused the request'));
}
