import { errors, type ClientMetadata, type Configuration, type JWK } from 'oidc-provider';
import { accountIdFor, authModeTokenClaim, findAccount } from './accounts';
import { interactionPath } from './login-page';
import type { PendingCibaRequests } from './pending-ciba';
import { logoutSource, postLogoutSuccessSource, renderError } from './provider-pages';
import { createMemoryAdapter } from './memory-adapter';
import { findTestIdentity } from './test-identities';
import { scopeAllClaims } from './userinfo-claims';

export const pscAcr = 'eidas1';
export const grantedScope = 'openid scope_all';
export const cibaGrantType = 'urn:openid:params:grant-type:ciba';

// Lifetimes from psc.md §2: access token 2 min, refresh token 30 min, session 4 h.
const accessTokenTtl = 120;
const cibaRequestTtl = 120;

/** Keycloak's paths under the issuer, so logs and discovery look like PSC's. */
const pscRoutes = {
  authorization: '/auth',
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  jwks: '/protocol/openid-connect/certs',
  end_session: '/protocol/openid-connect/logout',
  backchannel_authentication: '/protocol/openid-connect/ext/ciba/auth',
  pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
};

export interface StandInClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  userinfoSigned?: boolean;
}

function clientMetadata(client: StandInClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token', cibaGrantType],
    token_endpoint_auth_method: 'client_secret_basic',
    backchannel_token_delivery_mode: 'poll',
    id_token_signed_response_alg: 'RS256',
    ...(client.userinfoSigned ? { userinfo_signed_response_alg: 'RS256' } : {}),
  };
}

// PSC's ANS example sends a two-digit number; anything printable up to 20 characters is accepted
// so a relying party's own format is not rejected here and then accepted by PSC, or the reverse.
const printableBindingMessage = /^[^\p{C}]{1,20}$/u;

export function buildProviderConfiguration(input: {
  clients: StandInClient[];
  pendingCiba: PendingCibaRequests;
  signingKey: JWK;
  cookieKeys: string[];
}): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: input.clients.map(clientMetadata),
    jwks: { keys: [input.signingKey] },
    // Cookies ignore ports: on 127.0.0.1 the relying party and the stand-in share a cookie jar, so
    // the provider's generic names (_session, _interaction) could collide with the app's own.
    cookies: {
      keys: input.cookieKeys,
      names: { session: 'psc_stand_in_session', interaction: 'psc_stand_in_interaction', resume: 'psc_stand_in_resume' },
    },
    routes: pscRoutes,
    scopes: ['openid', 'scope_all'],
    // Keycloak puts acr and auth_time in every id_token, asked for or not; listing them under openid
    // does that here, where oidc-provider would otherwise add acr only when acr_values was sent.
    claims: { openid: ['sub', 'acr', 'auth_time'], scope_all: [...scopeAllClaims], amr: null, sid: null, iss: null },
    acrValues: [pscAcr],
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic'],
    pkce: { required: () => true },
    // PSC's custom CIBA parameter (CARD or MOBILE); unknown parameters would otherwise be dropped.
    extraParams: ['channel'],
    findAccount,
    extraTokenClaims: (ctx) => authModeTokenClaim(ctx),
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    clientBasedCORS: () => false,
    renderError,
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: accessTokenTtl,
      RefreshToken: 30 * 60,
      BackchannelAuthenticationRequest: (ctx) => {
        const requested = Number(ctx.oidc.params?.requested_expiry);
        return Number.isSafeInteger(requested) && requested > 0 ? Math.min(requested, cibaRequestTtl) : cibaRequestTtl;
      },
      Interaction: 10 * 60,
      Session: 4 * 60 * 60,
      Grant: 4 * 60 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      // PSC advertises no DPoP; a relying party must not come to depend on it here.
      dPoP: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      ciba: {
        enabled: true,
        deliveryModes: ['poll'],
        processLoginHint: (_ctx, loginHint) => {
          const identity = loginHint ? findTestIdentity(loginHint) : undefined;
          // undefined makes oidc-provider answer unknown_user_id, as PSC does for an unknown idNat.
          return identity ? accountIdFor(identity) : undefined;
        },
        processLoginHintToken: () => {
          throw new errors.InvalidRequest('login_hint_token is not supported: send the idNat as login_hint');
        },
        validateBindingMessage: (_ctx, bindingMessage) => {
          if (bindingMessage !== undefined && !printableBindingMessage.test(bindingMessage)) {
            throw new errors.InvalidBindingMessage('binding_message must be 1 to 20 printable characters');
          }
        },
        validateRequestContext: () => undefined,
        verifyUserCode: () => undefined,
        triggerAuthenticationDevice: (_ctx, request) => {
          input.pendingCiba.record(request);
        },
      },
    },
  };
}
