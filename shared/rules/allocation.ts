/**
 * Allocation of scarce vaccine stock at the close of an ordering session.
 *
 * Pure and deterministic: the result depends only on the content of the input,
 * never on the order of products or lines, so a session can be re-allocated and
 * audited. All arithmetic is done in integer "units" (one vial, or one box when a
 * product is only sold by box) to keep every confirmed quantity deliverable.
 *
 * Priority order ("tie order") everywhere: earlier submittedAt first, then smaller lineId.
 *
 * Territorial priority (March 2021 rule: "each ordering officine gets at least one
 * vial, then the surplus goes first to the hardest-hit départements"): when stock is
 * short, the optional guaranteed unit per officine comes first, whatever its
 * département; then lines of officines in a priority département are served, by the
 * product's policy among themselves; what is left goes to the other lines by the policy.
 */

export const allocationPolicies = ['proportional', 'maxmin', 'fcfs'] as const;
export type AllocationPolicy = (typeof allocationPolicies)[number];
export const allocationReasons = [
  'full',
  'proportional',
  'maxmin',
  'fcfs',
  'min_one',
  'substituted',
  'no_stock',
  // Appended: stored reasons are these strings, so existing entries keep their place.
  'territorial',
] as const;
export type AllocationReason = (typeof allocationReasons)[number];

export interface DemandLine {
  /** Unique within its product; the final tie-breaker. */
  lineId: number;
  officineId: number;
  /** ISO UTC timestamp of the order's submission. */
  submittedAt: string;
  /** Demanded vials, integer >= 0, multiple of the product's unitVials. */
  vials: number;
  /** The officine's own line: receives the guaranteed unit first when min-one applies. */
  preferForMinOne?: boolean;
  /** May be served by the product's substitute (default false). */
  substitutable?: boolean;
  /**
   * The officine's département ('75', '2A', '971'), matched exactly against the
   * product's priority départements; null or absent is never a priority.
   */
  departement?: string | null;
}

export interface TerritorialPriority {
  /** Départements served before the others when stock is short (order and duplicates do not matter). */
  departements: readonly string[];
  /** Every ordering officine first gets one unit, whatever its département (as minOnePerOfficine does). */
  minOneBeforeSurplus: boolean;
}

export interface ProductAllocationInput {
  productId: number;
  /** null = unlimited. */
  stockVials: number | null;
  /** Allocation granularity: 1, or vials per box when the product is only sold by box. */
  unitVials: number;
  policy: AllocationPolicy;
  /** Each ordering officine first gets one unit, then the policy shares what is left. */
  minOnePerOfficine: boolean;
  substituteProductId: number | null;
  /**
   * When stock is short: after the min-one units (minOnePerOfficine or
   * minOneBeforeSurplus), lines in a priority département are served first up to
   * their demand, by the policy among themselves; the rest go to the other lines.
   * null or absent: no territorial priority.
   */
  priority?: TerritorialPriority | null;
  lines: DemandLine[];
}

export interface LineAllocation {
  lineId: number;
  productId: number;
  /** Vials of the ordered product. */
  confirmedVials: number;
  /** Set when some vials come from the substitute. */
  substituteProductId: number | null;
  /** Vials of the substitute product given for this line. */
  substituteVials: number;
  reason: AllocationReason;
}

export interface ProductAllocationSummary {
  productId: number;
  demandedVials: number;
  confirmedVials: number;
  /** Vials of this product handed to other products' lines as a substitute. */
  substituteVialsGiven: number;
  stockVials: number | null;
  stockLeftVials: number | null;
}

export interface AllocationResult {
  /** One per input line, sorted by productId then lineId. */
  lines: LineAllocation[];
  /** Sorted by productId. */
  products: ProductAllocationSummary[];
}

/*
 * Performance note: a session of 420,000 lines must allocate well under 200 ms.
 * Each hot loop lives in its own small function, with as little as possible
 * before it and nothing after it but a return. V8 optimizes a long loop while it
 * runs (OSR); code around it that has not run yet has no type feedback, and
 * hitting it discarded the optimized loop, at times leaving a whole later
 * session unoptimized, 2 to 5 times slower.
 */

