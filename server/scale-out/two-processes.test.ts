/**
 * Two server processes on one PostgreSQL database, as a national deployment runs them
 * behind a load balancer: nothing that matters may live in one process's memory.
 * Runs with `npm run test:pg` (TEST_DATABASE=postgres).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TRPCClientError } from '@trpc/client';
import { sql } from 'kysely';
import { loadConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/connection';
import { countRows } from '../test-support/count-rows';
import { findOrderOfOfficine, listLines } from '../repositories/orders-repository';
import { createServices } from '../services/index';
import { rateRules } from '../services/rate-limiter';
import { createCustomers, openSessions, type Customer } from '../test-support/customers';
import { rawCall } from '../test-support/raw-http';
import { startServerProcess, type ServerProcess } from '../test-support/server-process';
import { createTestDatabase } from '../test-support/test-database';
import { clientFor, newKey, rejectsWith } from '../test-support/test-server';

const appCodeOf = (reason: unknown): string | undefined => (reason instanceof TRPCClientError ? (reason.data as { appCode?: string }).appCode : undefined);

describe('two server processes on one PostgreSQL database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaccins-two-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let opened: ReturnType<typeof openDatabase>;
  let a: ServerProcess;
  let b: ServerProcess;
  let customers: Customer[];
  let sessions: number[];
  let adminToken: string;

  before(async () => {
    database = await createTestDatabase(dir);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    opened = openDatabase(config.database);
    await migrateToLatest(opened.db);
    const services = createServices({ db: opened.db, config, clock: { now: () => new Date() } });
    const open = await openSessions(services, 3);
    sessions = open.sessionIds;
    customers = await createCustomers(opened.db, services, open.productId, 60, 20);
    adminToken = (await services.auth.issueAdminToken('tests')).token;
    // The e-mail fallback opened on purpose, to check its rate limit across processes.
    const env = { DATABASE_URL: database.url, EMAIL_LOGIN: 'always' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });

  after(async () => {
    for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
    await opened.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an order created through one process is read and changed through the other; a stale update is refused', async () => {
    const c = customers[0];
    assert.ok(c);
    const viaA = clientFor(a.url, c.token);
    const viaB = clientFor(b.url, c.token);
    const created = await viaA.orders.create.mutate({ sessionId: sessions[0] ?? 0, idempotencyKey: newKey(), lines: c.lines });
    assert.deepEqual((await viaB.orders.get.query({ id: created.id })).lines, c.lines);
    const changed = await viaB.orders.update.mutate({ id: created.id, version: 1, lines: c.lines.slice(0, 3) });
    assert.equal(changed.version, 2);
    await rejectsWith(viaA.orders.update.mutate({ id: created.id, version: 1, lines: c.lines }), 'ORDER_VERSION_CONFLICT', 409);
    assert.deepEqual((await viaA.orders.get.query({ id: created.id })).lines, c.lines.slice(0, 3));
  });

  test('50 parallel updates of one order from both processes: one winner per version, no lost line', async () => {
    const c = customers[1];
    assert.ok(c);
    const clients = [clientFor(a.url, c.token), clientFor(b.url, c.token)];
    const order = await clients[0]!.orders.create.mutate({ sessionId: sessions[0] ?? 0, idempotencyKey: newKey(), lines: c.lines });
    let version = order.version;
    for (let round = 0; round < 5; round++) {
      // Ten writers race on the same version, each with its own lines.
      const attempts: Customer['lines'][] = Array.from({ length: 10 }, (_, i) => c.lines.slice(0, 1 + ((round * 10 + i) % c.lines.length)));
      const results = await Promise.allSettled(attempts.map((lines, i) => clients[i % 2]!.orders.update.mutate({ id: order.id, version, lines })));
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(winners.length, 1, `round ${round}: exactly one winner for version ${version}`);
      assert.ok(results.every((r) => r.status === 'fulfilled' || appCodeOf(r.reason) === 'ORDER_VERSION_CONFLICT'), 'the others are conflicts');
      const stored = await listLines(opened.db, order.id);
      assert.deepEqual(stored, attempts[winners[0] ?? 0], 'the stored lines are exactly the winner’s');
      version += 1;
    }
  });

  test('closing and allocating the same session from both processes at once allocates once', async () => {
    const sessionId = sessions[1] ?? 0;
    for (const c of customers.slice(2, 12)) {
      await clientFor(a.url, c.token).orders.create.mutate({ sessionId, idempotencyKey: newKey(), lines: c.lines });
    }
    const results = await Promise.allSettled(
      [a, b].map((p) => clientFor(p.url, adminToken).admin.sessions.closeAndAllocate.mutate({ sessionId, closeNow: true })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    assert.equal(appCodeOf(rejected?.status === 'rejected' ? rejected.reason : null), 'SESSION_ALREADY_ALLOCATED');
    assert.equal(await countRows(opened.db, 'allocations'), 10 * 20, 'one allocation row per line, written once');
  });

  test('the e-mail rate limit holds across both processes', async () => {
    const email = 'o50@example.org';
    for (let i = 0; i < rateRules.emailPasswordPerEmail.max; i++) {
      await clientFor(i % 2 === 0 ? a.url : b.url).auth.requestEmailPassword.mutate({ email });
    }
    await rejectsWith(clientFor(b.url).auth.requestEmailPassword.mutate({ email }), 'RATE_LIMITED', 429);
    await rejectsWith(clientFor(a.url).auth.requestEmailPassword.mutate({ email }), 'RATE_LIMITED', 429);
  });

  test('a PostgreSQL restart ending every connection does not take the processes down', async () => {
    const name = new URL(database.url).pathname.slice(1);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`.execute(opened.db);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const p of [a, b]) {
      assert.equal(p.child.exitCode, null, 'still running');
      assert.equal((await clientFor(p.url).health.query()).database, 'ok', 'reconnects on the next query');
    }
  });

  test('killing one process mid-burst loses no acknowledged order; the other keeps serving', async () => {
    const sessionId = sessions[2] ?? 0;
    const burst = customers.slice(12, 60);
    const acknowledged = new Map<number, number>();
    let killed = false;
    const queue = [...burst];
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          // Half the clients talk to the process that dies; they retry on the survivor, as a load balancer would.
          const first = worker % 2 === 0 && !killed ? a : b;
          for (const target of [first, b]) {
            try {
              const answer = await rawCall(target.url, 'orders.create', 'mutation', { token: c.token, input: { sessionId, idempotencyKey: `burst-${c.officineId}`, lines: c.lines } });
              if (answer.status === 200) {
                acknowledged.set(c.officineId, (answer.body as { result: { data: { id: number } } }).result.data.id);
                break;
              }
            } catch {
              // The connection died with the process: retried on the other one with the same idempotency key.
            }
          }
          if (!killed && acknowledged.size >= burst.length / 3) {
            killed = true;
            a.child.kill('SIGKILL');
          }
        }
      }),
    );
    await a.exited;
    assert.ok(killed);
    assert.equal(acknowledged.size, burst.length, 'every order was acknowledged by one process or the other');
    for (const c of burst) {
      const order = await findOrderOfOfficine(opened.db, sessionId, c.officineId);
      assert.equal(order?.id, acknowledged.get(c.officineId), `order of officine ${c.officineId}`);
      assert.deepEqual(await listLines(opened.db, order?.id ?? 0), c.lines, 'whole');
    }
  });
});
