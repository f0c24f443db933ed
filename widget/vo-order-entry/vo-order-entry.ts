import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { cspStyle } from '../core/csp-style';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMessage, lineErrorCatalogue } from '../../shared/errors/catalogue';
import { checkTies, tiedQuantity, totalsByProduct, type LineError, type LineInput } from '../../shared/rules/order-lines';
import type { ZOrder, ZOrderSummary } from '../../shared/schemas/orders';
import type { ZEffecteur } from '../../shared/schemas/reference-data';
import type { ZCurrentSession } from '../../shared/schemas/sessions';
import { widgetEvent } from '../core/events';
import { sharedStyles } from '../core/shared-styles';
import type { WidgetContext } from '../core/widget-context';
import { toWidgetError, type WidgetError } from '../core/widget-error';
import { formatDateTime, type MessageKey } from '../i18n/index';
import {
  buildModel,
  capOf,
  cellKey,
  checkCell,
  differences,
  draftKey,
  fold,
  linesOf,
  matchesFilter,
  newIdempotencyKey,
  pastedColumn,
  readDraft,
  typeLabel,
  type CellProblem,
  type GridModel,
  type LineDifference,
  type OrderDraft,
} from './order-entry-model';
import { gridRowHeight, gridViewportHeight, orderEntryStyles } from './order-entry-styles';

type View = 'loading' | 'list' | 'table' | 'recap';
type DialogKind = 'cancel-order' | 'leave';
type GridRow = { kind: 'product'; productId: number } | { kind: 'cell'; productId: number; effecteur: ZEffecteur };

function rowKey(row: GridRow): string {
  return row.kind === 'product' ? `p${row.productId}` : cellKey(row.effecteur.id, row.productId);
}

/** Rows rendered above and below the visible part of the grid. */
const overscan = 12;

interface Editing {
  orderId: number | null;
  version: number | null;
  idempotencyKey: string;
}

interface Conflict {
  current: ZOrder;
  diffs: LineDifference[];
}

/**
 * « Saisie de commande »: the session banner with its countdown, this officine's orders
 * (« Créer », « Modifier », cancel), the entry table (« Visualiser », « Tout Développer »,
 * yellow quantity cells checked as you type with the same rules as the server), the recap
 * (« Suivant », « Valider », « Retour », « Annuler »). What is typed is kept as a local
 * draft per officine and session; network failures and version conflicts never lose it.
 *
 * @fires vo-order-submitted - an order was created or changed; detail: orderId, sessionId, version, lineCount, totalVials
 * @fires vo-error - an error was shown to the user; detail: code, message
 *
 * @cssprop --vo-cell-background - the yellow quantity cells (default: #fff3a0)
 * @cssprop --vo-danger-color - invalid cells and their messages
 * @cssprop --vo-product-row-background - product rows of the entry grid
 */
export class VoOrderEntry extends LitElement {
  static override styles = [sharedStyles, orderEntryStyles];

  /** Handed over by <vaccine-order-app>: API client, language, who is logged in. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private view: View = 'loading';
  @state() private current: ZCurrentSession | null = null;
  @state() private orders: ZOrderSummary[] = [];
  @state() private selectedOrderId: number | null = null;
  @state() private loadError: WidgetError | null = null;
  @state() private actionError: WidgetError | null = null;
  @state() private notice: string | null = null;
  @state() private draftOffer: OrderDraft | null = null;
  @state() private visualised = false;
  @state() private expanded = new Set<number>();
  @state() private filter = '';
  @state() private nowMs = Date.now();
  @state() private submitting = false;
  @state() private blockMessage: string | null = null;
  @state() private conflict: Conflict | null = null;
  @state() private dialogKind: DialogKind | null = null;
  @state() private gridTop = 0;
  /** Bumped whenever a value changes, so Lit re-renders what depends on `values`. */
  @state() private revision = 0;

  @query('dialog') private dialog?: HTMLDialogElement;

