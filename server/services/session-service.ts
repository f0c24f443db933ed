import { mondayOf } from '../../shared/calendar/paris-time';
import { sessionTimesForWeek, validateSessionTimes } from '../../shared/calendar/session-calendar';
import { capFor } from '../../shared/rules/order-lines';
import type { ZSessionCreateInput } from '../../shared/schemas/admin';
import type { ZCurrentSession, ZSession, ZSessionProductRules, ZSessionProductRulesInput } from '../../shared/schemas/sessions';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import { findProductById } from '../repositories/products-repository';
import * as sessions from '../repositories/sessions-repository';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { toRuleProduct, toSession } from './mappers';
import { loadRulesContext, loadSessionCatalogue } from './rules-context';

export interface SessionShift {
  sessionId: number;
  opensAt?: string | undefined;
  closesAt?: string | undefined;
  confirmationAt?: string | undefined;
  expectedDeliveryDates?: string[] | undefined;
}

export type SessionDetail = ZSession & { products: ZSessionProductRules[] };

const iso = (value: string): string => new Date(value).toISOString();

export class SessionService {
  constructor(private readonly deps: ServiceDeps) {}

  async current(officineId: number): Promise<ZCurrentSession> {
    const now = this.deps.clock.now();
    const row = await sessions.findCurrentSession(this.deps.db, now.toISOString());
    if (!row) throw new AppError('NO_CURRENT_SESSION');
    const ctx = await loadRulesContext(this.deps.db, row.id, officineId);
    const effecteurs = [...ctx.effecteurs.values()].filter((e) => e.active);
    return {
      serverTime: now.toISOString(),
      session: toSession(row, now),
      products: ctx.catalogue.products.map(({ product, caps, tie }) => ({
        product,
        caps,
        tie,
        eligibleEffecteurIds: effecteurs.filter((e) => capFor(toRuleProduct(product), caps, e.type).allowed).map((e) => e.id),
      })),
    };
  }

  async list(): Promise<ZSession[]> {
    const now = this.deps.clock.now();
    return (await sessions.listSessions(this.deps.db)).map((row) => toSession(row, now));
  }

  async get(sessionId: number): Promise<SessionDetail> {
    const row = await sessions.findSessionById(this.deps.db, sessionId);
    if (!row) throw new AppError('SESSION_NOT_FOUND');
    const catalogue = await loadSessionCatalogue(this.deps.db, sessionId);
    return {
      ...toSession(row, this.deps.clock.now()),
      products: catalogue.products.map(({ product, rule, caps, tie }) => ({
        productId: product.id,
        stockVials: rule.stock_vials,
        policy: rule.policy as ZSessionProductRules['policy'],
        minOnePerOfficine: rule.min_one_per_officine === 1,
        caps,
        priorityDepartements: JSON.parse(rule.priority_departements) as string[],
        minOneBeforeSurplus: rule.min_one_before_surplus === 1,
        tie,
      })),
    };
  }

