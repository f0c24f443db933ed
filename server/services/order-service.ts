import { isOpenForOrders } from '../../shared/calendar/session-calendar';
import { formatParis } from '../../shared/calendar/paris-time';
import { checkOrderLines, type LineInput } from '../../shared/rules/order-lines';
import type { ZAuditEvent, ZOrder, ZOrderSummary } from '../../shared/schemas/orders';
import type { Db, OrderRow, SessionRow } from '../db/schema';
import { AppError } from '../errors';
import { insertAuditEvent, listAuditEvents } from '../repositories/audit-repository';
import * as orders from '../repositories/orders-repository';
import { findSessionById } from '../repositories/sessions-repository';
import type { ServiceDeps } from './deps';
import { loadEffecteurRules, loadSessionRules, type SessionRules, type SessionTimes } from './rules-context';
import { isUniqueViolation } from './unique-violation';

/** A pharmacist acting for one officine: the only scope any order operation has. */
export interface OrderActor {
  pharmacistId: number;
  officineId: number;
}

export class OrderService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: OrderActor, input: { sessionId: number; lines: LineInput[]; idempotencyKey: string }): Promise<ZOrder> {
    try {
      return await this.deps.db.transaction().execute((trx) => this.createIn(trx, actor, input));
    } catch (error) {
      // Two creates raced past the checks; the constraints decided. Answer as if we had been second.
      if (!isUniqueViolation(error)) throw error;
      const replay = await orders.findOrderByIdempotencyKey(this.deps.db, actor.officineId, input.idempotencyKey);
      if (replay && replay.session_id === input.sessionId) return this.toOrder(this.deps.db, replay);
      throw new AppError('ORDER_EXISTS');
    }
  }

  private async createIn(trx: Db, actor: OrderActor, input: { sessionId: number; lines: LineInput[]; idempotencyKey: string }): Promise<ZOrder> {
    // The replay and the officine's order in the session, in one statement; the checks keep their order.
    const { byKey: replay, ofSession: existing } = await orders.findOrdersForSubmission(trx, actor.officineId, input.idempotencyKey, input.sessionId);
    if (replay) {
      if (replay.session_id !== input.sessionId) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return this.toOrder(trx, replay);
    }
    const { session, rules } = await this.sessionRules(trx, input.sessionId);
    const at = this.assertOpen(session);
    const lines = await this.checkedLines(trx, rules, actor.officineId, input.lines);
    let orderId: number;
    let before: unknown = null;
    if (existing && existing.status !== 'cancelled') {
      throw new AppError('ORDER_EXISTS', {}, { orderId: existing.id, version: existing.version });
    } else if (existing) {
      // A cancelled order comes back to life: one row per officine and session, a new submission time.
      before = { status: existing.status, version: existing.version, lines: await orders.listLines(trx, existing.id) };
      const moved = await orders.bumpOrderVersion(trx, existing.id, existing.version, {
        status: 'submitted',
        at,
        submittedAt: at,
        idempotencyKey: input.idempotencyKey,
        pharmacistId: actor.pharmacistId,
      });
      if (!moved) throw new AppError('ORDER_VERSION_CONFLICT', { current: existing.version + 1 }, { currentVersion: existing.version + 1 });
      await orders.deleteLines(trx, existing.id);
      orderId = existing.id;
    } else {
      orderId = await orders.insertOrder(trx, {
        sessionId: input.sessionId,
        officineId: actor.officineId,
        idempotencyKey: input.idempotencyKey,
        at,
        pharmacistId: actor.pharmacistId,
      });
    }
    await orders.insertLines(trx, orderId, lines);
    // Built from what was just written rather than read back: one order is many statements already.
    const order: ZOrder = {
      id: orderId,
      sessionId: input.sessionId,
      officineId: actor.officineId,
      status: 'submitted',
      version: existing ? existing.version + 1 : 1,
      submittedAt: at,
      updatedAt: at,
      lines,
    };
    await this.audit(trx, actor, order, 'create', before, { status: order.status, version: order.version, lines: order.lines });
    return order;
  }

  async update(actor: OrderActor, input: { id: number; version: number; lines: LineInput[] }): Promise<ZOrder> {
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await this.owned(trx, actor, input.id);
      const { session, rules } = await this.sessionRules(trx, row.session_id);
      const at = this.assertOpen(session);
      if (row.status === 'cancelled') throw new AppError('ORDER_CANCELLED');
      if (row.version !== input.version) throw new AppError('ORDER_VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
      const lines = await this.checkedLines(trx, rules, actor.officineId, input.lines);
      const before = await orders.listLines(trx, row.id);
      const moved = await orders.bumpOrderVersion(trx, row.id, input.version, { status: 'submitted', at, pharmacistId: actor.pharmacistId });
      if (!moved) throw new AppError('ORDER_VERSION_CONFLICT', { current: row.version + 1 }, { currentVersion: row.version + 1 });
      await orders.deleteLines(trx, row.id);
      await orders.insertLines(trx, row.id, lines);
      const order: ZOrder = { ...this.toSummary(row), version: input.version + 1, updatedAt: at, lines };
      await this.audit(trx, actor, order, 'update', { version: row.version, lines: before }, { version: order.version, lines: order.lines });
      return order;
    });
  }

  async cancel(actor: OrderActor, input: { id: number; version: number }): Promise<ZOrder> {
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await this.owned(trx, actor, input.id);
      const at = this.assertOpen(await this.session(trx, row.session_id));
      if (row.status === 'cancelled') throw new AppError('ORDER_CANCELLED');
      if (row.version !== input.version) throw new AppError('ORDER_VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
      const moved = await orders.bumpOrderVersion(trx, row.id, input.version, { status: 'cancelled', at, pharmacistId: actor.pharmacistId });
      if (!moved) throw new AppError('ORDER_VERSION_CONFLICT', { current: row.version + 1 }, { currentVersion: row.version + 1 });
      const order = await this.load(trx, row.id);
      await this.audit(trx, actor, order, 'cancel', { status: row.status, version: row.version }, { status: order.status, version: order.version });
      return order;
    });
  }

  async get(actor: OrderActor, id: number): Promise<ZOrder> {
    return this.toOrder(this.deps.db, await this.owned(this.deps.db, actor, id));
  }

  async list(actor: OrderActor): Promise<ZOrderSummary[]> {
    const rows = await orders.listOrdersOfOfficine(this.deps.db, actor.officineId);
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      officineId: r.officine_id,
      status: r.status as ZOrder['status'],
      version: r.version,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      lineCount: Number(r.line_count),
      totalVials: Number(r.total_vials),
    }));
  }

  async history(actor: OrderActor, id: number): Promise<ZAuditEvent[]> {
    const row = await this.owned(this.deps.db, actor, id);
    const events = await listAuditEvents(this.deps.db, 'order', row.id);
    return events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: {
        kind: e.actor_kind as ZAuditEvent['actor']['kind'],
        id: e.actor_id,
        name: e.first_name && e.last_name ? `${e.first_name} ${e.last_name}` : null,
      },
      before: e.before_json === null ? null : (JSON.parse(e.before_json) as unknown),
      after: e.after_json === null ? null : (JSON.parse(e.after_json) as unknown),
    }));
  }

  /** Another officine's order answers NOT_FOUND, so ids reveal nothing. */
  private async owned(db: Db, actor: OrderActor, id: number): Promise<OrderRow> {
    const row = await orders.findOrderById(db, id);
    if (!row || row.officine_id !== actor.officineId) throw new AppError('ORDER_NOT_FOUND');
    return row;
  }

  private async session(db: Db, sessionId: number): Promise<SessionRow> {
    const row = await findSessionById(db, sessionId);
    if (!row) throw new AppError('SESSION_NOT_FOUND');
    return row;
  }

  /** The session with the rules of what it offers, read together. */
  private async sessionRules(db: Db, sessionId: number): Promise<{ session: SessionTimes; rules: SessionRules }> {
    const loaded = await loadSessionRules(db, sessionId);
    if (!loaded) throw new AppError('SESSION_NOT_FOUND');
    return loaded;
  }

  /** Server time decides; returns the instant used for the write. */
  private assertOpen(session: SessionTimes): string {
    const now = this.deps.clock.now();
    const state = { opensAt: session.opens_at, closesAt: session.closes_at, confirmationAt: session.confirmation_at, allocatedAt: session.allocated_at };
    if (!isOpenForOrders(state, now)) {
      if (now.getTime() < Date.parse(session.opens_at)) throw new AppError('SESSION_NOT_OPEN_YET', { opensAt: formatParis(session.opens_at) });
      throw new AppError('SESSION_CLOSED', { closesAt: formatParis(session.closes_at) });
    }
    if (session.allocated_at !== null) throw new AppError('SESSION_CLOSED', { closesAt: formatParis(session.closes_at) });
    return now.toISOString();
  }

  private async checkedLines(db: Db, rules: SessionRules, officineId: number, lines: LineInput[]): Promise<LineInput[]> {
    const effecteurs = await loadEffecteurRules(db, officineId);
    const { accepted, errors } = checkOrderLines(lines, { ...rules, effecteurs });
    if (errors.length > 0) throw new AppError('ORDER_LINES_INVALID', {}, { lines: errors });
    if (accepted.length === 0) throw new AppError('ORDER_EMPTY');
    return accepted;
  }

  private async load(db: Db, id: number): Promise<ZOrder> {
    const row = await orders.findOrderById(db, id);
    if (!row) throw new AppError('ORDER_NOT_FOUND');
    return this.toOrder(db, row);
  }

  private toSummary(row: OrderRow): Omit<ZOrder, 'lines'> {
    return {
      id: row.id,
      sessionId: row.session_id,
      officineId: row.officine_id,
      status: row.status as ZOrder['status'],
      version: row.version,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
    };
  }

  private async toOrder(db: Db, row: OrderRow): Promise<ZOrder> {
    return { ...this.toSummary(row), lines: await orders.listLines(db, row.id) };
  }

  private async audit(db: Db, actor: OrderActor, order: ZOrder, action: string, before: unknown, after: unknown): Promise<void> {
    await insertAuditEvent(db, {
      at: order.updatedAt,
      actorKind: 'pharmacist',
      actorId: actor.pharmacistId,
      officineId: actor.officineId,
      entity: 'order',
      entityId: order.id,
      action,
      before,
      after,
    });
  }
}