  private model: GridModel | null = null;
  private values = new Map<string, string>();
  private serverErrors = new Map<string, CellProblem>();
  private serverProductErrors = new Map<number, CellProblem>();
  private editing: Editing = { orderId: null, version: null, idempotencyKey: newIdempotencyKey() };
  private timer: ReturnType<typeof setInterval> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private restoreFocus: HTMLElement | null = null;
  private rowsCache: { key: string; rows: GridRow[] } | null = null;
  private loadedFor: WidgetContext | null = null;
  private numberFormat: { lang: string; format: Intl.NumberFormat } | undefined;
  private readonly dateTexts = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick(), 1000);
    window.addEventListener('pagehide', this.flushDraft);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    window.removeEventListener('pagehide', this.flushDraft);
    this.flushDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context && this.context !== this.loadedFor) {
      this.loadedFor = this.context;
      void this.load();
    }
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.context ? this.context.t(key, params) : key;
  }

  private get uiLang(): 'fr' | 'en' {
    return this.context?.lang ?? 'fr';
  }

  /** Numbers in the user's language; one formatter, as building one per cell costs more than a keystroke may. */
  private num(value: number): string {
    if (this.numberFormat?.lang !== this.uiLang) this.numberFormat = { lang: this.uiLang, format: new Intl.NumberFormat(this.uiLang === 'fr' ? 'fr-FR' : 'en-GB') };
    return this.numberFormat.format.format(value);
  }

  /** Dates in Paris time, remembered: the banner renders every second. */
  private when(iso: string): string {
    const key = `${this.uiLang}|${iso}`;
    let text = this.dateTexts.get(key);
    if (text === undefined) {
      text = formatDateTime(this.uiLang, iso);
      this.dateTexts.set(key, text);
    }
    return text;
  }

  private tick(): void {
    if (this.context) this.nowMs = this.context.now().getTime();
  }

  // ---------------------------------------------------------------- loading

  private async load(): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.view = 'loading';
    this.loadError = null;
    this.tick();
    try {
      const [current, effecteurs, orders] = await Promise.all([
        context.api.sessions.current.query(),
        context.api.account.listEffecteurs.query(),
        context.api.orders.list.query(),
      ]);
      this.current = current;
      this.model = buildModel(current, effecteurs);
      this.orders = orders;
      this.rowsCache = null;
      const draft = readDraft(context.drafts.get(draftKey(context.me.officine.id, current.session.id)));
      this.draftOffer = draft && Object.values(draft.values).some((v) => v.trim() !== '') ? draft : null;
      this.view = 'list';
    } catch (error) {
      this.loadError = this.report(error);
      this.view = 'list';
    }
  }

  /**
   * The server's answer goes into the list at once: until the reload that follows comes back,
   * the list would otherwise show the order as it was (« Créer » still offered after « Valider »).
   */
  private showInList(order: ZOrder): ZOrderSummary {
    const { lines, ...rest } = order;
    const summary: ZOrderSummary = { ...rest, lineCount: lines.length, totalVials: lines.reduce((sum, l) => sum + l.vials, 0) };
    // In its place when already listed (the server's order); a new one is the newest, so first.
    const known = this.orders.some((o) => o.id === order.id);
    this.orders = known ? this.orders.map((o) => (o.id === order.id ? summary : o)) : [summary, ...this.orders];
    return summary;
  }

  private async reloadOrders(): Promise<void> {
    if (!this.context) return;
    try {
      this.orders = await this.context.api.orders.list.query();
    } catch (error) {
      this.actionError = this.report(error);
    }
  }

  private report(error: unknown): WidgetError {
    const described = toWidgetError(error, this.uiLang);
    this.dispatchEvent(widgetEvent('vo-error', { code: described.code, message: described.message }));
    return described;
  }

  // ---------------------------------------------------------------- session state

  private get sessionOpen(): boolean {
    const session = this.current?.session;
    if (!session) return false;
    const opens = Date.parse(session.opensAt);
    const closes = Date.parse(session.closesAt);
    if (session.status !== 'open' && session.status !== 'upcoming') return false;
    return this.nowMs >= opens && this.nowMs < closes && session.allocatedAt === null;
  }

  private get liveOrder(): ZOrderSummary | undefined {
    const sessionId = this.current?.session.id;
    return this.orders.find((o) => o.sessionId === sessionId && o.status === 'submitted');
  }

  private countdown(untilMs: number): string {
    let s = Math.max(0, Math.floor((untilMs - this.nowMs) / 1000));
    const d = Math.floor(s / 86400);
    s -= d * 86400;
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    const pad = (n: number) => String(n).padStart(2, '0');
    return this.t('orderEntry.countdown', { d, h: pad(h), m: pad(m), s: pad(s) });
  }

  // ---------------------------------------------------------------- entering

  private startEditing(editing: Editing, values: Record<string, string>): void {
    this.editing = editing;
    this.values = new Map(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    this.serverErrors.clear();
    this.serverProductErrors.clear();
    this.conflict = null;
    this.actionError = null;
    this.blockMessage = null;
    this.notice = null;
    this.draftOffer = null;
    this.visualised = false;
    this.expanded = new Set();
    this.filter = '';
    this.gridTop = 0;
    this.rowsCache = null;
    this.revision++;
    this.view = 'table';
  }

  private onCreate(): void {
    this.startEditing({ orderId: null, version: null, idempotencyKey: newIdempotencyKey() }, {});
  }

  private async onModify(): Promise<void> {
    const id = this.selectedOrderId;
    if (!this.context || id === null) return;
    try {
      const order = await this.context.api.orders.get.query({ id });
      const values: Record<string, string> = {};
      for (const l of order.lines) values[cellKey(l.effecteurId, l.productId)] = String(l.vials);
      this.startEditing({ orderId: order.id, version: order.version, idempotencyKey: newIdempotencyKey() }, values);
    } catch (error) {
      this.actionError = this.report(error);
    }
  }

  private onResumeDraft(): void {
    const draft = this.draftOffer;
    if (!draft) return;
    this.startEditing({ orderId: draft.orderId, version: draft.version, idempotencyKey: draft.idempotencyKey }, draft.values);
  }

  private onDiscardDraft(): void {
    if (this.context && this.current) this.context.drafts.remove(draftKey(this.context.me.officine.id, this.current.session.id));
    this.draftOffer = null;
  }

  // ---------------------------------------------------------------- drafts

  private scheduleDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(this.flushDraft, 300);
  }

  private readonly flushDraft = (): void => {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    if (!this.context || !this.current || (this.view !== 'table' && this.view !== 'recap')) return;
    const draft: OrderDraft = {
      values: Object.fromEntries(this.values),
      orderId: this.editing.orderId,
      version: this.editing.version,
      idempotencyKey: this.editing.idempotencyKey,
      savedAt: this.context.now().toISOString(),
    };
    this.context.drafts.set(draftKey(this.context.me.officine.id, this.current.session.id), JSON.stringify(draft));
  };

  private clearDraft(): void {
    clearTimeout(this.draftTimer);
    if (this.context && this.current) this.context.drafts.remove(draftKey(this.context.me.officine.id, this.current.session.id));
  }

  // ---------------------------------------------------------------- grid rows and checks

  private rows(): GridRow[] {
    const model = this.model;
    if (!model) return [];
    const key = `${[...this.expanded].join(',')}|${this.filter}`;
    if (this.rowsCache?.key === key) return this.rowsCache.rows;
    const folded = fold(this.filter.trim());
    const rows: GridRow[] = [];
    for (const p of model.products) {
      rows.push({ kind: 'product', productId: p.product.id });
      if (!this.expanded.has(p.product.id)) continue;
      for (const e of model.eligible.get(p.product.id) ?? []) {
        if (matchesFilter(e, folded)) rows.push({ kind: 'cell', productId: p.product.id, effecteur: e });
      }
    }
    this.rowsCache = { key, rows };
    return rows;
  }

  private problemOf(productId: number, effecteur: ZEffecteur): CellProblem | null {
    const key = cellKey(effecteur.id, productId);
    return this.serverErrors.get(key) ?? (this.model ? checkCell(this.model, productId, effecteur, this.values.get(key)) : null);
  }

  private problemText(problem: CellProblem): string {
    if (problem.code === 'NOT_WHOLE') return this.t('orderEntry.notWhole');
    return formatMessage(lineErrorCatalogue[problem.code][this.uiLang], problem.params);
  }

  private tieErrors(lines: LineInput[]): Map<number, LineError> {
    const errors = new Map<number, LineError>();
    if (!this.model) return errors;
    for (const e of checkTies(lines, this.model.rules)) errors.set(e.productId, e);
    return errors;
  }

  /** Every problem of the entry, in grid order: what blocks « Suivant ». */
  private allProblems(): { productId: number; effecteurId: number | null }[] {
    const model = this.model;
    if (!model) return [];
    const found: { productId: number; effecteurId: number | null }[] = [];
    for (const p of model.products) {
      for (const e of model.eligible.get(p.product.id) ?? []) {
        if (this.problemOf(p.product.id, e)) found.push({ productId: p.product.id, effecteurId: e.id });
      }
    }
    for (const productId of this.tieErrors(linesOf(model, this.values)).keys()) found.push({ productId, effecteurId: null });
    return found;
  }

  // ---------------------------------------------------------------- typing, keys, paste

  private setValue(effecteurId: number, productId: number, raw: string): void {
    const key = cellKey(effecteurId, productId);
    if (raw.trim() === '') this.values.delete(key);
    else this.values.set(key, raw);
    this.serverErrors.delete(key);
    this.serverProductErrors.delete(productId);
    this.blockMessage = null;
  }

  private onCellInput(event: InputEvent, row: GridRow & { kind: 'cell' }): void {
    this.setValue(row.effecteur.id, row.productId, (event.target as HTMLInputElement).value);
    this.revision++;
    this.scheduleDraft();
  }

  private onCellKeydown(event: KeyboardEvent, rowIndex: number): void {
    let step = 0;
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) step = 1;
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) step = -1;
    if (step === 0) return;
    event.preventDefault();
    const rows = this.rows();
    for (let i = rowIndex + step; i >= 0 && i < rows.length; i += step) {
      if (rows[i]?.kind === 'cell') {
        void this.focusRow(i);
        return;
      }
    }
  }

  private onCellPaste(event: ClipboardEvent, rowIndex: number): void {
    const text = event.clipboardData?.getData('text/plain') ?? event.clipboardData?.getData('text') ?? '';
    const column = pastedColumn(text);
    if (column.length < 2 && !text.includes('\t')) return; // a single value: let the input take it
    event.preventDefault();
    const rows = this.rows();
    const productId = rows[rowIndex]?.productId;
    let i = rowIndex;
    let last = rowIndex;
    for (const value of column) {
      while (i < rows.length && rows[i]?.kind !== 'cell') i++;
      const row = rows[i];
      if (!row || row.kind !== 'cell' || row.productId !== productId) break;
      this.setValue(row.effecteur.id, row.productId, value);
      last = i;
      i++;
    }
    this.revision++;
    this.scheduleDraft();
    void this.focusRow(last);
  }

  /** Scrolls the grid so the row is rendered, then focuses its quantity cell. */
  private async focusRow(rowIndex: number): Promise<void> {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.grid-scroll');
    const { start, end } = this.windowRange(this.rows().length);
    if (scroller && (rowIndex < start + 1 || rowIndex >= end - 1)) {
      const top = Math.max(0, rowIndex * gridRowHeight - gridViewportHeight / 2);
      scroller.scrollTop = top;
      this.gridTop = scroller.scrollTop;
    }
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`input[data-row="${rowIndex}"]`);
    if (!input) return;
    input.focus();
    input.select();
    const box = input.getBoundingClientRect();
    const view = scroller?.getBoundingClientRect();
    if (scroller && view && (box.top < view.top + gridRowHeight || box.bottom > view.bottom)) {
      scroller.scrollTop += box.top - view.top - gridRowHeight * 2;
      this.gridTop = scroller.scrollTop;
    }
  }

  private windowRange(total: number): { start: number; end: number } {
    const first = Math.floor(this.gridTop / gridRowHeight);
    const start = Math.max(0, first - overscan);
    const end = Math.min(total, first + Math.ceil(gridViewportHeight / gridRowHeight) + overscan);
    return { start, end };
  }

  private onGridScroll(event: Event): void {
    const top = (event.target as HTMLElement).scrollTop;
    // Re-render only when the window actually moves by a few rows.
    if (Math.abs(top - this.gridTop) >= gridRowHeight * 3 || top === 0) this.gridTop = top;
  }

  private toggleProduct(productId: number): void {
    const next = new Set(this.expanded);
    if (next.has(productId)) next.delete(productId);
    else next.add(productId);
    this.expanded = next;
  }

  private toggleAll(): void {
    const all = this.model?.products.map((p) => p.product.id) ?? [];
    this.expanded = this.expanded.size === all.length ? new Set() : new Set(all);
  }

  private applyProposal(productId: number, quantity: number): void {
    const first = this.model?.eligible.get(productId)?.[0];
    if (!first) return;
    for (const e of this.model?.eligible.get(productId) ?? []) this.setValue(e.id, productId, '');
    this.setValue(first.id, productId, String(quantity));
    this.revision++;
    this.scheduleDraft();
  }

  // ---------------------------------------------------------------- next, submit, conflicts

  private async onNext(): Promise<void> {
    const model = this.model;
    if (!model) return;
    const problems = this.allProblems();
    if (problems.length > 0) {
      this.blockMessage = this.t('orderEntry.fixErrors', { count: problems.length });
      const first = problems[0];
      if (first) {
        this.visualised = true;
        this.expanded = new Set([...this.expanded, first.productId]);
        this.filter = '';
        await this.updateComplete;
        const rows = this.rows();
        const index = rows.findIndex((r) => r.productId === first.productId && (first.effecteurId === null ? r.kind === 'product' : r.kind === 'cell' && r.effecteur.id === first.effecteurId));
        if (index >= 0 && first.effecteurId !== null) await this.focusRow(index);
      }
      return;
    }
    if (linesOf(model, this.values).length === 0) {
      this.blockMessage = this.t('orderEntry.empty');
      return;
    }
    this.blockMessage = null;
    this.flushDraft();
    this.view = 'recap';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#recap-title')?.focus();
  }

  private onBack(): void {
    this.conflict = null;
    this.actionError = null;
    this.view = 'table';
  }

  private async submit(): Promise<void> {
    const context = this.context;
    const model = this.model;
    const current = this.current;
    if (!context || !model || !current || this.submitting) return;
    this.submitting = true;
    this.actionError = null;
    const lines = linesOf(model, this.values);
    try {
      const order =
        this.editing.orderId === null || this.editing.version === null
          ? await context.api.orders.create.mutate({ sessionId: current.session.id, lines, idempotencyKey: this.editing.idempotencyKey })
          : await context.api.orders.update.mutate({ id: this.editing.orderId, version: this.editing.version, lines });
      this.clearDraft();
      const { lineCount, totalVials } = this.showInList(order);
      this.notice = this.t('orderEntry.submitted', { version: order.version });
      this.values = new Map();
      this.conflict = null;
      this.selectedOrderId = order.id;
      this.view = 'list';
      this.dispatchEvent(widgetEvent('vo-order-submitted', { orderId: order.id, sessionId: order.sessionId, version: order.version, lineCount, totalVials }));
      this.dispatchEvent(widgetEvent('vo-refresh', { what: 'order' }));
      await this.reloadOrders();
    } catch (error) {
      await this.onSubmitError(error);
    } finally {
      this.submitting = false;
    }
  }

  private async onSubmitError(error: unknown): Promise<void> {
    const described = this.report(error);
    this.actionError = described;
    const details = (described.details ?? null) as Record<string, unknown> | null;
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the other codes all keep the form as it is
    switch (described.code) {
      case 'ORDER_LINES_INVALID': {
        const lines = Array.isArray(details?.lines) ? (details.lines as LineError[]) : [];
        this.serverErrors.clear();
        this.serverProductErrors.clear();
        const products = new Set(this.expanded);
        for (const l of lines) {
          const problem: CellProblem = { code: l.code, params: l.params ?? {}, fromServer: true };
          if (l.index < 0 || l.code === 'LINE_TIE_AT_MOST' || l.code === 'LINE_TIE_EXACTLY') this.serverProductErrors.set(l.productId, problem);
          else this.serverErrors.set(cellKey(l.effecteurId, l.productId), problem);
          products.add(l.productId);
        }
        this.expanded = products;
        this.visualised = true;
        this.revision++;
        this.view = 'table';
        break;
      }
      case 'ORDER_VERSION_CONFLICT':
        if (this.editing.orderId !== null) await this.loadConflict(this.editing.orderId);
        break;
      case 'ORDER_EXISTS': {
        const orderId = typeof details?.orderId === 'number' ? details.orderId : null;
        if (orderId !== null) await this.loadConflict(orderId);
        break;
      }
      case 'ORDER_CANCELLED':
        // The order was cancelled meanwhile: « Valider » again creates (revives) it with what is typed.
        this.editing = { orderId: null, version: null, idempotencyKey: newIdempotencyKey() };
        this.flushDraft();
        break;
      case 'SESSION_CLOSED':
      case 'SESSION_NOT_OPEN_YET':
        await this.refreshSession();
        break;
      case 'NETWORK_ERROR':
      default:
        // Network failures and the like: the form stays as it is; « Réessayer » sends the same request
        // (same idempotency key for a create, same version for an update).
        this.flushDraft();
        break;
    }
  }

  private async refreshSession(): Promise<void> {
    if (!this.context) return;
    try {
      const current = await this.context.api.sessions.current.query();
      if (this.current && current.session.id === this.current.session.id) this.current = current;
    } catch {
      // The error already shown is enough.
    }
  }

  private async loadConflict(orderId: number): Promise<void> {
    if (!this.context || !this.model) return;
    try {
      const current = await this.context.api.orders.get.query({ id: orderId });
      this.conflict = { current, diffs: differences(linesOf(this.model, this.values), current.lines) };
      this.view = 'recap';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
    } catch (error) {
      this.actionError = this.report(error);
    }
  }

  private async keepMine(): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.editing =
      conflict.current.status === 'cancelled'
        ? { orderId: null, version: null, idempotencyKey: newIdempotencyKey() }
        : { ...this.editing, orderId: conflict.current.id, version: conflict.current.version };
    this.conflict = null;
    this.flushDraft();
    await this.submit();
  }

  private takeTheirs(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    const values: Record<string, string> = {};
    for (const l of conflict.current.lines) values[cellKey(l.effecteurId, l.productId)] = String(l.vials);
    const editing: Editing =
      conflict.current.status === 'cancelled'
        ? { orderId: null, version: null, idempotencyKey: newIdempotencyKey() }
        : { orderId: conflict.current.id, version: conflict.current.version, idempotencyKey: this.editing.idempotencyKey };
    this.startEditing(editing, values);
    this.visualised = true;
    this.expanded = new Set(this.model?.products.map((p) => p.product.id));
    this.flushDraft();
  }

  // ---------------------------------------------------------------- dialogs

  private openDialog(kind: DialogKind): void {
    const active = this.shadowRoot?.activeElement ?? document.activeElement;
    this.restoreFocus = active instanceof HTMLElement ? active : null;
    this.dialogKind = kind;
    void this.updateComplete.then(() => {
      if (this.dialog && !this.dialog.open) this.dialog.showModal();
    });
  }

  private closeDialog(): void {
    if (this.dialog?.open) this.dialog.close();
    this.dialogKind = null;
    const target = this.restoreFocus;
    this.restoreFocus = null;
    void this.updateComplete.then(() => target?.isConnected && target.focus());
  }

  private async confirmDialog(): Promise<void> {
    const kind = this.dialogKind;
    this.closeDialog();
    if (kind === 'leave') {
      this.clearDraft();
      this.values = new Map();
      this.conflict = null;
      this.actionError = null;
      this.view = 'list';
    } else if (kind === 'cancel-order') {
      await this.cancelOrder();
    }
  }

  private async cancelOrder(): Promise<void> {
    const order = this.orders.find((o) => o.id === this.selectedOrderId);
    if (!this.context || !order) return;
    this.actionError = null;
    try {
      this.showInList(await this.context.api.orders.cancel.mutate({ id: order.id, version: order.version }));
      this.notice = this.t('orderEntry.cancelled');
      this.dispatchEvent(widgetEvent('vo-refresh', { what: 'order' }));
    } catch (error) {
      this.actionError = this.report(error);
    }
    await this.reloadOrders();
  }

  // ---------------------------------------------------------------- rendering

  override render() {
    if (!this.context) return nothing;
    return html`<h1>${this.t('orderEntry.title')}</h1>
      ${this.context.drafts.persistent ? nothing : html`<p class="notice warning" id="storage-blocked">${this.t('storage.blocked')}</p>`}
      ${this.renderBanner()} ${this.loadError ? html`<vo-error-message .error=${this.loadError} .lang=${this.uiLang}></vo-error-message>` : nothing}
      ${this.notice ? html`<p class="notice success" role="status">${this.notice}</p>` : nothing}
      ${this.view === 'loading' ? html`<p role="status">${this.t('app.loading')}</p>` : nothing} ${this.view === 'list' ? this.renderList() : nothing}
      ${this.view === 'table' ? this.renderTable() : nothing} ${this.view === 'recap' ? this.renderRecap() : nothing} ${this.renderDialog()}`;
  }

  private renderBanner() {
    const session = this.current?.session;
    if (!session) return nothing;
    const open = this.sessionOpen;
    const closes = Date.parse(session.closesAt);
    const opens = Date.parse(session.opensAt);
    const upcoming = this.nowMs < opens;
    const status = open ? 'open' : upcoming ? 'upcoming' : session.status === 'confirmed' ? 'confirmed' : 'closed';
    return html`<section class="notice ${open ? '' : 'warning'} banner" aria-labelledby="session-title" id="session-banner" data-status=${status}>
      <h2 id="session-title">${session.label} — ${this.t(`session.status.${status}`)}</h2>
      ${open
        ? html`<span>${this.t('orderEntry.closesAt', { when: this.when(session.closesAt) })}</span>
            <span class="countdown" role="timer" aria-live="off">${this.countdown(closes)}</span>`
        : upcoming
          ? html`<span>${this.t('orderEntry.opensAt', { when: this.when(session.opensAt) })}</span>`
          : html`<span id="closed-reason">${this.t('orderEntry.closedReason', { when: this.when(session.closesAt) })}</span>`}
    </section>`;
  }

  private statusLabel(status: ZOrderSummary['status']): string {
    return this.t(status === 'submitted' ? 'orderEntry.status.submitted' : 'orderEntry.status.cancelled');
  }

  private renderList() {
    const open = this.sessionOpen;
    const sessionId = this.current?.session.id;
    const selected = this.orders.find((o) => o.id === this.selectedOrderId);
    const canModify = open && selected !== undefined && selected.sessionId === sessionId && selected.status === 'submitted';
    return html`${this.draftOffer && open
        ? html`<div class="notice" role="status" id="draft-offer">
            <p>${this.t('orderEntry.draftFound', { when: this.when(this.draftOffer.savedAt) })}</p>
            <div class="actions">
              <button type="button" @click=${() => this.onResumeDraft()}>${this.t('orderEntry.draftResume')}</button>
              <button type="button" class="secondary" @click=${() => this.onDiscardDraft()}>${this.t('orderEntry.draftDiscard')}</button>
            </div>
          </div>`
        : nothing}
      ${this.actionError ? html`<vo-error-message .error=${this.actionError} .lang=${this.uiLang}></vo-error-message>` : nothing}
      <h2 id="orders-title">${this.t('orderEntry.orders')}</h2>
      ${this.orders.length === 0
        ? html`<p>${this.t('orderEntry.noOrder')}</p>`
        : html`<table aria-labelledby="orders-title" id="orders">
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">${this.t('orderEntry.select')}</span></th>
                <th scope="col">${this.t('orderEntry.col.order')}</th>
                <th scope="col">${this.t('orderEntry.col.session')}</th>
                <th scope="col">${this.t('orderEntry.col.status')}</th>
                <th scope="col">${this.t('orderEntry.col.submittedAt')}</th>
                <th scope="col" class="num">${this.t('orderEntry.col.lines')}</th>
                <th scope="col" class="num">${this.t('orderEntry.col.totalVials')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.orders.map(
                (o) => html`<tr class=${o.id === this.selectedOrderId ? 'selected' : ''} @click=${() => (this.selectedOrderId = o.id)}>
                  <td>
                    <input
                      type="radio"
                      name="order"
                      .checked=${o.id === this.selectedOrderId}
                      aria-label=${this.t('orderEntry.selectOrder', { id: o.id })}
                      @change=${() => (this.selectedOrderId = o.id)}
                    />
                  </td>
                  <td>${this.t('orderEntry.orderNumber', { id: o.id, version: o.version })}</td>
                  <td>${o.sessionId === sessionId ? this.t('orderEntry.thisSession') : this.t('orderEntry.pastSession', { id: o.sessionId })}</td>
                  <td>${this.statusLabel(o.status)}</td>
                  <td>${this.when(o.submittedAt)}</td>
                  <td class="num">${this.num(o.lineCount)}</td>
                  <td class="num">${this.num(o.totalVials)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <div class="actions">
        ${open
          ? html`<button type="button" id="modify" ?disabled=${!canModify} @click=${() => void this.onModify()}>${this.t('common.modify')}</button>
              <button type="button" class="secondary" id="cancel-order" ?disabled=${!canModify} @click=${() => this.openDialog('cancel-order')}>
                ${this.t('orderEntry.cancelOrder')}
              </button>`
          : nothing}
        ${open && !this.liveOrder && this.current
          ? html`<button type="button" class="end" id="create" @click=${() => this.onCreate()}>${this.t('orderEntry.create')}</button>`
          : nothing}
      </div>
      ${!open && this.current ? html`<p>${this.t('orderEntry.editingOff')}</p>` : nothing}`;
  }

  private renderTotals(lines: LineInput[], ties: Map<number, LineError>) {
    const model = this.model;
    if (!model) return nothing;
    const totals = new Map(totalsByProduct(lines, model.rules.products).map((t) => [t.productId, t]));
    return html`<table id="totals" aria-labelledby="totals-title">
      <caption id="totals-title">${this.t('orderEntry.productsOpen')}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('orderEntry.col.product')}</th>
          <th scope="col" class="num">${this.t('orderEntry.col.dosesPerVial')}</th>
          <th scope="col" class="num">${this.t('orderEntry.col.totalVials')}</th>
          <th scope="col" class="num">${this.t('orderEntry.col.totalDoses')}</th>
          <th scope="col">${this.t('orderEntry.col.notes')}</th>
        </tr>
      </thead>
      <tbody>
        ${model.products.map((p) => {
          const total = totals.get(p.product.id);
          const tieError = ties.get(p.product.id);
          const serverError = this.serverProductErrors.get(p.product.id);
          const proposed = p.tie ? tiedQuantity(p.tie, lines, model.rules.products) : null;
          return html`<tr data-product=${p.product.id}>
            <th scope="row">${p.product.label}</th>
            <td class="num">${p.product.dosesPerVial}</td>
            <td class="num" data-total="vials">${this.num(total?.vials ?? 0)}</td>
            <td class="num" data-total="doses">${this.num(total?.doses ?? 0)}</td>
            <td>
              ${p.product.boxOnly ? html`<div>${this.t('orderEntry.boxOnly', { box: p.product.vialsPerBox })}</div>` : nothing}
              ${p.product.minVials > 1 ? html`<div>${this.t('orderEntry.minimum', { min: p.product.minVials })}</div>` : nothing}
              ${p.tie && proposed !== null && this.sessionOpen
                ? html`<div>
                    ${this.t(p.tie.rule === 'exactly' ? 'orderEntry.tieExactly' : p.tie.rule === 'at_most' ? 'orderEntry.tieAtMost' : 'orderEntry.tieFree', {
                      vaccine: model.productById.get(p.tie.vaccineProductId)?.product.label ?? '',
                      expected: proposed,
                    })}
                    ${proposed === 0 ? nothing : html`<button
                      type="button"
                      class="link"
                      data-propose=${p.product.id}
                      @click=${() => this.applyProposal(p.product.id, proposed)}
                      ?disabled=${(total?.vials ?? 0) === proposed}
                    >
                      ${this.t('orderEntry.applyProposal', { expected: proposed })}
                    </button>`}
                  </div>`
                : nothing}
              ${tieError ?? serverError
                ? html`<div class="error-text" id="product-error-${p.product.id}">${this.problemText(serverError ?? { ...tieError!, fromServer: false })}</div>`
                : nothing}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderTable() {
    const model = this.model;
    if (!model) return nothing;
    void this.revision;
    const lines = linesOf(model, this.values);
    const ties = this.tieErrors(lines);
    const allExpanded = this.expanded.size === model.products.length;
    return html`${this.sessionOpen && this.current
        ? html`<vo-stock-survey .context=${this.context} .sessionId=${this.current.session.id}></vo-stock-survey>`
        : nothing}
      <h2>${this.t(this.editing.orderId === null ? 'orderEntry.newOrder' : 'orderEntry.modifyOrder', { id: this.editing.orderId ?? 0 })}</h2>
      ${this.actionError ? html`<vo-error-message .error=${this.actionError} .lang=${this.uiLang}></vo-error-message>` : nothing}
      <div class="toolbar">
        <button type="button" class="secondary" id="visualise" aria-pressed=${this.visualised ? 'true' : 'false'} @click=${() => (this.visualised = !this.visualised)}>
          ${this.t('orderEntry.visualise')}
        </button>
        ${this.visualised
          ? html`<button type="button" class="secondary" id="expand-all" aria-controls="grid" @click=${() => this.toggleAll()}>
                ${this.t(allExpanded ? 'orderEntry.collapseAll' : 'orderEntry.expandAll')}
              </button>
              <div class="filter">
                <label for="filter">${this.t('orderEntry.filter')}</label>
                <input
                  id="filter"
                  type="search"
                  .value=${this.filter}
                  @input=${(e: Event) => {
                    this.filter = (e.target as HTMLInputElement).value;
                    this.gridTop = 0;
                  }}
                />
              </div>`
          : nothing}
      </div>
      ${this.renderTotals(lines, ties)} ${this.visualised ? this.renderGrid() : nothing}
      ${this.blockMessage ? html`<p class="notice warning" role="alert" id="block-message">${this.blockMessage}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" id="leave" @click=${() => this.openDialog('leave')}>${this.t('common.cancel')}</button>
        <button type="button" class="end" id="next" ?disabled=${!this.sessionOpen} @click=${() => void this.onNext()}>${this.t('common.next')}</button>
      </div>
      ${this.sessionOpen ? nothing : html`<p>${this.t('orderEntry.editingOff')}</p>`}`;
  }

  private renderGrid() {
    const model = this.model;
    if (!model) return nothing;
    const rows = this.rows();
    const { start, end } = this.windowRange(rows.length);
    const disabled = !this.sessionOpen;
    // Keyed, so that when the window moves each row keeps its own <tr>: the focused cell stays the
    // effecteur's cell instead of a reused node now showing another row (and losing the focus).
    const out = repeat(rows.slice(start, end), rowKey, (row, j) =>
      row.kind === 'product' ? this.renderProductRow(row.productId, start + j) : this.renderCellRow(row, start + j, disabled),
    );
    return html`<div class="grid-scroll" @scroll=${(e: Event) => this.onGridScroll(e)}>
      <table class="grid" id="grid" aria-label=${this.t('orderEntry.gridLabel')} aria-rowcount=${rows.length + 1}>
        <thead>
          <tr aria-rowindex="1">
            <th scope="col">${this.t('orderEntry.col.effecteur')}</th>
            <th scope="col">${this.t('orderEntry.col.type')}</th>
            <th scope="col" class="num">${this.t('orderEntry.col.cap')}</th>
            <th scope="col">${this.t('orderEntry.col.quantity')}</th>
            <th scope="col">${this.t('orderEntry.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          ${start > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan="5" ${cspStyle({ height: `${start * gridRowHeight}px` })}></td></tr>` : nothing} ${out}
          ${end < rows.length
            ? html`<tr class="spacer" aria-hidden="true"><td colspan="5" ${cspStyle({ height: `${(rows.length - end) * gridRowHeight}px` })}></td></tr>`
            : nothing}
        </tbody>
      </table>
    </div>`;
  }

  private renderProductRow(productId: number, index: number) {
    const p = this.model?.productById.get(productId);
    if (!p) return html``;
    const expanded = this.expanded.has(productId);
    const count = this.model?.eligible.get(productId)?.length ?? 0;
    return html`<tr class="row product" aria-rowindex=${index + 2} data-product-row=${productId}>
      <th scope="colgroup" colspan="5">
        <button
          type="button"
          class="secondary toggle"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-label=${this.t(expanded ? 'orderEntry.collapseProduct' : 'orderEntry.expandProduct', { product: p.product.label })}
          @click=${() => this.toggleProduct(productId)}
        >
          ${expanded ? '−' : '+'}
        </button>
        ${p.product.label} <span class="totals">${this.t('orderEntry.eligibleCount', { count })}</span>
      </th>
    </tr>`;
  }

  private renderCellRow(row: GridRow & { kind: 'cell' }, index: number, disabled: boolean) {
    const model = this.model;
    const p = model?.productById.get(row.productId);
    if (!model || !p) return html``;
    const e = row.effecteur;
    const key = cellKey(e.id, row.productId);
    const raw = this.values.get(key) ?? '';
    const problem = this.problemOf(row.productId, e);
    const cap = capOf(model, row.productId, e.type);
    const errorId = `err-${e.id}-${row.productId}`;
    return html`<tr class="row" aria-rowindex=${index + 2} data-cell=${key}>
      <th scope="row" class="name" title=${e.name}>${e.name}</th>
      <td>${typeLabel(e.type, this.uiLang)}</td>
      <td class="num" data-cap>${cap === null ? this.t('orderEntry.unlimited') : cap === false ? '—' : this.num(cap)}</td>
      <td>
        <input
          class="qty"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          data-row=${index}
          data-key=${key}
          .value=${live(raw)}
          ?disabled=${disabled}
          aria-label=${this.t('orderEntry.quantityFor', { effecteur: e.name, product: p.product.label })}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? errorId : nothing}
          @input=${(ev: InputEvent) => this.onCellInput(ev, row)}
          @keydown=${(ev: KeyboardEvent) => this.onCellKeydown(ev, index)}
          @paste=${(ev: ClipboardEvent) => this.onCellPaste(ev, index)}
        />
      </td>
      <td class="message">${problem ? html`<span id=${errorId} data-code=${problem.code}>${this.problemText(problem)}</span>` : nothing}</td>
    </tr>`;
  }

  private renderRecap() {
    const model = this.model;
    if (!model) return nothing;
    const lines = linesOf(model, this.values);
    const totals = totalsByProduct(lines, model.rules.products);
    const conflict = this.conflict;
    return html`<h2 id="recap-title" tabindex="-1">${this.t('orderEntry.recap')}</h2>
      ${this.actionError ? html`<vo-error-message .error=${this.actionError} .lang=${this.uiLang}></vo-error-message>` : nothing}
      ${conflict ? this.renderConflict(conflict) : nothing}
      <table id="recap" aria-labelledby="recap-title">
        <thead>
          <tr>
            <th scope="col">${this.t('orderEntry.col.product')}</th>
            <th scope="col">${this.t('orderEntry.col.effecteur')}</th>
            <th scope="col">${this.t('orderEntry.col.type')}</th>
            <th scope="col" class="num">${this.t('orderEntry.col.vials')}</th>
            <th scope="col" class="num">${this.t('orderEntry.col.doses')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map((l) => {
            const p = model.productById.get(l.productId)?.product;
            const e = model.effecteurById.get(l.effecteurId);
            return html`<tr data-line=${cellKey(l.effecteurId, l.productId)}>
              <td>${p?.label}</td>
              <th scope="row">${e?.name}</th>
              <td>${e ? typeLabel(e.type, this.uiLang) : ''}</td>
              <td class="num">${this.num(l.vials)}</td>
              <td class="num">${this.num(l.vials * (p?.dosesPerVial ?? 1))}</td>
            </tr>`;
          })}
        </tbody>
        <tfoot>
          ${totals.map(
            (total) => html`<tr data-total-product=${total.productId}>
              <th scope="row" colspan="3">${this.t('orderEntry.totalFor', { product: model.productById.get(total.productId)?.product.label ?? '' })}</th>
              <td class="num">${this.num(total.vials)}</td>
              <td class="num">${this.num(total.doses)}</td>
            </tr>`,
          )}
        </tfoot>
      </table>
      <div class="actions">
        <button type="button" class="secondary" id="back" @click=${() => this.onBack()}>${this.t('common.back')}</button>
        <button type="button" class="secondary" id="leave" @click=${() => this.openDialog('leave')}>${this.t('common.cancel')}</button>
        ${conflict
          ? nothing
          : html`<button type="button" class="end" id="validate" ?disabled=${this.submitting || !this.sessionOpen} @click=${() => void this.submit()}>
              ${this.actionError?.retryable ? this.t('common.retry') : this.t('common.validate')}
            </button>`}
      </div>`;
  }

  private renderConflict(conflict: Conflict) {
    const model = this.model;
    if (!model) return nothing;
    return html`<section class="conflict notice warning" aria-labelledby="conflict-title" id="conflict">
      <h3 id="conflict-title" tabindex="-1">${this.t('orderEntry.conflictTitle', { version: conflict.current.version })}</h3>
      <p>${this.t(conflict.current.status === 'cancelled' ? 'orderEntry.conflictCancelled' : 'orderEntry.conflictIntro')}</p>
      ${conflict.diffs.length === 0
        ? html`<p>${this.t('orderEntry.conflictSame')}</p>`
        : html`<table aria-labelledby="conflict-title">
            <thead>
              <tr>
                <th scope="col">${this.t('orderEntry.col.product')}</th>
                <th scope="col">${this.t('orderEntry.col.effecteur')}</th>
                <th scope="col" class="num">${this.t('orderEntry.col.mine')}</th>
                <th scope="col" class="num">${this.t('orderEntry.col.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              ${conflict.diffs.map(
                (d) => html`<tr data-diff=${cellKey(d.effecteurId, d.productId)}>
                  <td>${model.productById.get(d.productId)?.product.label ?? d.productId}</td>
                  <th scope="row">${model.effecteurById.get(d.effecteurId)?.name ?? d.effecteurId}</th>
                  <td class="num">${this.num(d.mine)}</td>
                  <td class="num">${this.num(d.theirs)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <div class="actions">
        <button type="button" id="keep-mine" ?disabled=${this.submitting} @click=${() => void this.keepMine()}>${this.t('orderEntry.keepMine')}</button>
        <button type="button" class="secondary" id="take-theirs" @click=${() => this.takeTheirs()}>${this.t('orderEntry.takeTheirs')}</button>
      </div>
    </section>`;
  }

  private renderDialog() {
    const kind = this.dialogKind;
    return html`<dialog aria-labelledby="dialog-title" @close=${() => this.dialogKind !== null && this.closeDialog()}>
      ${kind
        ? html`<h2 id="dialog-title">${this.t(kind === 'leave' ? 'orderEntry.leaveTitle' : 'orderEntry.cancelTitle')}</h2>
            <p>${this.t(kind === 'leave' ? 'orderEntry.leaveText' : 'orderEntry.cancelText')}</p>
            <div class="actions">
              <button type="button" class="secondary" id="dialog-no" @click=${() => this.closeDialog()}>
                ${this.t(kind === 'leave' ? 'orderEntry.leaveNo' : 'orderEntry.cancelNo')}
              </button>
              <button type="button" class="danger end" id="dialog-yes" @click=${() => void this.confirmDialog()}>
                ${this.t(kind === 'leave' ? 'orderEntry.leaveYes' : 'orderEntry.cancelYes')}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }
}