/*
 * ---------------------------------------------------------------------------
 * Single-product building blocks, on integer units.
 *
 * `demands[i]` is the demand of line i; `order` lists line indices by priority
 * (highest first) and must be a permutation of 0..n-1; `supply` is a
 * non-negative integer or Infinity. Each returns the units given to line i.
 * ---------------------------------------------------------------------------
 */

type Units = ArrayLike<number>;

/** Hand out whole demands in priority order; the line where stock runs out gets the rest. */
export function firstComeFirstServed(demands: Units, supply: number, order: Units): number[] {
  checkBlockInput(demands, supply, order);
  const given = new Array<number>(demands.length).fill(0);
  let left = supply;
  for (let p = 0; p < order.length && left > 0; p++) {
    const i = order[p]!;
    const share = Math.min(demands[i]!, left);
    given[i] = share;
    left -= share;
  }
  return given;
}

/**
 * Max-min fair share: everyone is raised to a common level L (capped by their
 * demand), L being the highest level the supply can pay for; the few units left
 * below the next level go one each to unsatisfied lines in priority order.
 */
export function waterFill(demands: Units, supply: number, order: Units): number[] {
  checkBlockInput(demands, supply, order);
  if (supply >= sumOf(demands)) return Array.from(demands);

  const level = waterLevel(demands, supply);
  const given = capAt(demands, level);
  topUpAboveLevel(given, demands, level, supply - filledAt(demands, level), order);
  return given;
}

function capAt(demands: Units, level: number): number[] {
  const capped = new Array<number>(demands.length);
  for (let i = 0; i < demands.length; i++) capped[i] = Math.min(demands[i]!, level);
  return capped;
}

function topUpAboveLevel(given: number[], demands: Units, level: number, leftover: number, order: Units): void {
  for (let p = 0; p < order.length && leftover > 0; p++) {
    const i = order[p]!;
    if (demands[i]! > level) {
      given[i] = level + 1;
      leftover--;
    }
  }
}

/**
 * Highest L with sum(min(d, L)) <= supply, assuming supply < total demand.
 * A binary search on L (the sum only grows with L) avoids sorting the demands.
 */
function waterLevel(demands: Units, supply: number): number {
  let fits = 0;
  let overflows = maxOf(demands);
  while (overflows - fits > 1) {
    const level = Math.floor((fits + overflows) / 2);
    if (filledAt(demands, level) <= supply) fits = level;
    else overflows = level;
  }
  return fits;
}

function filledAt(demands: Units, level: number): number {
  let filled = 0;
  for (let i = 0; i < demands.length; i++) filled += Math.min(demands[i]!, level);
  return filled;
}

/**
 * Hamilton / largest remainder: each line gets floor(d*S/D), then the units lost
 * to flooring go one each to the largest remainders, ties in priority order.
 * Exact for any safe-integer input: remainders are kept as integers d*S mod D
 * (all sharing the denominator D), never as floating fractions.
 */
export function largestRemainder(demands: Units, supply: number, order: Units): number[] {
  checkBlockInput(demands, supply, order);
  const total = sumOf(demands);
  if (supply >= total) return Array.from(demands);

  const given = new Array<number>(demands.length);
  const remainders = new Float64Array(demands.length);
  const handedOut = floorQuotas(demands, supply, total, given, remainders);
  giveLeftoverToLargestRemainders(given, remainders, supply - handedOut, order);
  return given;
}

/** Fills given[i] = floor(d*S/D) and remainders[i] = d*S mod D; returns the sum of the quotas. */
function floorQuotas(demands: Units, supply: number, total: number, given: number[], remainders: Float64Array): number {
  let handedOut = 0;
  for (let i = 0; i < demands.length; i++) {
    const quota = exactQuota(demands[i]!, supply, total, remainders, i);
    given[i] = quota;
    handedOut += quota;
  }
  return handedOut;
}

/**
 * floor(d*S/D), storing d*S mod D in remainders[i]. Plain doubles are exact while
 * d*S stays a safe integer, which covers realistic sessions; BigInt only kicks in
 * for the rare huge products so the hot loop stays allocation-free.
 */
