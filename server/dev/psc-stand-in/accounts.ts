import type { FindAccount, KoaContextWithOIDC } from 'oidc-provider';
import { authModeFromAmr, parseAuthMode } from './auth-modes';
import { findTestIdentity, type TestIdentity } from './test-identities';
import { pscUserinfoClaims } from './userinfo-claims';

// PSC's `sub` is a Keycloak federated id ("f:<uuid>:<idNat>"), not the idNat: keeping that shape
// stops a relying party from keying users on `sub` instead of SubjectNameID.
const federatedIdPrefix = 'f:3c9e52d4-8a1b-4f0e-b7d2-6a5c1e9f0b48:';

export function accountIdFor(identity: TestIdentity): string {
  return federatedIdPrefix + identity.idNat;
}

export function identityForAccountId(accountId: string): TestIdentity | undefined {
  return accountId.startsWith(federatedIdPrefix) ? findTestIdentity(accountId.slice(federatedIdPrefix.length)) : undefined;
}

/** Tokens carry the authentication means chosen at login (see `authModeTokenClaim`), userinfo reads it back. */
export const findAccount: FindAccount = (_ctx, sub, token) => {
  const identity = identityForAccountId(sub);
  if (!identity) return undefined;
  const authMode = token?.kind === 'AccessToken' ? parseAuthMode(token.extra?.authMode) : undefined;
  return { accountId: sub, claims: () => ({ sub, ...pscUserinfoClaims(identity, authMode) }) };
};

/** extraTokenClaims hook: copies the means of authentication from the grant source onto the access token. */
export function authModeTokenClaim(ctx: KoaContextWithOIDC): { authMode: string } | undefined {
  const { AuthorizationCode, BackchannelAuthenticationRequest, RefreshToken } = ctx.oidc.entities;
  const source = AuthorizationCode ?? BackchannelAuthenticationRequest ?? RefreshToken;
  const authMode = authModeFromAmr(source?.amr);
  return authMode ? { authMode } : undefined;
}
