import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { AllocationPolicy, DemandLine, ProductAllocationInput } from '../../shared/rules/allocation';
import type { DemandOrder, DemandRow } from '../repositories/allocations-repository';
import type { SessionProductRuleRow } from '../repositories/sessions-repository';
import type { SessionCatalogue } from './rules-context';

function priorityOf(rule: SessionProductRuleRow): ProductAllocationInput['priority'] {
  const departements = JSON.parse(rule.priority_departements) as string[];
  return departements.length === 0 ? null : { departements, minOneBeforeSurplus: rule.min_one_before_surplus === 1 };
}

/**
 * Turns a session's stored demand into the pure allocation's input: the officine's own line
 * is preferred for the guaranteed vial, and a line may take the substitute only if its
 * effecteur type may order that product.
 */
export function buildAllocationInputs(catalogue: SessionCatalogue, orders: readonly DemandOrder[], demand: readonly DemandRow[]): ProductAllocationInput[] {
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const inSession = new Map(catalogue.products.map((p) => [p.product.id, p]));
  const linesByProduct = new Map<number, DemandLine[]>();
  for (const row of demand) {
    const order = orderById.get(row.order_id);
    if (!order) continue;
    const entry = inSession.get(row.product_id);
    const substitute = entry?.product.substituteProductId ? inSession.get(entry.product.substituteProductId) : undefined;
    const list = linesByProduct.get(row.product_id) ?? [];
    list.push({
      lineId: row.line_id,
      officineId: order.officine_id,
      submittedAt: order.submitted_at,
      vials: row.vials,
      preferForMinOne: row.effecteur_type === 'officine',
      substitutable: substitute?.product.allowedEffecteurTypes.includes(row.effecteur_type as EffecteurType) ?? false,
      departement: order.departement,
    });
    linesByProduct.set(row.product_id, list);
  }
  return catalogue.products.map(({ product, rule }) => ({
    productId: product.id,
    stockVials: rule.stock_vials,
    unitVials: product.boxOnly ? product.vialsPerBox : 1,
    policy: rule.policy as AllocationPolicy,
    minOnePerOfficine: rule.min_one_per_officine === 1,
    priority: priorityOf(rule),
    substituteProductId: product.substituteProductId !== null && inSession.has(product.substituteProductId) ? product.substituteProductId : null,
    lines: linesByProduct.get(product.id) ?? [],
  }));
}