function exactQuota(d: number, supply: number, total: number, remainders: Float64Array, i: number): number {
  const product = d * supply;
  if (product + total <= Number.MAX_SAFE_INTEGER) {
    let quota = Math.floor(product / total);
    let remainder = product - quota * total;
    // The float division may round across an integer; the exact remainder tells.
    if (remainder < 0) {
      quota--;
      remainder += total;
    } else if (remainder >= total) {
      quota++;
      remainder -= total;
    }
    remainders[i] = remainder;
    return quota;
  }
  const exact = BigInt(d) * BigInt(supply);
  const bigTotal = BigInt(total);
  remainders[i] = Number(exact % bigTotal);
  return Number(exact / bigTotal);
}

function giveLeftoverToLargestRemainders(
  given: number[],
  remainders: Float64Array,
  leftover: number,
  order: Units,
): void {
  if (leftover <= 0) return;
  // The leftover-th largest remainder is the cut: everything above it gets a
  // unit, lines exactly at it get one in priority order until the leftover is spent.
  const cut = kthSmallest(remainders, remainders.length - leftover);
  topUpByRemainder(given, remainders, cut, leftover - countAbove(remainders, cut), order);
}

function countAbove(values: Float64Array, threshold: number): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold) count++;
  return count;
}

function topUpByRemainder(given: number[], remainders: Float64Array, cut: number, atCut: number, order: Units): void {
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const remainder = remainders[i]!;
    if (remainder > cut) {
      given[i] = given[i]! + 1;
    } else if (remainder === cut && atCut > 0) {
      given[i] = given[i]! + 1;
      atCut--;
    }
  }
}

/**
 * The k-th smallest value (0-based), by quickselect with a three-way partition:
 * remainders repeat a lot, and equal values must not degrade it. Expected O(n);
 * a bad run of pivots falls back to sorting what is left, bounding the worst case.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new Error(`kthSmallest: k ${k} out of range`);
  const scratch = values.slice();
  let low = 0;
  let high = scratch.length - 1;
  let pivotBudget = 2 * Math.ceil(Math.log2(scratch.length + 1)) + 8;
  while (low < high) {
    if (pivotBudget-- === 0) return scratch.subarray(low, high + 1).sort()[k - low]!;
    const pivot = medianOfThree(scratch[low]!, scratch[(low + high) >>> 1]!, scratch[high]!);
    // [low, equalStart) < pivot, [equalStart, greaterStart) == pivot, [greaterStart, high] > pivot.
    const equalStart = moveToFront(scratch, low, high, pivot, false);
    const greaterStart = moveToFront(scratch, equalStart, high, pivot, true);
    if (k < equalStart) high = equalStart - 1;
    else if (k >= greaterStart) low = greaterStart;
    else return pivot;
  }
  return scratch[k]!;
}

/**
 * Moves the values of [from, to] that are below the pivot (or equal to it, when
 * `equal`) to the front of the range; returns where the rest starts.
 */
function moveToFront(values: Float64Array, from: number, to: number, pivot: number, equal: boolean): number {
  let front = from;
  for (let i = from; i <= to; i++) {
    const value = values[i]!;
    if (equal ? value === pivot : value < pivot) swap(values, front++, i);
  }
  return front;
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

function swap(values: Float64Array, i: number, j: number): void {
  const value = values[i]!;
  values[i] = values[j]!;
  values[j] = value;
}

/** Dispatch to the policy's building block. */
export function allocateUnits(policy: AllocationPolicy, demands: Units, supply: number, order: Units): number[] {
  switch (policy) {
    case 'proportional':
      return largestRemainder(demands, supply, order);
    case 'maxmin':
      return waterFill(demands, supply, order);
    case 'fcfs':
      return firstComeFirstServed(demands, supply, order);
  }
}

function checkBlockInput(demands: Units, supply: number, order: Units): void {
  if (order.length !== demands.length) throw new Error('allocation: order must list every demand once');
  if (!(supply >= 0) || (supply !== Infinity && !Number.isSafeInteger(supply))) {
    throw new Error(`allocation: supply must be a non-negative integer, got ${supply}`);
  }
}

function minOf(values: Units): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) min = Math.min(min, values[i]!);
  return min;
}

function maxOf(values: Units): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  return max;
}

function sumOf(values: Units): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/*
 * ---------------------------------------------------------------------------
 * Session allocation.
 * ---------------------------------------------------------------------------
 */

const preferForMinOneFlag = 1;
const substitutableFlag = 2;
/** The line's officine is in one of the product's priority départements. */
const priorityDepartementFlag = 4;
/** A non-priority line that waited for the priority lines, which took some of the stock. */
const afterPriorityFlag = 8;

