import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { systemClock } from '../server/clock';
import { loadConfig } from '../server/config';
import { migrateToLatest, openPostgres, type OpenedDatabase } from '../server/db/connection';
import { createServices } from '../server/services/index';
import { startFullTarget } from './full-target';
import { seedOrderWorld, type LoadClient, type OrderWorld } from './order-world';
import { createBenchDatabase, type BenchDatabase } from './pg';
import { insertOfficinesPg } from './pg-world';
import { startServerProcess, type ServerProcess } from './server-process';

export type ScaleTargetName = 'sqlite-1' | 'pg-1' | 'pg-2' | 'pg-raw';

/** One server set-up under test, behind one or more URLs. */
export interface ScaleTarget {
  name: ScaleTargetName;
  urls: string[];
  clients: LoadClient[];
  openSessions: (count: number) => Promise<number[]>;
  /** Puts every officine in the state it has just before it submits (see full-target.ts). */
  beforeRun: () => Promise<void>;
  /** The processes whose CPU is the server's. */
  serverPids: number[];
  close: () => Promise<void>;
}

/**
 * The pool each server process opens: server/main.ts calls openPostgres without a size, so
 * its default. The raw route gets as many connections, so both may run as many transactions at once.
 */
export const serverPoolSize = 10;
/** The bench's own connections to a database (sessions, tokens): small, it is idle during runs. */
const setupPoolSize = 2;

/** The full stack on SQLite in the bench process, as in the orders section (bench/full-target.ts). */
export async function startSqliteTarget(dir: string, officineCount: number): Promise<ScaleTarget> {
  const full = await startFullTarget(dir, officineCount);
  return {
    name: 'sqlite-1',
    urls: [full.url],
    clients: full.clients,
    openSessions: full.openSessions,
    beforeRun: () => Promise.resolve(full.beforeRun()),
    serverPids: [process.pid],
    close: full.close,
  };
}

interface SeededDatabase {
  database: BenchDatabase;
  opened: OpenedDatabase;
  world: OrderWorld;
}

/** A fresh database with the schema, the bench's officines, products and session rules; not timed. */
async function seedDatabase(adminUrl: string, label: string, officineCount: number): Promise<SeededDatabase> {
  const database = await createBenchDatabase(adminUrl, label);
  let opened: OpenedDatabase | undefined;
  try {
    opened = openPostgres(database.url, setupPoolSize);
    const db = opened.db;
    await migrateToLatest(db);
    const services = createServices({ db, config: pgConfig(database.url), clock: systemClock });
    const world = await seedOrderWorld((n, types, at) => insertOfficinesPg(db, n, types, at), services, officineCount);
    return { database, opened, world };
  } catch (error) {
    await opened?.close();
    await database.drop();
    throw error;
  }
}

function pgConfig(url: string) {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, SEED_DEMO: 'false' });
}

/**
 * The full stack on PostgreSQL: `processes` child processes running server/main.ts, all on
 * the same fresh database. Tokens are issued by AuthService, as for the SQLite full stack.
 */
