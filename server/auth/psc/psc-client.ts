import * as oidc from 'openid-client';
import { AppError } from '../../errors';
import type { PscUserinfo } from './eligibility';

export interface PscSettings {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Plain http is only allowed for the local development stand-in. */
  allowInsecure: boolean;
  timeoutSeconds: number;
}

export const pscScope = 'openid scope_all';
export const pscAcr = 'eidas1';

export type CibaPoll =
  | { status: 'pending'; slowDown: boolean }
  | { status: 'denied' }
  | { status: 'expired' }
  | { status: 'approved'; userinfo: PscUserinfo };

/** The relying party side of Pro Santé Connect: discovery, code flow, userinfo and CIBA. */
export class PscClient {
  private config: Promise<oidc.Configuration> | null = null;

  constructor(private readonly settings: PscSettings) {}

  /** Discovery is cached once it succeeds; a failure is retried on the next call. */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.config) {
      const { discoveryUrl, clientId, clientSecret, allowInsecure, timeoutSeconds } = this.settings;
      this.config = oidc
        .discovery(new URL(discoveryUrl), clientId, { client_secret: clientSecret }, oidc.ClientSecretBasic(clientSecret), {
          timeout: timeoutSeconds,
          ...(allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .then((config) => {
          config.timeout = timeoutSeconds;
          return config;
        })
        .catch((error: unknown) => {
          this.config = null;
          throw new AppError('PSC_UNAVAILABLE', {}, null, error);
        });
    }
    return this.config;
  }

  /** Whether PSC answers its discovery document now (for health and the e-mail fallback). */
  async probe(): Promise<boolean> {
    try {
      const response = await fetch(this.settings.discoveryUrl, { signal: AbortSignal.timeout(this.settings.timeoutSeconds * 1000) });
      return response.ok && typeof ((await response.json()) as { issuer?: unknown }).issuer === 'string';
    } catch {
      return false;
    }
  }

  async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const config = await this.configuration();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: pscScope,
      acr_values: pscAcr,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Finishes the redirect flow: code for tokens (state, nonce, PKCE and id_token checked), then userinfo. */
  async finishLogin(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<PscUserinfo> {
    const config = await this.configuration();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') throw new AppError('PSC_CANCELLED', {}, null, error);
      if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') throw new AppError('PSC_CODE_EXPIRED', {}, null, error);
      if (error instanceof oidc.ClientError || error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError) {
        throw new AppError('PSC_LOGIN_FAILED', {}, null, error);
      }
      throw new AppError('PSC_UNAVAILABLE', {}, null, error);
    }
    return this.userinfo(config, tokens);
  }

  async startCiba(idNat: string, bindingMessage: string): Promise<{ authReqId: string; expiresIn: number; interval: number }> {
    const config = await this.configuration();
    try {
      const response = await oidc.initiateBackchannelAuthentication(config, {
        scope: pscScope,
        login_hint: idNat,
        binding_message: bindingMessage,
        acr_values: pscAcr,
      });
      return { authReqId: response.auth_req_id, expiresIn: response.expires_in, interval: response.interval ?? 5 };
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError && ['unknown_user_id', 'invalid_request'].includes(error.error)) throw new AppError('CIBA_UNKNOWN_USER', {}, null, error);
      throw new AppError('PSC_UNAVAILABLE', {}, null, error);
    }
  }

  /** One poll of PSC's token endpoint; the server paces these at PSC's interval. */
  async pollCiba(authReqId: string): Promise<CibaPoll> {
    const config = await this.configuration();
    try {
      const tokens = await oidc.genericGrantRequest(config, 'urn:openid:params:grant-type:ciba', { auth_req_id: authReqId });
      return { status: 'approved', userinfo: await this.userinfo(config, tokens) };
    } catch (error) {
      if (error instanceof oidc.ResponseBodyError) {
        if (error.error === 'authorization_pending') return { status: 'pending', slowDown: false };
        if (error.error === 'slow_down') return { status: 'pending', slowDown: true };
        if (error.error === 'access_denied') return { status: 'denied' };
        if (error.error === 'expired_token') return { status: 'expired' };
      }
      if (error instanceof AppError) throw error;
      throw new AppError('PSC_UNAVAILABLE', {}, null, error);
    }
  }

  private async userinfo(config: oidc.Configuration, tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Promise<PscUserinfo> {
    const claims = tokens.claims();
    if (!claims) throw new AppError('PSC_LOGIN_FAILED');
    if (claims.acr !== pscAcr) throw new AppError('PSC_ACR_TOO_LOW');
    try {
      // openid-client accepts userinfo as JSON or as a signed JWT (application/jwt).
      return (await oidc.fetchUserInfo(config, tokens.access_token, claims.sub));
    } catch (error) {
      throw new AppError('PSC_UNAVAILABLE', {}, null, error);
    }
  }
}