/**
 * The input lines read once into columns indexed like input.lines: at 420,000
 * lines, walking typed arrays is far cheaper than revisiting the line objects.
 */
interface LineColumns {
  readonly lineIds: Float64Array;
  readonly officineIds: Float64Array;
  readonly submittedMs: Float64Array;
  readonly demandUnits: Float64Array;
  readonly flags: Uint8Array;
}

/**
 * Per-product working state. Built whole and never reassigned, only array
 * contents change: reassigning a field changes the object's hidden class in V8,
 * which throws away the optimized loops that read it (the session then ran up
 * to five times slower). Running totals are computed or kept elsewhere.
 */
interface ProductWork extends LineColumns {
  readonly input: ProductAllocationInput;
  readonly unit: number;
  readonly demandedVials: number;
  /** Line indices by priority: submittedAt, then lineId. */
  readonly order: Uint32Array;
  /** Line indices by lineId, for the output. */
  readonly byLineId: Uint32Array;
  readonly confirmedUnits: Float64Array;
  /** 1 when the line holds its officine's guaranteed unit. */
  readonly minOne: Uint8Array;
  readonly substituteVials: Float64Array;
}

/** Vials of each product handed to other products' lines, by productId. */
type SubstituteTally = Map<number, number>;

export function allocateSession(products: ProductAllocationInput[]): AllocationResult {
  const works = products.map(prepareProduct).sort((a, b) => a.input.productId - b.input.productId);
  const byProductId = new Map<number, ProductWork>();
  for (const work of works) {
    if (byProductId.has(work.input.productId)) {
      throw new Error(`allocation: product ${work.input.productId} appears twice`);
    }
    byProductId.set(work.input.productId, work);
  }

  for (const work of works) allocateOwnStock(work);
  // Ascending productId, so that competing claims on one substitute resolve the same way every time.
  const substituteTally: SubstituteTally = new Map();
  for (const work of works) {
    const substituteId = work.input.substituteProductId;
    const substitute = substituteId === null ? undefined : byProductId.get(substituteId);
    if (substitute !== undefined && substitute !== work) allocateFromSubstitute(work, substitute, substituteTally);
  }

  return {
    lines: lineAllocations(works),
    products: works.map((work) => summarize(work, substituteTally)),
  };
}

function prepareProduct(input: ProductAllocationInput): ProductWork {
  checkProduct(input);
  const n = input.lines.length;
  const columns: LineColumns = {
    lineIds: new Float64Array(n),
    officineIds: new Float64Array(n),
    submittedMs: new Float64Array(n),
    demandUnits: new Float64Array(n),
    flags: new Uint8Array(n),
  };
  const priority = input.priority ?? null;
  const demandedVials = readLines(input, columns, priority === null ? null : new Set(priority.departements));
  const byLineId = stableSortBy(columns.lineIds, identityOrder(n));
  checkUniqueLineIds(input.productId, columns.lineIds, byLineId);
  return {
    ...columns,
    input,
    unit: input.unitVials,
    demandedVials,
    // Stability makes lineId the tie-breaker among equal timestamps.
    order: stableSortBy(columns.submittedMs, byLineId),
    byLineId,
    confirmedUnits: new Float64Array(n),
    minOne: new Uint8Array(n),
    substituteVials: new Float64Array(n),
  };
}

function checkProduct(input: ProductAllocationInput): void {
  const { productId, unitVials, stockVials, policy } = input;
  if (!Number.isSafeInteger(unitVials) || unitVials < 1) {
    throw new Error(`allocation: product ${productId} has unitVials ${unitVials}, expected a positive integer`);
  }
  if (stockVials !== null && (!Number.isSafeInteger(stockVials) || stockVials < 0)) {
    throw new Error(`allocation: product ${productId} has stockVials ${stockVials}, expected a non-negative integer`);
  }
  if (!allocationPolicies.includes(policy)) {
    throw new Error(`allocation: product ${productId} has unknown policy ${String(policy)}`);
  }
  const priority = input.priority ?? null;
  if (
    priority !== null &&
    (!Array.isArray(priority.departements) ||
      !priority.departements.every((departement) => typeof departement === 'string') ||
      typeof priority.minOneBeforeSurplus !== 'boolean')
  ) {
    throw new Error(`allocation: product ${productId} has an invalid territorial priority`);
  }
}

