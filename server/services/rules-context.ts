import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { OrderRulesContext, ProductTie, RuleCap, RuleEffecteur, RuleProduct } from '../../shared/rules/order-lines';
import type { ZProduct } from '../../shared/schemas/reference-data';
import type { Db } from '../db/schema';
import { listEffecteurRulesOfOfficine } from '../repositories/effecteurs-repository';
import { listProducts } from '../repositories/products-repository';
import { listSessionCaps, listSessionOffer, listSessionProducts, type SessionOfferRow, type SessionProductRuleRow } from '../repositories/sessions-repository';
import { toProduct, toRuleProduct } from './mappers';

export interface SessionCatalogue {
  /** Products open in the session, with their rules. */
  products: { product: ZProduct; rule: SessionProductRuleRow; caps: RuleCap[]; tie: ProductTie | null }[];
  allProducts: Map<number, ZProduct>;
}

export function tieOf(rule: Pick<SessionProductRuleRow, 'tie_vaccine_product_id' | 'tie_per' | 'tie_ratio' | 'tie_rule'>): ProductTie | null {
  if (rule.tie_vaccine_product_id === null || rule.tie_ratio === null) return null;
  return {
    vaccineProductId: rule.tie_vaccine_product_id,
    per: rule.tie_per === 'dose' ? 'dose' : 'vial',
    ratio: rule.tie_ratio,
    rule: rule.tie_rule === 'exactly' ? 'exactly' : rule.tie_rule === 'free' ? 'free' : 'at_most',
  };
}

export async function loadSessionCatalogue(db: Db, sessionId: number): Promise<SessionCatalogue> {
  const [rules, caps, products] = await Promise.all([listSessionProducts(db, sessionId), listSessionCaps(db, sessionId), listProducts(db)]);
  const allProducts = new Map(products.map((row) => [row.id, toProduct(row)]));
  return {
    allProducts,
    products: rules.flatMap((rule) => {
      const product = allProducts.get(rule.product_id);
      if (!product) return [];
      const productCaps = caps
        .filter((c) => c.product_id === rule.product_id)
        .map((c) => ({ effecteurType: c.effecteur_type as EffecteurType, capVials: c.cap_vials }));
      return [{ product, rule, caps: productCaps, tie: tieOf(rule) }];
    }),
  };
}

/** Everything the order rules need for one officine in one session. */
export async function loadRulesContext(db: Db, sessionId: number, officineId: number): Promise<OrderRulesContext & { catalogue: SessionCatalogue }> {
  const [catalogue, effecteurs] = await Promise.all([loadSessionCatalogue(db, sessionId), loadEffecteurRules(db, officineId)]);
  const products = new Map<number, RuleProduct>(catalogue.products.map((p) => [p.product.id, toRuleProduct(p.product)]));
  const caps = new Map(catalogue.products.map((p) => [p.product.id, p.caps]));
  const ties = new Map(catalogue.products.flatMap((p) => (p.tie ? [[p.product.id, p.tie] as const] : [])));
  return { products, caps, effecteurs, ties, catalogue };
}

/** The officine's own effecteurs as the rules see them, by id. */
export async function loadEffecteurRules(db: Db, officineId: number): Promise<Map<number, RuleEffecteur>> {
  const rows = await listEffecteurRulesOfOfficine(db, officineId);
  return new Map(rows.map((e) => [e.id, { id: e.id, type: e.type as EffecteurType, active: e.active === 1 }]));
}

/** When a session takes orders: what `isOpenForOrders` reads. */
export interface SessionTimes {
  opens_at: string;
  closes_at: string;
  confirmation_at: string;
  allocated_at: string | null;
}

/** The session's side of the order rules: its products, caps and ties, as `loadRulesContext` builds them. */
export type SessionRules = Pick<OrderRulesContext, 'products' | 'caps'> & { ties: Map<number, ProductTie> };

/**
 * What an order checks against its session, in one statement (`listSessionOffer`): the session's
 * times, and the rules of the products it offers only. Undefined when there is no such session.
 */
export async function loadSessionRules(db: Db, sessionId: number): Promise<{ session: SessionTimes; rules: SessionRules } | undefined> {
  const rows = await listSessionOffer(db, sessionId);
  const first = rows[0];
  if (!first) return undefined;
  const products = new Map<number, RuleProduct>();
  const caps = new Map<number, RuleCap[]>();
  const ties = new Map<number, ProductTie>();
  for (const row of rows) {
    const productId = row.product_id;
    if (productId === null) continue;
    let productCaps = caps.get(productId);
    if (!productCaps) {
      products.set(productId, ruleProductOf(row, productId));
      productCaps = [];
      caps.set(productId, productCaps);
      const tie = tieOf(row);
      if (tie) ties.set(productId, tie);
    }
    if (row.effecteur_type !== null) productCaps.push({ effecteurType: row.effecteur_type as EffecteurType, capVials: row.cap_vials });
  }
  const session = { opens_at: first.opens_at, closes_at: first.closes_at, confirmation_at: first.confirmation_at, allocated_at: first.allocated_at };
  return { session, rules: { products, caps, ties } };
}

/** The product columns of an offer row, as `toProduct` then `toRuleProduct` read them (the left join types them nullable). */
function ruleProductOf(row: SessionOfferRow, id: number): RuleProduct {
  return {
    id,
    dosesPerVial: Number(row.doses_per_vial),
    vialsPerBox: Number(row.vials_per_box),
    minVials: Number(row.min_vials),
    boxOnly: row.box_only === 1,
    allowedEffecteurTypes: JSON.parse(row.allowed_effecteur_types ?? '[]') as EffecteurType[],
  };
}
