import type { EffecteurType } from '../domain/effecteur-types';
import type { LineErrorCode } from '../errors/catalogue';

export interface RuleProduct {
  id: number;
  dosesPerVial: number;
  vialsPerBox: number;
  minVials: number;
  boxOnly: boolean;
  allowedEffecteurTypes: readonly EffecteurType[];
}

export interface RuleEffecteur {
  id: number;
  type: EffecteurType;
  active: boolean;
}

export interface RuleCap {
  effecteurType: EffecteurType;
  capVials: number | null;
}

/**
 * An associated product (solvent, syringes, needles) tied to a vaccine in a session:
 * `ratio` units per vial or per dose of the vaccine, at most, exactly, or freely.
 */
export interface ProductTie {
  vaccineProductId: number;
  per: 'vial' | 'dose';
  ratio: number;
  rule: 'at_most' | 'exactly' | 'free';
}

export interface OrderRulesContext {
  /** Products open in the session, by id. */
  products: ReadonlyMap<number, RuleProduct>;
  /** Caps per product; a type without a row has no cap. */
  caps: ReadonlyMap<number, readonly RuleCap[]>;
  /** The officine's own effecteurs, by id. */
  effecteurs: ReadonlyMap<number, RuleEffecteur>;
  /** Associated products tied to a vaccine, by associated product id. */
  ties?: ReadonlyMap<number, ProductTie>;
}

/** How many units of an associated product go with the vaccine vials of an order. */
export function tiedQuantity(tie: ProductTie, lines: readonly LineInput[], products: ReadonlyMap<number, Pick<RuleProduct, 'dosesPerVial'>>): number {
  const vials = lines.filter((l) => l.productId === tie.vaccineProductId).reduce((sum, l) => sum + l.vials, 0);
  const perUnit = tie.per === 'dose' ? (products.get(tie.vaccineProductId)?.dosesPerVial ?? 1) : 1;
  return vials * perUnit * tie.ratio;
}

/**
 * The whole order against its associated products' rules; an error names the associated
 * product's line (`inputIndex` maps a line of `accepted` back to the caller's list; -1 when missing).
 */
export function checkTies(accepted: readonly LineInput[], ctx: OrderRulesContext, inputIndex: readonly number[] = accepted.map((_, i) => i)): LineError[] {
  const errors: LineError[] = [];
  for (const [productId, tie] of ctx.ties ?? []) {
    if (tie.rule === 'free') continue;
    const expected = tiedQuantity(tie, accepted, ctx.products);
    const ordered = accepted.filter((l) => l.productId === productId).reduce((sum, l) => sum + l.vials, 0);
    const broken = tie.rule === 'exactly' ? ordered !== expected : ordered > expected;
    if (!broken) continue;
    const at = accepted.findIndex((l) => l.productId === productId);
    errors.push({
      index: at === -1 ? -1 : (inputIndex[at] ?? -1),
      effecteurId: accepted[at]?.effecteurId ?? 0,
      productId,
      code: tie.rule === 'exactly' ? 'LINE_TIE_EXACTLY' : 'LINE_TIE_AT_MOST',
      params: { expected },
    });
  }
  return errors;
}

export interface LineInput {
  effecteurId: number;
  productId: number;
  vials: number;
}

export interface LineError {
  index: number;
  effecteurId: number;
  productId: number;
  code: LineErrorCode;
  params: Record<string, number>;
}

export type CapVerdict = { allowed: false } | { allowed: true; capVials: number | null };

/** Whether a type may order a product in this session, and up to how many vials. A cap of 0 closes it. */
export function capFor(product: RuleProduct, caps: readonly RuleCap[] | undefined, type: EffecteurType): CapVerdict {
  if (!product.allowedEffecteurTypes.includes(type)) return { allowed: false };
  const cap = caps?.find((c) => c.effecteurType === type);
  if (!cap) return { allowed: true, capVials: null };
  if (cap.capVials === 0) return { allowed: false };
  return { allowed: true, capVials: cap.capVials };
}

/** The rule a single quantity breaks, if any; used by the server and by the entry grid as you type. */
export function checkQuantity(vials: number, product: RuleProduct, capVials: number | null): Omit<LineError, 'index' | 'effecteurId' | 'productId'> | null {
  if (vials === 0) return null;
  if (capVials !== null && vials > capVials) return { code: 'LINE_ABOVE_CAP', params: { cap: capVials } };
  if (product.boxOnly && vials % product.vialsPerBox !== 0) return { code: 'LINE_NOT_BOX_MULTIPLE', params: { box: product.vialsPerBox } };
  if (vials < product.minVials) return { code: 'LINE_BELOW_MINIMUM', params: { min: product.minVials } };
  return null;
}

/**
 * Checks every line against the session's rules. Lines with 0 vials are dropped from the
 * result (a blank cell is not an order) but still must name the officine's own effecteurs.
 */
export function checkOrderLines(lines: readonly LineInput[], ctx: OrderRulesContext): { accepted: LineInput[]; errors: LineError[] } {
  const accepted: LineInput[] = [];
  const acceptedIndex: number[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const fail = (code: LineErrorCode, params: Record<string, number> = {}): void => {
      errors.push({ index, effecteurId: line.effecteurId, productId: line.productId, code, params });
    };
    const key = `${line.effecteurId}:${line.productId}`;
    if (seen.has(key)) return fail('LINE_DUPLICATE');
    seen.add(key);
    const effecteur = ctx.effecteurs.get(line.effecteurId);
    if (!effecteur) return fail('LINE_EFFECTEUR_UNKNOWN');
    const product = ctx.products.get(line.productId);
    if (!product) return fail('LINE_PRODUCT_NOT_OPEN');
    if (line.vials === 0) return;
    if (!effecteur.active) return fail('LINE_EFFECTEUR_INACTIVE');
    const verdict = capFor(product, ctx.caps.get(product.id), effecteur.type);
    if (!verdict.allowed) return fail('LINE_TYPE_NOT_ALLOWED');
    const broken = checkQuantity(line.vials, product, verdict.capVials);
    if (broken) return fail(broken.code, broken.params);
    accepted.push({ effecteurId: line.effecteurId, productId: line.productId, vials: line.vials });
    acceptedIndex.push(index);
  });
  if (errors.length === 0) errors.push(...checkTies(accepted, ctx, acceptedIndex));
  return { accepted, errors };
}

export interface ProductTotal {
  productId: number;
  vials: number;
  doses: number;
}

export function totalsByProduct(lines: readonly LineInput[], products: ReadonlyMap<number, Pick<RuleProduct, 'id' | 'dosesPerVial'>>): ProductTotal[] {
  const totals = new Map<number, ProductTotal>();
  for (const line of lines) {
    const product = products.get(line.productId);
    if (!product) continue;
    const total = totals.get(line.productId) ?? { productId: line.productId, vials: 0, doses: 0 };
    total.vials += line.vials;
    total.doses += line.vials * product.dosesPerVial;
    totals.set(line.productId, total);
  }
  return [...totals.values()].sort((a, b) => a.productId - b.productId);
}