/**
 * Fills the columns from the line objects; returns the product's demanded vials.
 * Fields are read inside the loop, not destructured before it: on the first call
 * V8 has no type feedback yet for code before the loop, and that once left this
 * loop unoptimized for a whole later session (5x slower). With a territorial
 * priority, its départements flag the lines here, while each line object is at
 * hand: a second walk over 420,000 objects costs more than the lookups.
 */
function readLines(input: ProductAllocationInput, columns: LineColumns, departements: ReadonlySet<string> | null): number {
  let lastText = '';
  let lastMs = NaN;
  // null and undefined are never a priority: either fits the initial state.
  let lastDepartement: string | null | undefined = undefined;
  let lastIsPriority = false;
  let demandedVials = 0;
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]!;
    const unit = input.unitVials;
    if (!Number.isSafeInteger(line.lineId) || !Number.isSafeInteger(line.officineId)) {
      throw new Error(`allocation: line ${line.lineId} of officine ${line.officineId} has a non-integer id`);
    }
    if (!Number.isSafeInteger(line.vials) || line.vials < 0 || line.vials % unit !== 0) {
      throw new Error(
        `allocation: product ${input.productId} line ${line.lineId} demands ${line.vials} vials, ` +
          `not a non-negative multiple of ${unit}`,
      );
    }
    // Lines of one order share their timestamp: skip re-parsing it.
    if (line.submittedAt !== lastText) {
      lastText = line.submittedAt;
      lastMs = parseUtcMs(lastText);
      if (Number.isNaN(lastMs)) throw new Error(`allocation: line ${line.lineId} has invalid submittedAt ${lastText}`);
    }
    // An order's lines share their officine, hence their département: the last lookup is reused.
    if (departements !== null && line.departement !== lastDepartement) {
      lastDepartement = line.departement;
      lastIsPriority = typeof lastDepartement === 'string' && departements.has(lastDepartement);
    }
    columns.lineIds[i] = line.lineId;
    columns.officineIds[i] = line.officineId;
    columns.submittedMs[i] = lastMs;
    columns.demandUnits[i] = line.vials / unit;
    columns.flags[i] =
      (line.preferForMinOne === true ? preferForMinOneFlag : 0) |
      (line.substitutable === true ? substitutableFlag : 0) |
      (lastIsPriority ? priorityDepartementFlag : 0);
    demandedVials += line.vials;
  }
  return demandedVials;
}

function checkUniqueLineIds(productId: number, lineIds: Float64Array, byLineId: Uint32Array): void {
  for (let k = 1; k < byLineId.length; k++) {
    const lineId = lineIds[byLineId[k]!]!;
    if (lineId === lineIds[byLineId[k - 1]!]) {
      throw new Error(`allocation: product ${productId} has lineId ${lineId} twice`);
    }
  }
}

function allocateOwnStock(work: ProductWork): void {
  const { input, unit } = work;
  const stockUnits = input.stockVials === null ? Infinity : Math.floor(input.stockVials / unit);
  const scarce = stockUnits < work.demandedVials / unit;
  const priority = input.priority ?? null;
  const minOne = input.minOnePerOfficine || (priority !== null && priority.minOneBeforeSurplus);
  const guaranteed = minOne && scarce ? grantMinOne(work, stockUnits) : 0;
  const policyDemands = guaranteed > 0 ? demandLeftAfterMinOne(work) : work.demandUnits;
  // Stock covering the demand fills every line whatever the priority.
  if (priority !== null && scarce) {
    allocateWithPriority(work, policyDemands, stockUnits - guaranteed);
    return;
  }
  const policyUnits = allocateUnits(input.policy, policyDemands, stockUnits - guaranteed, work.order);
  confirm(work, policyUnits);
}

/**
 * Territorial priority on a short stock, after the min-one units. Either the
 * supply covers the priority lines' demand, which they then get whole while the
 * policy shares the rest among the other lines; or it does not, and the policy
 * shares it all among the priority lines. So the policy runs once, on one of the
 * two groups; lines outside it take part with a demand of 0, which every policy
 * leaves at 0, so this equals the policy run on that group alone in tie order.
 */
