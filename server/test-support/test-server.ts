import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import assert from 'node:assert/strict';
import { buildApp } from '../app';
import type { AppRouter } from '../api/router';
import { loadConfig, type AppConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/connection';
import { createTestDatabase } from './test-database';
import type { Db } from '../db/schema';
import type { Services } from '../services/index';
import { PscClient } from '../auth/psc/psc-client';
import { startPscStandIn, type PscStandIn } from '../dev/psc-stand-in/index';
import { createWorld, type WorldFixture } from './fixtures';

/** A clock the test moves forward, so windows can close without waiting for them. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type Client = ReturnType<typeof clientFor>;

export function clientFor(url: string, token?: string, lang?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        headers: () => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}) }),
      }),
    ],
  });
}

/** The real server on a random port, before any data: what every kind of test server shares. */
export interface BareTestServer {
  url: string;
  config: AppConfig;
  db: Db;
  services: Services;
  clock: TestClock;
  standIn: PscStandIn | null;
  logs: () => string;
  anonymous: Client;
  close: () => Promise<void>;
}

export interface TestServer extends BareTestServer {
  world: WorldFixture;
  admin: Client;
  pharmacy: [Client, Client];
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Start the PSC stand-in and point the server at it; 'dead' points at a port nobody listens on. */
  psc?: 'stand-in' | 'dead';
}

/** The return URL tests log in to; allowed by the test configuration. */
export const testReturnUrl = 'http://client.example/return/';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real server on a random port, over a fresh SQLite file, with the small test world. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startBareTestServer(options);
  const world = await createWorld(server.db, server.services, server.clock.now());
  return {
    ...server,
    world,
    admin: clientFor(server.url, world.adminToken),
    pharmacy: [clientFor(server.url, world.officines[0].token), clientFor(server.url, world.officines[1].token)],
  };
}

/** The real server on a random port, over a fresh database, with no data yet. */
export async function startBareTestServer(options: TestServerOptions = {}): Promise<BareTestServer> {
  const env = options.env ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'vaccins-test-'));
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const database = await createTestDatabase(dir);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    TOKEN_IDLE_MINUTES: '1440',
    TOKEN_MAX_HOURS: '720',
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    AUTH_RETURN_URLS: `${testReturnUrl},https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/`,
    PSC_STAND_IN: 'false',
    ...env,
  });
  let standIn: PscStandIn | null = null;
  let psc: PscClient | null = null;
  if (options.psc) {
    let discoveryUrl = `http://127.0.0.1:${await freePort()}/.well-known/wallet-openid-configuration`;
    if (options.psc === 'stand-in') {
      standIn = await startPscStandIn({
        port: 0,
        clients: [{ clientId: config.psc.clientId, clientSecret: config.psc.clientSecret, redirectUris: [`${publicUrl}/auth/psc/callback`] }],
      });
      discoveryUrl = standIn.discoveryUrl;
    }
    psc = new PscClient({
      discoveryUrl,
      clientId: config.psc.clientId,
      clientSecret: config.psc.clientSecret,
      redirectUri: `${publicUrl}/auth/psc/callback`,
      allowInsecure: true,
      timeoutSeconds: 2,
    });
  }
  const { db, close } = openDatabase(config.database);
  await migrateToLatest(db);
  const clock = new TestClock();
  const logStream = new PassThrough();
  let logText = '';
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const { app, services } = await buildApp({ config, db, clock, logStream, psc });
  await services.pscMonitor.check();
  const address = await app.listen({ host: '127.0.0.1', port });
  return {
    url: address,
    config,
    db,
    services,
    clock,
    logs: () => logText,
    anonymous: clientFor(address),
    standIn,
    close: async () => {
      await app.close();
      await standIn?.close();
      await close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface AppErrorData {
  appCode: string;
  httpStatus: number;
  details: unknown;
  fieldErrors: unknown;
}

/** Awaits a call that must fail with a catalogue code; returns the error's data for more checks. */
export async function rejectsWith(call: Promise<unknown>, appCode: string, httpStatus?: number): Promise<AppErrorData> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof TRPCClientError, `expected a TRPCClientError, got ${String(error)}`);
    const data = error.data as AppErrorData;
    assert.equal(data.appCode, appCode, `expected ${appCode}, got ${data.appCode} (${error.message})`);
    if (httpStatus !== undefined) assert.equal(data.httpStatus, httpStatus);
    return data;
  }
  assert.fail(`expected ${appCode}, but the call succeeded`);
}

export function newKey(): string {
  return `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
}
