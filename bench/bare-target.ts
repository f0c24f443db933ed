import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import { systemClock } from '../server/clock';
import { migrateToLatest } from '../server/db/connection';
import { createServices } from '../server/services/index';
import { seedOrderWorld, type Target } from './order-world';
import { benchConfig, kyselyOver, openRaw } from './sqlite';
import { insertOfficines } from './world';

interface BareOrder {
  sessionId: number;
  idempotencyKey: string;
  lines: { effecteurId: number; productId: number; vials: number }[];
}

/**
 * The floor the full stack is compared with: the same HTTP server library, the same schema,
 * pragmas and write transaction, and nothing else (no tRPC, no zod, no token lookup, no rules,
 * no audit event). Tokens resolve through an in-memory map only so each request still names its officine.
 */
export async function startBareTarget(dir: string, officineCount: number): Promise<Target> {
  const path = join(dir, 'bare.db');
  const config = benchConfig(path);
  const sqlite = openRaw(path);
  const db = kyselyOver(sqlite);
  await migrateToLatest(db);
  const world = await seedOrderWorld((n, types, at) => insertOfficines(sqlite, n, types, at), createServices({ db, config, clock: systemClock }), officineCount);

  const principals = new Map<string, { officineId: number; pharmacistId: number }>();
  const clients = world.officines.map((o) => {
    const token = `vop_${randomBytes(32).toString('base64url')}`;
    principals.set(token, { officineId: o.officineId, pharmacistId: o.pharmacistId });
    return { authorization: `Bearer ${token}`, linesJson: world.linesJson(o) };
  });

  const insertOrder = sqlite.prepare(
    `insert into orders (session_id, officine_id, status, version, idempotency_key, submitted_at, updated_at, pharmacist_id)
     values (?, ?, 'submitted', 1, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare('insert into order_lines (order_id, effecteur_id, product_id, vials) values (?, ?, ?, ?)');
  const submit = sqlite.transaction((who: { officineId: number; pharmacistId: number }, order: BareOrder): number => {
    const at = new Date().toISOString();
    const orderId = Number(insertOrder.run(order.sessionId, who.officineId, order.idempotencyKey, at, at, who.pharmacistId).lastInsertRowid);
    for (const l of order.lines) insertLine.run(orderId, l.effecteurId, l.productId, l.vials);
    return orderId;
  });

  const app = Fastify({ logger: false, bodyLimit: config.bodyLimitBytes });
  app.post('/trpc/orders.create', (request, reply) => {
    const who = principals.get(request.headers.authorization?.slice('Bearer '.length) ?? '');
    if (!who) return reply.code(401).send({ error: 'unknown token' });
    // Trusting the body's shape is the point: this route measures what validation and rules cost by leaving them out.
    const id = submit(who, request.body as BareOrder);
    return reply.send({ result: { data: { id } } });
  });

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    name: 'bare',
    url,
    clients,
    openSessions: world.openSessions,
    beforeRun: () => undefined,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}
