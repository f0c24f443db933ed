import type { EffecteurType } from '../../shared/domain/effecteur-types';
import { effecteurTypeLabels } from '../../shared/domain/effecteur-types';
import type { LineErrorCode } from '../../shared/errors/catalogue';
import { capFor, checkQuantity, type LineInput, type OrderRulesContext, type ProductTie, type RuleProduct } from '../../shared/rules/order-lines';
import type { ZEffecteur } from '../../shared/schemas/reference-data';
import type { ZCurrentSession } from '../../shared/schemas/sessions';

/** Pure helpers of the order entry grid: cell keys, parsing, checks, drafts, differences. */

export type OrderableProduct = ZCurrentSession['products'][number];

/** A cell: one effecteur for one product. */
export function cellKey(effecteurId: number, productId: number): string {
  return `${effecteurId}:${productId}`;
}

export type ParsedCell = { ok: true; vials: number } | { ok: false };

/** A blank cell is 0; otherwise only whole, non-negative numbers of vials are accepted. */
export function parseCell(raw: string | undefined): ParsedCell {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, vials: 0 };
  if (!/^\d{1,7}$/.test(text)) return { ok: false };
  return { ok: true, vials: Number(text) };
}

/** A problem shown on a cell: a catalogue line code, or NOT_WHOLE (client only: not a whole number). */
export interface CellProblem {
  code: LineErrorCode | 'NOT_WHOLE';
  params: Record<string, number>;
  /** True when it came from the server's answer (ORDER_LINES_INVALID). */
  fromServer: boolean;
}

/** Everything the grid needs, derived once from sessions.current and account.listEffecteurs. */
export interface GridModel {
  products: OrderableProduct[];
  productById: Map<number, OrderableProduct>;
  effecteurById: Map<number, ZEffecteur>;
  /** The eligible effecteurs of each product, in the server's order. */
  eligible: Map<number, ZEffecteur[]>;
  rules: OrderRulesContext;
}

export function buildModel(current: ZCurrentSession, effecteurs: readonly ZEffecteur[]): GridModel {
  const effecteurById = new Map(effecteurs.map((e) => [e.id, e]));
  const productById = new Map(current.products.map((p) => [p.product.id, p]));
  const eligible = new Map<number, ZEffecteur[]>();
  for (const p of current.products) {
    eligible.set(
      p.product.id,
      p.eligibleEffecteurIds.map((id) => effecteurById.get(id)).filter((e): e is ZEffecteur => e !== undefined),
    );
  }
  const ties = new Map<number, ProductTie>();
  for (const p of current.products) if (p.tie) ties.set(p.product.id, p.tie);
  const rules: OrderRulesContext = {
    products: new Map<number, RuleProduct>(current.products.map((p) => [p.product.id, p.product])),
    caps: new Map(current.products.map((p) => [p.product.id, p.caps])),
    effecteurs: new Map(effecteurs.map((e) => [e.id, { id: e.id, type: e.type, active: e.active }])),
    ties,
  };
  return { products: current.products, productById, effecteurById, eligible, rules };
}

/** The cap in vials of a type for a product: a number, null for unlimited, or false when the type may not order it. */
export function capOf(model: GridModel, productId: number, type: EffecteurType): number | null | false {
  const p = model.productById.get(productId);
  if (!p) return false;
  const verdict = capFor(p.product, p.caps, type);
  return verdict.allowed ? verdict.capVials : false;
}

/** The client-side check of one cell (the same rules the server runs). */
export function checkCell(model: GridModel, productId: number, effecteur: ZEffecteur, raw: string | undefined): CellProblem | null {
  const parsed = parseCell(raw);
  if (!parsed.ok) return { code: 'NOT_WHOLE', params: {}, fromServer: false };
  if (parsed.vials === 0) return null;
  const p = model.productById.get(productId);
  if (!p) return { code: 'LINE_PRODUCT_NOT_OPEN', params: {}, fromServer: false };
  const cap = capOf(model, productId, effecteur.type);
  if (cap === false) return { code: 'LINE_TYPE_NOT_ALLOWED', params: {}, fromServer: false };
  const broken = checkQuantity(parsed.vials, p.product, cap);
  return broken ? { ...broken, fromServer: false } : null;
}

/** The non-zero, well-formed lines of the entry, in product then effecteur order. */
export function linesOf(model: GridModel, values: ReadonlyMap<string, string>): LineInput[] {
  const lines: LineInput[] = [];
  for (const p of model.products) {
    for (const e of model.eligible.get(p.product.id) ?? []) {
      const parsed = parseCell(values.get(cellKey(e.id, p.product.id)));
      if (parsed.ok && parsed.vials > 0) lines.push({ effecteurId: e.id, productId: p.product.id, vials: parsed.vials });
    }
  }
  return lines;
}

/** Lower case without accents, for the filter. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function typeLabel(type: EffecteurType, lang: 'fr' | 'en'): string {
  return effecteurTypeLabels[type][lang];
}

export function matchesFilter(effecteur: ZEffecteur, foldedFilter: string): boolean {
  if (!foldedFilter) return true;
  const hay = fold(`${effecteur.name} ${effecteurTypeLabels[effecteur.type].fr} ${effecteurTypeLabels[effecteur.type].en} ${effecteur.type}`);
  return hay.includes(foldedFilter);
}

/** What is kept locally while typing, per officine and session. */
export interface OrderDraft {
  values: Record<string, string>;
  orderId: number | null;
  version: number | null;
  idempotencyKey: string;
  savedAt: string;
}

export function draftKey(officineId: number, sessionId: number): string {
  return `vo.orderEntry.draft.${officineId}.${sessionId}`;
}

export function readDraft(text: string | null): OrderDraft | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<OrderDraft>;
    if (typeof value !== 'object' || value === null || typeof value.values !== 'object' || typeof value.idempotencyKey !== 'string') return null;
    return {
      values: value.values ?? {},
      orderId: typeof value.orderId === 'number' ? value.orderId : null,
      version: typeof value.version === 'number' ? value.version : null,
      idempotencyKey: value.idempotencyKey,
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : new Date(0).toISOString(),
    };
  } catch {
    return null;
  }
}

/** A fresh idempotency key (^[A-Za-z0-9_-]{8,100}$), reused only to retry the same create. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `vo-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface LineDifference {
  effecteurId: number;
  productId: number;
  mine: number;
  theirs: number;
}

/** The lines where the entry and the stored order differ. */
export function differences(mine: readonly LineInput[], theirs: readonly LineInput[]): LineDifference[] {
  const all = new Map<string, LineDifference>();
  for (const l of mine) all.set(cellKey(l.effecteurId, l.productId), { effecteurId: l.effecteurId, productId: l.productId, mine: l.vials, theirs: 0 });
  for (const l of theirs) {
    const key = cellKey(l.effecteurId, l.productId);
    const entry = all.get(key) ?? { effecteurId: l.effecteurId, productId: l.productId, mine: 0, theirs: 0 };
    entry.theirs = l.vials;
    all.set(key, entry);
  }
  return [...all.values()].filter((d) => d.mine !== d.theirs).sort((a, b) => a.productId - b.productId || a.effecteurId - b.effecteurId);
}

/** Splits a pasted block into the values of its first column (a spreadsheet column copy). */
export function pastedColumn(text: string): string[] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  while (rows.length > 0 && rows[rows.length - 1]?.trim() === '') rows.pop();
  return rows.map((row) => (row.split('\t')[0] ?? '').trim().replace(/\s/g, ''));
}