function allocateWithPriority(work: ProductWork, demands: Float64Array, supply: number): void {
  const priorityDemands = new Float64Array(demands.length);
  const otherDemands = new Float64Array(demands.length);
  const priorityTotal = splitByPriority(demands, work.flags, priorityDemands, otherDemands);
  const covered = priorityTotal <= supply;
  const stageDemands = covered ? otherDemands : priorityDemands;
  const given = allocateUnits(work.input.policy, stageDemands, covered ? supply - priorityTotal : supply, work.order);
  const wholeDemands = covered ? priorityDemands : new Float64Array(demands.length);
  confirmAfterPriority(work, given, wholeDemands, Math.min(priorityTotal, supply) > 0);
}

/** Splits the demands between the priority lines and the others; returns the priority lines' total. */
function splitByPriority(demands: Float64Array, flags: Uint8Array, priorityDemands: Float64Array, otherDemands: Float64Array): number {
  let priorityTotal = 0;
  for (let i = 0; i < demands.length; i++) {
    if ((flags[i]! & priorityDepartementFlag) !== 0) {
      priorityDemands[i] = demands[i]!;
      priorityTotal += demands[i]!;
    } else {
      otherDemands[i] = demands[i]!;
    }
  }
  return priorityTotal;
}

/**
 * confirm() after the policy ran on one group, `whole` holding what the other
 * group gets (its full demand, or nothing). When the priority lines took units,
 * the other lines are flagged as having waited for them.
 */
function confirmAfterPriority(work: ProductWork, given: number[], whole: Float64Array, priorityServed: boolean): void {
  const { confirmedUnits, minOne, flags } = work;
  const waited = priorityServed ? afterPriorityFlag : 0;
  for (let i = 0; i < confirmedUnits.length; i++) {
    confirmedUnits[i] = minOne[i]! + given[i]! + whole[i]!;
    if ((flags[i]! & priorityDepartementFlag) === 0) flags[i] = flags[i]! | waited;
  }
}

/** Marks the guaranteed unit of as many officines as the stock allows; returns how many. */
function grantMinOne(work: ProductWork, stockUnits: number): number {
  const recipients = minOneRecipients(work);
  const guaranteed = Math.min(recipients.length, stockUnits);
  for (let k = 0; k < guaranteed; k++) work.minOne[recipients[k]!] = 1;
  return guaranteed;
}

function demandLeftAfterMinOne(work: ProductWork): Float64Array {
  const left = new Float64Array(work.demandUnits.length);
  for (let i = 0; i < left.length; i++) left[i] = work.demandUnits[i]! - work.minOne[i]!;
  return left;
}

function confirm(work: ProductWork, policyUnits: number[]): void {
  const { confirmedUnits, minOne } = work;
  for (let i = 0; i < confirmedUnits.length; i++) confirmedUnits[i] = minOne[i]! + policyUnits[i]!;
}

/**
 * One line per ordering officine, officines ordered by their earliest submission
 * then officineId; within an officine its preferred line, else its smallest lineId.
 */
function minOneRecipients(work: ProductWork): Uint32Array {
  // Grouping the priority order by officine keeps each officine's lines in
  // priority order, so the first ordering line of a group is its earliest.
  const byOfficine = stableSortBy(work.officineIds, work.order);
  const recipients: number[] = [];
  const earliestMs: number[] = [];
  pickMinOneLines(work, byOfficine, recipients, earliestMs);
  // Officines come out by officineId; a stable sort on time makes it the tie-breaker.
  const byTime = stableSortBy(Float64Array.from(earliestMs), identityOrder(recipients.length));
  return Uint32Array.from(byTime, (slot) => recipients[slot]!);
}

/** Appends, per officine with demand, its min-one line and earliest submission. */
function pickMinOneLines(work: ProductWork, byOfficine: Uint32Array, recipients: number[], earliestMs: number[]): void {
  const { officineIds, demandUnits, submittedMs } = work;
  let officine = NaN;
  for (let k = 0; k < byOfficine.length; k++) {
    const i = byOfficine[k]!;
    if (demandUnits[i] === 0) continue;
    const last = recipients.length - 1;
    if (officineIds[i] !== officine) {
      officine = officineIds[i]!;
      recipients.push(i);
      earliestMs.push(submittedMs[i]!);
    } else if (betterMinOneLine(work, i, recipients[last]!)) {
      recipients[last] = i;
    }
  }
}

