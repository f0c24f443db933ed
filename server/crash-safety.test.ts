import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from './config';
import { migrateToLatest, openSqlite } from './db/connection';
import { withLuhnKey } from './dev/identifiers';
import { insertEffecteurs, listEffecteursOfOfficine } from './repositories/effecteurs-repository';
import { insertOfficine } from './repositories/officines-repository';
import { insertPharmacist, linkPharmacistToOfficine } from './repositories/pharmacists-repository';
import { listLines, findOrderOfOfficine } from './repositories/orders-repository';
import { createServices } from './services/index';
import { rawCall } from './test-support/raw-http';

const officineCount = 120;
const linesPerOrder = 50;

interface Customer {
  officineId: number;
  token: string;
  lines: { effecteurId: number; productId: number; vials: number }[];
}

async function prepare(dbPath: string): Promise<{ sessionId: number; customers: Customer[] }> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: 'silent' });
  const { db, close } = openSqlite(dbPath);
  await migrateToLatest(db);
  const services = createServices({ db, config, clock: { now: () => new Date() } });
  const system = { kind: 'system' as const };
  const product = await services.products.upsert(
    { code: 'CRASH-TEST', label: 'Vaccin test', laboratory: 'Test', kind: 'vaccin', dosesPerVial: 6, vialsPerBox: 10, minVials: 1, boxOnly: false, allowedEffecteurTypes: ['medecin'], substituteProductId: null },
    system,
  );
  const now = Date.now();
  const session = await services.sessions.create(
    {
      label: 'Session crash',
      times: { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), confirmationAt: new Date(now + 7_200_000).toISOString() },
      products: [{ productId: product.id, stockVials: null, policy: 'proportional', minOnePerOfficine: false, caps: [] }],
    },
    system,
  );
  const at = new Date().toISOString();
  const customers: Customer[] = [];
  for (let i = 0; i < officineCount; i++) {
    const officineId = await insertOfficine(db, {
      finess: withLuhnKey(`93${String(i).padStart(6, '0')}`),
      name: `Officine ${i}`,
      address_line: '1 rue',
      postal_code: '93200',
      city: 'Saint-Denis',
      departement: '93',
      kind: 'officine',
      email: `o${i}@example.org`,
      created_at: at,
      updated_at: at,
    });
    const pharmacistId = await insertPharmacist(db, { idNat: `8${withLuhnKey(`10${String(i).padStart(8, '0')}`)}`, firstName: 'P', lastName: String(i), createdAt: at });
    await linkPharmacistToOfficine(db, pharmacistId, officineId, 'titulaire');
    await insertEffecteurs(
      db,
      Array.from({ length: linesPerOrder }, (_, n) => ({
        officine_id: officineId,
        type: 'medecin',
        name: `Dr ${n}`,
        rpps: withLuhnKey(`2${String(i).padStart(4, '0')}${String(n).padStart(5, '0')}`),
        finess: null,
        email: null,
        notify_by_email: 1,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    );
    const effecteurs = await listEffecteursOfOfficine(db, officineId);
    const { token } = await services.auth.issuePharmacistToken(pharmacistId, officineId, 'dev');
    customers.push({ officineId, token, lines: effecteurs.map((e, n) => ({ effecteurId: e.id, productId: product.id, vials: 1 + ((n + i) % 5) })) });
  }
  await close();
  return { sessionId: session.id, customers };
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: `sqlite:${dbPath}`, PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /prêt : (http:\/\/[\d.:]+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

describe('crash safety', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaccins-crash-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('kill -9 during a burst of orders: every acknowledged order is there, whole; nothing is half-written', async () => {
    const dbPath = join(dir, 'crash.db');
    const { sessionId, customers } = await prepare(dbPath);
    const { child, url } = await startServer(dbPath);
    const acknowledged = new Map<number, number>();
    let killed = false;
    const exited = new Promise((resolve) => child.once('exit', resolve));
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