  async create(input: ZSessionCreateInput, actor: Actor): Promise<SessionDetail> {
    const times =
      'weekOf' in input.times
        ? sessionTimesForWeek(mondayOf(input.times.weekOf))
        : { opensAt: iso(input.times.opensAt), closesAt: iso(input.times.closesAt), confirmationAt: iso(input.times.confirmationAt), expectedDeliveryDates: [] };
    if (validateSessionTimes(times)) throw new AppError('SESSION_TIMES_ORDER');
    const deliveryDates = input.expectedDeliveryDates ?? times.expectedDeliveryDates;
    const at = this.deps.clock.now().toISOString();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const sessionId = await sessions.insertSession(trx, {
        label: input.label,
        opens_at: times.opensAt,
        closes_at: times.closesAt,
        confirmation_at: times.confirmationAt,
        expected_delivery_dates: JSON.stringify(deliveryDates),
        allocated_at: null,
        created_at: at,
        updated_at: at,
      });
      for (const rules of input.products) await this.putProductRules(trx, sessionId, rules);
      await this.audit(trx, { at, actor, sessionId, action: 'create', before: null, after: { ...input, times } });
      return sessionId;
    });
    return this.get(id);
  }

  /** Moves a session's times (bank holidays, fortnightly rhythm); not once quantities are confirmed. */
  async shift(input: SessionShift, actor: Actor): Promise<SessionDetail> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await sessions.findSessionById(trx, input.sessionId);
      if (!row) throw new AppError('SESSION_NOT_FOUND');
      if (row.allocated_at !== null) throw new AppError('SESSION_ALREADY_ALLOCATED');
      const next = {
        opensAt: input.opensAt ? iso(input.opensAt) : row.opens_at,
        closesAt: input.closesAt ? iso(input.closesAt) : row.closes_at,
        confirmationAt: input.confirmationAt ? iso(input.confirmationAt) : row.confirmation_at,
      };
      if (validateSessionTimes(next)) throw new AppError('SESSION_TIMES_ORDER');
      await sessions.updateSession(trx, row.id, {
        opens_at: next.opensAt,
        closes_at: next.closesAt,
        confirmation_at: next.confirmationAt,
        ...(input.expectedDeliveryDates ? { expected_delivery_dates: JSON.stringify(input.expectedDeliveryDates) } : {}),
        updated_at: at,
      });
      await this.audit(trx, { at, actor, sessionId: row.id, action: 'shift', before: { opensAt: row.opens_at, closesAt: row.closes_at, confirmationAt: row.confirmation_at }, after: next });
    });
    return this.get(input.sessionId);
  }

  async setProductRules(sessionId: number, rules: ZSessionProductRulesInput, actor: Actor): Promise<SessionDetail> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await sessions.findSessionById(trx, sessionId);
      if (!row) throw new AppError('SESSION_NOT_FOUND');
      if (row.allocated_at !== null) throw new AppError('SESSION_ALREADY_ALLOCATED');
      await this.putProductRules(trx, sessionId, rules);
      await this.audit(trx, { at, actor, sessionId, action: 'set_product_rules', before: null, after: rules });
    });
    return this.get(sessionId);
  }

  private async audit(
    trx: ServiceDeps['db'],
    e: { at: string; actor: Actor; sessionId: number; action: string; before: unknown; after: unknown },
  ): Promise<void> {
    await insertAuditEvent(trx, {
      at: e.at,
      actorKind: e.actor.kind,
      actorId: actorId(e.actor),
      officineId: null,
      entity: 'session',
      entityId: e.sessionId,
      action: e.action,
      before: e.before,
      after: e.after,
    });
  }

  private async putProductRules(trx: ServiceDeps['db'], sessionId: number, rules: ZSessionProductRulesInput): Promise<void> {
    if (!(await findProductById(trx, rules.productId))) throw new AppError('PRODUCT_NOT_FOUND', {}, { productId: rules.productId });
    const tie = rules.tie ?? null;
    if (tie) {
      if (tie.vaccineProductId === rules.productId) throw new AppError('INVALID_INPUT', {}, { tie: 'un produit ne peut pas être associé à lui-même' });
      if (!(await findProductById(trx, tie.vaccineProductId))) throw new AppError('PRODUCT_NOT_FOUND', {}, { productId: tie.vaccineProductId });
    }
    const types = new Set(rules.caps.map((c) => c.effecteurType));
    if (types.size !== rules.caps.length) throw new AppError('INVALID_INPUT', {}, { caps: 'un type d’effecteur apparaît deux fois' });
    await sessions.putSessionProduct(
      trx,
      sessionId,
      {
        product_id: rules.productId,
        stock_vials: rules.stockVials,
        policy: rules.policy,
        min_one_per_officine: rules.minOnePerOfficine ? 1 : 0,
        priority_departements: JSON.stringify([...new Set(rules.priorityDepartements ?? [])]),
        min_one_before_surplus: rules.minOneBeforeSurplus ? 1 : 0,
        tie_vaccine_product_id: tie?.vaccineProductId ?? null,
        tie_per: tie?.per ?? null,
        tie_ratio: tie?.ratio ?? null,
        tie_rule: tie?.rule ?? null,
      },
      rules.caps.map((c) => ({ effecteur_type: c.effecteurType, cap_vials: c.capVials })),
    );
  }
}