function betterMinOneLine(work: ProductWork, candidate: number, current: number): boolean {
  const candidatePreferred = (work.flags[candidate]! & preferForMinOneFlag) !== 0;
  const currentPreferred = (work.flags[current]! & preferForMinOneFlag) !== 0;
  if (candidatePreferred !== currentPreferred) return candidatePreferred;
  return work.lineIds[candidate]! < work.lineIds[current]!;
}

/**
 * Serves the product's substitutable unmet demand from the substitute's leftover.
 * Quantities are counted in the substitute's units, since that is how it ships:
 * an unmet demand smaller than one substitute unit gets nothing, so a line never
 * receives more vials than it asked for. Min-one does not apply here: it already
 * had its chance on the ordered product.
 */
function allocateFromSubstitute(work: ProductWork, substitute: ProductWork, tally: SubstituteTally): void {
  const unit = substitute.unit;
  const leftoverVials = stockLeftVials(substitute, tally);
  const supply = leftoverVials === null ? Infinity : Math.floor(leftoverVials / unit);
  if (supply === 0) return;

  const candidates: number[] = [];
  const unmetUnits: number[] = [];
  collectSubstitutable(work, unit, candidates, unmetUnits);
  if (candidates.length === 0) return;

  // Candidates were collected in priority order, so the identity is their order.
  const given = allocateUnits(work.input.policy, unmetUnits, supply, identityOrder(candidates.length));
  const productId = substitute.input.productId;
  tally.set(productId, (tally.get(productId) ?? 0) + recordSubstitution(work, candidates, given, unit));
}

/** Appends, in priority order, the substitutable lines missing at least one substitute unit. */
function collectSubstitutable(work: ProductWork, unit: number, candidates: number[], unmetUnits: number[]): void {
  for (let p = 0; p < work.order.length; p++) {
    const i = work.order[p]!;
    if ((work.flags[i]! & substitutableFlag) === 0) continue;
    const unmetVials = (work.demandUnits[i]! - work.confirmedUnits[i]!) * work.unit;
    const units = Math.floor(unmetVials / unit);
    if (units > 0) {
      candidates.push(i);
      unmetUnits.push(units);
    }
  }
}

/** Stores the substitute vials per line; returns their total. */
function recordSubstitution(work: ProductWork, candidates: number[], given: number[], unit: number): number {
  let total = 0;
  for (let k = 0; k < candidates.length; k++) {
    const vials = given[k]! * unit;
    work.substituteVials[candidates[k]!] = vials;
    total += vials;
  }
  return total;
}

function confirmedVials(work: ProductWork): number {
  return sumOf(work.confirmedUnits) * work.unit;
}

function stockLeftVials(work: ProductWork, tally: SubstituteTally): number | null {
  const stock = work.input.stockVials;
  return stock === null ? null : stock - confirmedVials(work) - (tally.get(work.input.productId) ?? 0);
}

function lineAllocations(works: ProductWork[]): LineAllocation[] {
  // Preallocated and filled by hand: flatMap is several times slower at this size.
  const result = new Array<LineAllocation>(works.reduce((count, work) => count + work.byLineId.length, 0));
  let next = 0;
  for (const work of works) next = writeLineAllocations(work, result, next);
  return result;
}

/** Writes the product's lines, by lineId, from result[next]; returns the next free slot. */
function writeLineAllocations(work: ProductWork, result: LineAllocation[], next: number): number {
  const { input, byLineId, lineIds, confirmedUnits, substituteVials, unit } = work;
  for (let k = 0; k < byLineId.length; k++) {
    const i = byLineId[k]!;
    const substituted = substituteVials[i]!;
    result[next + k] = {
      lineId: lineIds[i]!,
      productId: input.productId,
      confirmedVials: confirmedUnits[i]! * unit,
      substituteProductId: substituted > 0 ? input.substituteProductId : null,
      substituteVials: substituted,
      reason: reasonFor(work, i),
    };
  }
  return next + byLineId.length;
}

function reasonFor(work: ProductWork, i: number): AllocationReason {
  const confirmed = work.confirmedUnits[i]!;
  if (work.substituteVials[i]! > 0) return 'substituted';
  if (confirmed === work.demandUnits[i]) return 'full';
  if (confirmed === 0) return 'no_stock';
  if (work.minOne[i] === 1 && confirmed === 1) return 'min_one';
  if ((work.flags[i]! & afterPriorityFlag) !== 0) return 'territorial';
  return work.input.policy;
}