export async function startPgStackTarget(name: 'pg-1' | 'pg-2', processes: number, adminUrl: string, officineCount: number): Promise<ScaleTarget> {
  const { database, opened, world } = await seedDatabase(adminUrl, name, officineCount);
  const servers: ServerProcess[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await opened.close();
    await database.drop();
  };
  try {
    const config = pgConfig(database.url);
    const tokens = await opened.db.transaction().execute(async (trx) => {
      const { auth } = createServices({ db: trx, config, clock: systemClock });
      const issued: string[] = [];
      for (const o of world.officines) issued.push((await auth.issuePharmacistToken(o.pharmacistId, o.officineId, 'dev')).token);
      return issued;
    });
    // One after the other: each start-up compiles the server through tsx, which is CPU-bound.
    for (let i = 0; i < processes; i++) servers.push(await startServerProcess(database.url));
    return {
      name,
      urls: servers.map((s) => s.url),
      clients: world.officines.map((o, i) => ({ authorization: `Bearer ${tokens[i] ?? ''}`, linesJson: world.linesJson(o) })),
      openSessions: world.openSessions,
      // As on SQLite: a submission right after loading the order form finds its token fresh.
      beforeRun: async () => {
        await opened.db.updateTable('auth_tokens').set({ last_used_at: new Date().toISOString() }).execute();
      },
      serverPids: servers.map((s) => s.pid),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface RawOrder {
  sessionId: number;
  idempotencyKey: string;
  lines: { effecteurId: number; productId: number; vials: number }[];
}

/** `insert into order_lines … values ($1, $2, $3, $4), ($1, $5, $6, $7), …`: one statement per order. */
function linesStatement(count: number): string {
  const rows = Array.from({ length: count }, (_, k) => `($1, $${2 + 3 * k}, $${3 + 3 * k}, $${4 + 3 * k})`);
  return `insert into order_lines (order_id, effecteur_id, product_id, vials) values ${rows.join(', ')}`;
}

/**
 * The limit on PostgreSQL: a bare Fastify route in the bench process running the same write
 * (one `orders` row, 50 `order_lines` rows) with `pg` directly: one pooled client,
 * BEGIN, INSERT … RETURNING id, one multi-row INSERT, COMMIT, as named (prepared) statements.
 * No tRPC, no zod, no token lookup, no rules, no audit event; tokens resolve from an in-memory map.
 */
export async function startPgRawTarget(adminUrl: string, officineCount: number): Promise<ScaleTarget> {
  const { database, opened, world } = await seedDatabase(adminUrl, 'pg-raw', officineCount);
  const pool = new pg.Pool({ connectionString: database.url, max: serverPoolSize });
  // An idle client's error (its backend terminated) is re-emitted by the pool; without a listener it would end the bench.
  pool.on('error', () => undefined);
  const app = Fastify({ logger: false, bodyLimit: pgConfig(database.url).bodyLimitBytes });
  const close = async () => {
    await app.close();
    await pool.end();
    await opened.close();
    await database.drop();
  };
  try {
    const principals = new Map<string, { officineId: number; pharmacistId: number }>();
    const clients = world.officines.map((o) => {
      const token = `vop_${randomBytes(32).toString('base64url')}`;
      principals.set(token, { officineId: o.officineId, pharmacistId: o.pharmacistId });
      return { authorization: `Bearer ${token}`, linesJson: world.linesJson(o) };
    });
    const insertOrder = `insert into orders (session_id, officine_id, status, version, idempotency_key, submitted_at, updated_at, pharmacist_id)
       values ($1, $2, 'submitted', 1, $3, $4, $4, $5) returning id`;
    const linesSql = new Map<number, string>();

    const submit = async (who: { officineId: number; pharmacistId: number }, order: RawOrder): Promise<number> => {
      const at = new Date().toISOString();
      const n = order.lines.length;
      let text = linesSql.get(n);
      if (text === undefined) linesSql.set(n, (text = linesStatement(n)));
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { rows } = await client.query<{ id: number }>({
          name: 'bench-order',
          text: insertOrder,
          values: [order.sessionId, who.officineId, order.idempotencyKey, at, who.pharmacistId],
        });
        const orderId = rows[0]?.id;
        if (orderId === undefined) throw new Error('insert into orders returned no id');
        const values: number[] = [orderId];
        for (const l of order.lines) values.push(l.effecteurId, l.productId, l.vials);
        await client.query({ name: `bench-lines-${n}`, text, values });
        await client.query('commit');
        return orderId;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };

    app.post('/trpc/orders.create', async (request, reply) => {
      const who = principals.get(request.headers.authorization?.slice('Bearer '.length) ?? '');
      if (!who) return reply.code(401).send({ error: 'unknown token' });
      // Trusting the body's shape is the point: this route measures what the stack costs by leaving it out.
      const id = await submit(who, request.body as RawOrder);
      return reply.send({ result: { data: { id } } });
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      name: 'pg-raw',
      urls: [url],
      clients,
      openSessions: world.openSessions,
      beforeRun: () => Promise.resolve(),
      serverPids: [process.pid],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
