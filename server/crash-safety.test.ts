import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from './config';
import { migrateToLatest, openSqlite } from './db/connection';
import { listLines, findOrderOfOfficine } from './repositories/orders-repository';
import { createServices } from './services/index';
import { rawCall } from './test-support/raw-http';
import { createCustomers, openSessions, type Customer } from './test-support/customers';
import { startServerProcess } from './test-support/server-process';

const officineCount = 120;
const linesPerOrder = 50;

async function prepare(dbPath: string): Promise<{ sessionId: number; customers: Customer[] }> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: 'silent' });
  const { db, close } = openSqlite(dbPath);
  await migrateToLatest(db);
  const services = createServices({ db, config, clock: { now: () => new Date() } });
  const { productId, sessionIds } = await openSessions(services);
  const customers = await createCustomers(db, services, productId, officineCount, linesPerOrder);
  await close();
  return { sessionId: sessionIds[0] ?? 0, customers };
}

const startServer = (dbPath: string) => startServerProcess({ DATABASE_URL: `sqlite:${dbPath}` });

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaccins-crash-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('kill -9 during a burst of orders: every acknowledged order is there, whole; nothing is half-written', async () => {
    const dbPath = join(dir, 'crash.db');
    const { sessionId, customers } = await prepare(dbPath);
    const { child, url, exited } = await startServer(dbPath);
    const acknowledged = new Map<number, number>();
    let killed = false;
    const send = async (c: Customer): Promise<void> => {
      try {
        const answer = await rawCall(url, 'orders.create', 'mutation', {
          token: c.token,
          input: { sessionId, idempotencyKey: `crash-${c.officineId}`, lines: c.lines },
        });
        if (answer.status === 200) acknowledged.set(c.officineId, (answer.body as { result: { data: { id: number } } }).result.data.id);
      } catch {
        // The connection died with the server: this order was never acknowledged.
      }
      if (!killed && acknowledged.size >= officineCount / 3) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    // Eight clients in parallel keep writes in flight when the process dies.
    const queue = [...customers];
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await send(c);
    }));
    await exited;
    assert.ok(killed, 'the server was killed mid-burst');
    assert.ok(acknowledged.size >= officineCount / 3 && acknowledged.size < officineCount, `acknowledged ${acknowledged.size}`);

    const { db, close } = openSqlite(dbPath);
    try {
      for (const c of customers) {
        const order = await findOrderOfOfficine(db, sessionId, c.officineId);
        const ackId = acknowledged.get(c.officineId);
        if (ackId !== undefined) assert.equal(order?.id, ackId, `acknowledged order of officine ${c.officineId} is missing`);
        if (order) assert.deepEqual(await listLines(db, order.id), c.lines, `order ${order.id} is not whole`);
      }
    } finally {
      await close();
    }
    // The restarted server answers with the stored orders.
    const restarted = await startServer(dbPath);
    try {
      const [first] = [...acknowledged.keys()];
      const customer = customers.find((c) => c.officineId === first);
      assert.ok(customer);
      const replay = await rawCall(restarted.url, 'orders.create', 'mutation', {
        token: customer.token,
        input: { sessionId, idempotencyKey: `crash-${customer.officineId}`, lines: customer.lines },
      });
      assert.equal(replay.status, 200);
      assert.equal((replay.body as { result: { data: { id: number } } }).result.data.id, acknowledged.get(customer.officineId));
    } finally {
      restarted.child.kill('SIGTERM');
    }
  });
});