function summarize(work: ProductWork, tally: SubstituteTally): ProductAllocationSummary {
  return {
    productId: work.input.productId,
    demandedVials: work.demandedVials,
    confirmedVials: confirmedVials(work),
    substituteVialsGiven: tally.get(work.input.productId) ?? 0,
    stockVials: work.input.stockVials,
    stockLeftVials: stockLeftVials(work, tally),
  };
}

/*
 * ---------------------------------------------------------------------------
 * Ordering helpers.
 * ---------------------------------------------------------------------------
 */

function identityOrder(length: number): Uint32Array {
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order;
}

/**
 * Stable sort of `indices` by values[index]. Typed-array and comparator sorts
 * cost ~10 ms per 10^5 elements, too much for the session budget, so integer
 * keys spanning less than 2^32 (timestamps within 49 days, ordinary ids) go
 * through a radix sort; anything wider falls back to a comparator. Lines usually
 * arrive by lineId, often in submission order too: sorted input is returned as is.
 *
 */
function stableSortBy(values: Float64Array, indices: Uint32Array): Uint32Array {
  if (isSortedBy(values, indices)) return indices;
  const min = minOf(values);
  const max = maxOf(values);
  if (!(max - min <= 0xffffffff)) {
    // Array.prototype.sort is guaranteed stable; typed-array sort is not relied upon.
    return Uint32Array.from(Array.from(indices).sort((a, b) => values[a]! - values[b]!));
  }
  const keys = offsetKeys(values, min);
  const lowSorted = radixPass(keys, indices, 0);
  return max - min <= 0xffff ? lowSorted : radixPass(keys, lowSorted, 16);
}

function isSortedBy(values: Float64Array, indices: Uint32Array): boolean {
  for (let k = 1; k < indices.length; k++) {
    if (values[indices[k]!]! < values[indices[k - 1]!]!) return false;
  }
  return true;
}

function offsetKeys(values: Float64Array, min: number): Uint32Array {
  const keys = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) keys[i] = values[i]! - min;
  return keys;
}

/** One stable counting-sort pass of `indices` on 16 bits of keys[index]. */
function radixPass(keys: Uint32Array, indices: Uint32Array, shift: number): Uint32Array {
  const starts = bucketCounts(keys, indices, shift);
  countsToStarts(starts);
  return scatter(keys, indices, shift, starts);
}

function bucketCounts(keys: Uint32Array, indices: Uint32Array, shift: number): Uint32Array {
  const counts = new Uint32Array(0x10000);
  for (let k = 0; k < indices.length; k++) counts[(keys[indices[k]!]! >>> shift) & 0xffff]!++;
  return counts;
}

function countsToStarts(counts: Uint32Array): void {
  let start = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    const count = counts[bucket]!;
    counts[bucket] = start;
    start += count;
  }
}

function scatter(keys: Uint32Array, indices: Uint32Array, shift: number, starts: Uint32Array): Uint32Array {
  const sorted = new Uint32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    sorted[starts[(keys[index]! >>> shift) & 0xffff]!++] = index;
  }
  return sorted;
}

const canonicalIsoUtc = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const msPerDay = 86_400_000;

/**
 * Epoch ms of an ISO timestamp. Date.parse and Date.UTC cost ~100-200 ns, a
 * budget breaker at 420,000 lines, so the canonical toISOString() form is decoded
 * by hand; other forms go to Date.parse. Out-of-range days roll over like V8's
 * parser does. Sub-millisecond digits are ignored: such ties fall to lineId.
 */
function parseUtcMs(text: string): number {
  if (!canonicalIsoUtc.test(text)) return Date.parse(text);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) {
    return Date.parse(text);
  }
  const days = daysFromCivil(digitsAt(text, 0, 4), month, day);
  return days * msPerDay + ((hours * 60 + minutes) * 60 + seconds) * 1000 + digitsAt(text, 20, 3);
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const marchBasedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchBasedYear / 400);
  const yearOfEra = marchBasedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = from; k < from + count; k++) value = value * 10 + text.charCodeAt(k) - 48;
  return value;
}
