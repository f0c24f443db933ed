import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import assert from 'node:assert/strict';
import { buildApp } from '../app';
import type { AppRouter } from '../api/router';
import { loadConfig, type AppConfig } from '../config';
import { migrateToLatest, openSqlite } from '../db/connection';
import type { Db } from '../db/schema';
import type { Services } from '../services/index';
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

export interface TestServer {
  url: string;
  config: AppConfig;
  db: Db;
  services: Services;
  clock: TestClock;
  world: WorldFixture;
  logs: () => string;
  admin: Client;
  pharmacy: [Client, Client];
  anonymous: Client;
  close: () => Promise<void>;
}

/** The real server on a random port, over a fresh SQLite file, with the small test world. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vaccins-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dir, 'test.db')}`,
    LOG_LEVEL: 'info',
    TOKEN_IDLE_MINUTES: '1440',
    TOKEN_MAX_HOURS: '720',
    PORT: '0',
    ...env,
  });
  const { db, close } = openSqlite(config.database.path);
  await migrateToLatest(db);
  const clock = new TestClock();
  const logStream = new PassThrough();
  let logText = '';
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const { app, services } = await buildApp({ config, db, clock, logStream });
  const world = await createWorld(db, services, clock.now());
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    config,
    db,
    services,
    clock,
    world,
    logs: () => logText,
    admin: clientFor(address, world.adminToken),
    pharmacy: [clientFor(address, world.officines[0].token), clientFor(address, world.officines[1].token)],
    anonymous: clientFor(address),
    close: async () => {
      await app.close();
      await close();
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
