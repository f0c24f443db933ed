import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { OrderRulesContext, ProductTie, RuleCap, RuleEffecteur, RuleProduct } from '../../shared/rules/order-lines';
import type { ZProduct } from '../../shared/schemas/reference-data';
import type { Db } from '../db/schema';
import { listEffecteursOfOfficine } from '../repositories/effecteurs-repository';
import { listProducts } from '../repositories/products-repository';
import { listSessionCaps, listSessionProducts, type SessionProductRuleRow } from '../repositories/sessions-repository';
import { toProduct, toRuleProduct } from './mappers';

export interface SessionCatalogue {
  /** Products open in the session, with their rules. */
  products: { product: ZProduct; rule: SessionProductRuleRow; caps: RuleCap[]; tie: ProductTie | null }[];
  allProducts: Map<number, ZProduct>;
}

export function tieOf(rule: SessionProductRuleRow): ProductTie | null {
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
  const [catalogue, effecteurRows] = await Promise.all([loadSessionCatalogue(db, sessionId), listEffecteursOfOfficine(db, officineId)]);
  const products = new Map<number, RuleProduct>(catalogue.products.map((p) => [p.product.id, toRuleProduct(p.product)]));
  const caps = new Map(catalogue.products.map((p) => [p.product.id, p.caps]));
  const effecteurs = new Map<number, RuleEffecteur>(
    effecteurRows.map((e) => [e.id, { id: e.id, type: e.type as EffecteurType, active: e.active === 1 }]),
  );
  const ties = new Map(catalogue.products.flatMap((p) => (p.tie ? [[p.product.id, p.tie] as const] : [])));
  return { products, caps, effecteurs, ties, catalogue };
}
