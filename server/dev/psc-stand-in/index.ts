import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { approveCiba, denyCiba } from './ciba-decisions';
import { PendingCibaRequests, type PendingCiba } from './pending-ciba';
import { buildProviderConfiguration, type StandInClient } from './provider-configuration';
import { createRequestRouter, walletDiscoveryPath } from './request-router';
import { generateCookieKeys, generateSigningKey } from './signing-keys';

export { testIdentities, findTestIdentity, type TestIdentity, type ProfessionCode } from './test-identities';
export type { AuthMode, PscActivity, PscExercice, PscSubjectRefPro, PscOtherId } from './psc-userinfo-shape';
export type { PscUserinfoClaims } from './userinfo-claims';
export type { PendingCiba, StandInClient };

export interface PscStandInOptions {
  /** Default 127.0.0.1; also the issuer's host, except that 0.0.0.0 and :: give 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  clients: StandInClient[];
}

export interface PscStandIn {
  /** Root URL, e.g. http://127.0.0.1:4000 */
  issuer: string;
  /** PSC's non-standard discovery name; `${issuer}/.well-known/openid-configuration` answers the same. */
  discoveryUrl: string;
  /** Pending e-CPS push (CIBA) requests, for the "phone" page and for tests. */
  pendingCiba(): PendingCiba[];
  approveCiba(authReqId: string): Promise<void>;
  denyCiba(authReqId: string): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets from fetch clients would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/** A Pro Santé Connect look-alike for development and tests; never expose it beyond the developer's machine. */
export async function startPscStandIn(options: PscStandInOptions): Promise<PscStandIn> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  // The issuer has to contain the real port, so the provider is built only once the port is known.
  const { port } = await listen(server, options.port ?? 0, host);
  // A wildcard bind (containers) is still reached as 127.0.0.1 from both the browser and the app.
  const issuerHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const issuer = `http://${issuerHost.includes(':') ? `[${issuerHost}]` : issuerHost}:${port}`;

  const pending = new PendingCibaRequests();
  const provider = new Provider(
    issuer,
    buildProviderConfiguration({
      clients: options.clients,
      pendingCiba: pending,
      signingKey: generateSigningKey(),
      cookieKeys: generateCookieKeys(),
    }),
  );
  const phone = {
    pending: () => pending.list(),
    approve: (authReqId: string) => approveCiba(provider, pending, authReqId),
    deny: (authReqId: string) => denyCiba(provider, pending, authReqId),
  };
  server.on('request', createRequestRouter(provider, phone));

  return {
    issuer,
    discoveryUrl: issuer + walletDiscoveryPath,
    pendingCiba: phone.pending,
    approveCiba: phone.approve,
    denyCiba: phone.deny,
    close: () => close(server),
  };
}
