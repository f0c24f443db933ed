import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { AllocationPolicy, DemandLine, ProductAllocationInput } from '../../shared/rules/allocation';
import type { DemandColumns, DemandOrder } from '../repositories/allocations-repository';
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
export function buildAllocationInputs(catalogue: SessionCatalogue, orders: readonly DemandOrder[], demand: DemandColumns): ProductAllocationInput[] {
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const inSession = new Map(catalogue.products.map((p) => [p.product.id, p]));
  const linesByProduct = new Map<number, DemandLine[]>();
  const { lineIds, orderIds, productIds, vials, effecteurTypes } = demand;
  for (let k = 0; k < lineIds.length; k++) {
    const order = orderById.get(orderIds[k]!);
    if (!order) continue;
    const productId = productIds[k]!;
    const effecteurType = effecteurTypes[k]!;
    const entry = inSession.get(productId);
    const substitute = entry?.product.substituteProductId ? inSession.get(entry.product.substituteProductId) : undefined;
    let list = linesByProduct.get(productId);
    if (!list) linesByProduct.set(productId, (list = []));
    list.push({
      lineId: lineIds[k]!,
      officineId: order.officine_id,
      submittedAt: order.submitted_at,
      vials: vials[k]!,
      preferForMinOne: effecteurType === 'officine',
      substitutable: substitute?.product.allowedEffecteurTypes.includes(effecteurType as EffecteurType) ?? false,
      departement: order.departement,
    });
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
