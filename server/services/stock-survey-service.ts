import { isOpenForOrders } from '../../shared/calendar/session-calendar';
import type { ZStockDeclareInput, ZStockSurvey } from '../../shared/schemas/stock-survey';
import { AppError } from '../errors';
import { insertAuditEvent } from '../repositories/audit-repository';
import { findSessionById } from '../repositories/sessions-repository';
import * as survey from '../repositories/stock-survey-repository';
import { toCsv } from './csv';
import { actorId, type Actor, type ServiceDeps } from './deps';
import { loadSessionCatalogue } from './rules-context';

/** The stock survey: officines declare the doses they hold per product, while the session is open. */
export class StockSurveyService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(officineId: number, sessionId: number): Promise<ZStockSurvey> {
    const session = await findSessionById(this.deps.db, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const [catalogue, declared] = await Promise.all([loadSessionCatalogue(this.deps.db, sessionId), survey.listDeclarations(this.deps.db, sessionId, officineId)]);
    const byProduct = new Map(declared.map((d) => [d.product_id, d]));
    return {
      sessionId,
      open: this.isOpen(session),
      items: catalogue.products
        .filter((p) => p.product.kind === 'vaccin')
        .map(({ product }) => ({
          productId: product.id,
          productLabel: product.label,
          doses: byProduct.get(product.id)?.doses ?? null,
          declaredAt: byProduct.get(product.id)?.declared_at ?? null,
        })),
    };
  }

  async declare(actor: { pharmacistId: number; officineId: number }, input: ZStockDeclareInput): Promise<ZStockSurvey> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const session = await findSessionById(trx, input.sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND');
      if (!this.isOpen(session)) throw new AppError('STOCK_SURVEY_CLOSED');
      const catalogue = await loadSessionCatalogue(trx, input.sessionId);
      const vaccines = new Set(catalogue.products.filter((p) => p.product.kind === 'vaccin').map((p) => p.product.id));
      const unknown = input.items.find((i) => !vaccines.has(i.productId));
      if (unknown) throw new AppError('PRODUCT_NOT_FOUND', {}, { productId: unknown.productId });
      const before = await survey.listDeclarations(trx, input.sessionId, actor.officineId);
      for (const item of input.items) {
        await survey.upsertDeclaration(trx, { sessionId: input.sessionId, officineId: actor.officineId, productId: item.productId, doses: item.doses, at, pharmacistId: actor.pharmacistId });
      }
      await insertAuditEvent(trx, {
        at,
        actorKind: 'pharmacist',
        actorId: actor.pharmacistId,
        officineId: actor.officineId,
        entity: 'stock_declaration',
        entityId: input.sessionId,
        action: 'declare',
        before: before.map((d) => ({ productId: d.product_id, doses: d.doses })),
        after: input.items,
      });
    });
    return this.get(actor.officineId, input.sessionId);
  }

  async setOpen(sessionId: number, open: boolean, actor: Actor): Promise<{ sessionId: number; open: boolean }> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await findSessionById(trx, sessionId))) throw new AppError('SESSION_NOT_FOUND');
      await survey.setStockSurvey(trx, sessionId, open, at);
      await insertAuditEvent(trx, { at, actorKind: actor.kind, actorId: actorId(actor), officineId: null, entity: 'session', entityId: sessionId, action: 'stock_survey', before: null, after: { open } });
    });
    return { sessionId, open };
  }

  /** Per département and product: how many officines answered and the doses they hold. */
  async exportByDepartement(sessionId: number): Promise<{ filename: string; csv: string }> {
    if (!(await findSessionById(this.deps.db, sessionId))) throw new AppError('SESSION_NOT_FOUND');
    const rows = await survey.sumDeclarationsByDepartement(this.deps.db, sessionId);
    return {
      filename: `enquete-stocks-session-${sessionId}.csv`,
      csv: toCsv(['departement', 'produit', 'officines_declarantes', 'doses_en_stock'], rows.map((r) => [r.departement, r.product_code, Number(r.officines), Number(r.doses)])),
    };
  }

  private isOpen(session: { opens_at: string; closes_at: string; confirmation_at: string; allocated_at: string | null; stock_survey: number }): boolean {
    const state = { opensAt: session.opens_at, closesAt: session.closes_at, confirmationAt: session.confirmation_at, allocatedAt: session.allocated_at };
    return session.stock_survey === 1 && isOpenForOrders(state, this.deps.clock.now()) && session.allocated_at === null;
  }
}
