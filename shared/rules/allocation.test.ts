import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allocateSession,
  allocateUnits,
  allocationPolicies,
  firstComeFirstServed,
  kthSmallest,
  largestRemainder,
  waterFill,
  type AllocationPolicy,
  type AllocationResult,
  type DemandLine,
  type LineAllocation,
  type ProductAllocationInput,
} from './allocation';

const baseMs = Date.parse('2024-03-01T08:00:00.000Z');

function at(seconds: number): string {
  return new Date(baseMs + seconds * 1000).toISOString();
}

function line(lineId: number, officineId: number, seconds: number, vials: number, extra: Partial<DemandLine> = {}): DemandLine {
  return { lineId, officineId, submittedAt: at(seconds), vials, ...extra };
}

function product(overrides: Partial<ProductAllocationInput> & Pick<ProductAllocationInput, 'lines'>): ProductAllocationInput {
  return {
    productId: 1,
    stockVials: 0,
    unitVials: 1,
    policy: 'proportional',
    minOnePerOfficine: false,
    substituteProductId: null,
    ...overrides,
  };
}

function byLine(result: AllocationResult, productId = 1): Map<number, LineAllocation> {
  return new Map(result.lines.filter((l) => l.productId === productId).map((l) => [l.lineId, l]));
}

/** lineId -> [confirmedVials, reason], the shape most examples check. */
function outcome(result: AllocationResult, productId = 1): Record<number, [number, string]> {
  const outcomes: Record<number, [number, string]> = {};
  for (const [lineId, l] of byLine(result, productId)) outcomes[lineId] = [l.confirmedVials, l.reason];
  return outcomes;
}

/** Lines by (submittedAt, lineId), the module's documented priority order. */
function priorityOrder(lines: DemandLine[]): DemandLine[] {
  return [...lines].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.lineId - b.lineId);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Textbook Hamilton in BigInt, slow and obviously exact. */
function referenceHamilton(demands: number[], supply: number, order: number[]): number[] {
  const total = BigInt(sum(demands));
  if (BigInt(supply) >= total) return [...demands];
  const exact = demands.map((d) => BigInt(d) * BigInt(supply));
  const given = exact.map((e) => e / total);
  const rank = new Map(order.map((i, position) => [i, position]));
  const byRemainder = [...demands.keys()].sort((a, b) => {
    const difference = (exact[b]! % total) - (exact[a]! % total);
    return difference > 0n ? 1 : difference < 0n ? -1 : rank.get(a)! - rank.get(b)!;
  });
  const leftover = supply - Number(given.reduce((a, b) => a + b, 0n));
  for (const i of byRemainder.slice(0, leftover)) given[i]! += 1n;
  return given.map(Number);
}

describe('building blocks (integer units)', () => {
  test('firstComeFirstServed fills in priority order, the boundary line gets the rest', () => {
    assert.deepEqual(firstComeFirstServed([4, 5, 6], 8, [1, 2, 0]), [0, 5, 3]);
    assert.deepEqual(firstComeFirstServed([4, 5, 6], 100, [1, 2, 0]), [4, 5, 6]);
    assert.deepEqual(firstComeFirstServed([4, 5, 6], 0, [0, 1, 2]), [0, 0, 0]);
  });

  test('waterFill raises everyone to a common level, leftover in priority order', () => {
    // Level 6 costs 2 + 6 + 6 = 14; the 15th unit goes to the first unsatisfied line in order.
    assert.deepEqual(waterFill([2, 8, 10], 15, [0, 1, 2]), [2, 7, 6]);
    assert.deepEqual(waterFill([2, 8, 10], 15, [2, 1, 0]), [2, 6, 7]);
    assert.deepEqual(waterFill([3, 3, 3], 4, [2, 0, 1]), [1, 1, 2]);
  });

  test('largestRemainder: floor of exact quotas, leftover to the largest remainders', () => {
    // D = 15, S = 10: quotas 4.67, 3.33, 2 -> 4, 3, 2 and the 10th unit to the .67.
    assert.deepEqual(largestRemainder([7, 5, 3], 10, [0, 1, 2]), [5, 3, 2]);
    // Equal remainders: priority order decides.
    assert.deepEqual(largestRemainder([1, 1, 1], 2, [2, 0, 1]), [1, 0, 1]);
    assert.deepEqual(largestRemainder([0, 4, 0], 3, [0, 1, 2]), [0, 3, 0]);
  });

  test('largestRemainder stays exact when d*S exceeds 2^53', () => {
    const demands = [2 ** 40 + 1, 3, 2 ** 41 - 7, 999_999, 2 ** 39];
    const total = sum(demands);
    const supply = Math.floor(total / 3) + 12_345;
    const given = largestRemainder(demands, supply, [0, 1, 2, 3, 4]);
    assert.equal(sum(given), supply);
    for (const [i, d] of demands.entries()) {
      const exact = BigInt(d) * BigInt(supply);
      const floorQuota = exact / BigInt(total);
      const allocated = BigInt(given[i]!);
      assert.ok(allocated === floorQuota || allocated === floorQuota + 1n, `line ${i}`);
    }
  });

  test('largestRemainder matches a BigInt reference, with and without overflowing 2^53', () => {
    const input = fc.record({
      demands: fc.array(fc.tuple(fc.oneof(fc.nat(50), fc.nat(2 ** 40)), fc.integer()), { maxLength: 100 }),
      supplyPercent: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(input, ({ demands: keyed, supplyPercent }) => {
        const demands = keyed.map(([d]) => d);
        const order = [...keyed.keys()].sort((a, b) => keyed[a]![1] - keyed[b]![1] || a - b);
        const supply = Math.floor((sum(demands) * supplyPercent) / 100);
        assert.deepEqual(largestRemainder(demands, supply, order), referenceHamilton(demands, supply, order));
      }),
    );
  });

  test('kthSmallest matches a sort, including many equal values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 }), fc.nat(), (values, k) => {
        const index = k % values.length;
        const expected = [...values].sort((a, b) => a - b)[index];
        assert.equal(kthSmallest(Float64Array.from(values), index), expected);
      }),
    );
  });

  test('every policy hands out min(supply, total) without exceeding any demand', () => {
    // Each demand comes with a random sort key, which makes the priority order a random permutation.
    const input = fc.record({
      demands: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer()), { maxLength: 200 }),
      supplyPercent: fc.integer({ min: 0, max: 110 }),
      policy: fc.constantFrom(...allocationPolicies),
    });
    fc.assert(
      fc.property(input, ({ demands: keyed, supplyPercent, policy }) => {
        const demands = keyed.map(([d]) => d);
        const order = [...keyed.keys()].sort((a, b) => keyed[a]![1] - keyed[b]![1] || a - b);
        const supply = Math.floor((sum(demands) * supplyPercent) / 100);
        const given = allocateUnits(policy, demands, supply, order);
        assert.equal(sum(given), Math.min(supply, sum(demands)));
        given.forEach((units, i) => assert.ok(units >= 0 && units <= demands[i]! && Number.isInteger(units)));
      }),
    );
  });

  test('rejects an order that does not cover the demands, or a fractional supply', () => {
    assert.throws(() => waterFill([1, 2], 1, [0]), /order/);
    assert.throws(() => largestRemainder([1, 2], 1.5, [0, 1]), /supply/);
  });
});

describe('allocateSession: worked examples', () => {
  test('proportional (Hamilton) with hand-computed numbers', () => {
    const result = allocateSession([
      product({ stockVials: 10, lines: [line(1, 101, 0, 7), line(2, 102, 0, 5), line(3, 103, 0, 3)] }),
    ]);
    assert.deepEqual(outcome(result), { 1: [5, 'proportional'], 2: [3, 'proportional'], 3: [2, 'proportional'] });
    assert.deepEqual(result.products, [
      { productId: 1, demandedVials: 15, confirmedVials: 10, substituteVialsGiven: 0, stockVials: 10, stockLeftVials: 0 },
    ]);
  });

  test('proportional ties go to the earlier submission, then the smaller lineId', () => {
    // Three demands of 1 for 2 vials: equal remainders. Line 3 submitted first, lines 1 and 2 together.
    const result = allocateSession([
      product({ stockVials: 2, lines: [line(2, 102, 60, 1), line(1, 101, 60, 1), line(3, 103, 0, 1)] }),
    ]);
    assert.deepEqual(outcome(result), { 1: [1, 'full'], 2: [0, 'no_stock'], 3: [1, 'full'] });
  });

  test('maxmin (water-filling) with hand-computed numbers', () => {
    // Level 6 (2 + 6 + 6 = 14 <= 15), the extra vial to the earliest line above the level: line 3.
    const result = allocateSession([
      product({
        policy: 'maxmin',
        stockVials: 15,
        lines: [line(1, 101, 0, 2), line(2, 102, 20, 8), line(3, 103, 10, 10)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [2, 'full'], 2: [6, 'maxmin'], 3: [7, 'maxmin'] });
  });

  test('fcfs serves whole lines in submission order', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        stockVials: 8,
        lines: [line(1, 101, 30, 4), line(2, 102, 10, 5), line(3, 103, 20, 6)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [0, 'no_stock'], 2: [5, 'full'], 3: [3, 'fcfs'] });
  });

  test('stock covering the demand, or unlimited, gives everyone everything', () => {
    const lines = [line(1, 101, 0, 7), line(2, 102, 0, 5)];
    for (const stockVials of [12, 50, null]) {
      const result = allocateSession([product({ policy: 'fcfs', minOnePerOfficine: true, stockVials, lines })]);
      assert.deepEqual(outcome(result), { 1: [7, 'full'], 2: [5, 'full'] });
      assert.equal(result.products[0]!.stockLeftVials, stockVials === null ? null : stockVials - 12);
    }
  });

  test('min-one: one vial per officine by earliest submission, on its preferred line', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        minOnePerOfficine: true,
        stockVials: 3,
        lines: [
          line(1, 10, 0, 10),
          line(2, 10, 50, 5, { preferForMinOne: true }),
          line(3, 20, 10, 4),
          line(4, 30, 20, 6),
          line(5, 40, 30, 6),
        ],
      }),
    ]);
    // Officine 10's earliest submission is line 1, but its guaranteed vial lands on its preferred line 2.
    assert.deepEqual(outcome(result), {
      1: [0, 'no_stock'],
      2: [1, 'min_one'],
      3: [1, 'min_one'],
      4: [1, 'min_one'],
      5: [0, 'no_stock'],
    });
  });

  test('min-one: the policy then shares the remaining stock on the remaining demand', () => {
    // Officine 1 asks 9, officine 2 asks 1, stock 4: one each, then the 2 left go to officine 1.
    const result = allocateSession([
      product({ minOnePerOfficine: true, stockVials: 4, lines: [line(1, 1, 0, 9), line(2, 2, 0, 1)] }),
    ]);
    assert.deepEqual(outcome(result), { 1: [3, 'proportional'], 2: [1, 'full'] });
  });

  test('min-one: same earliest submission goes by officineId, smallest lineId without a preference', () => {
    const result = allocateSession([
      product({
        minOnePerOfficine: true,
        stockVials: 1,
        lines: [line(7, 20, 0, 3), line(9, 10, 0, 2), line(8, 10, 40, 2), line(6, 30, 90, 0)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 6: [0, 'full'], 7: [0, 'no_stock'], 8: [1, 'min_one'], 9: [0, 'no_stock'] });
  });

  test('box units: allocation in whole boxes, the stock rounded down to boxes', () => {
    // 25 vials = 2 boxes of 10 for demands of 3 and 1 boxes: quotas 1.5 and 0.5, tie to the earlier line 2.
    const result = allocateSession([
      product({ unitVials: 10, stockVials: 25, lines: [line(1, 101, 5, 30), line(2, 102, 0, 10)] }),
    ]);
    assert.deepEqual(outcome(result), { 1: [10, 'proportional'], 2: [10, 'full'] });
    assert.equal(result.products[0]!.stockLeftVials, 5);
  });

  test('box units: a demand that is not a whole number of boxes is rejected', () => {
    assert.throws(
      () => allocateSession([product({ unitVials: 10, stockVials: 25, lines: [line(1, 101, 0, 15)] })]),
      /multiple of 10/,
    );
  });

  test('substitution: the substitute leftover serves substitutable unmet demand', () => {
    const result = allocateSession([
      product({
        productId: 1,
        stockVials: 0,
        substituteProductId: 2,
        lines: [line(1, 101, 0, 6, { substitutable: true }), line(2, 102, 0, 4)],
      }),
      product({ productId: 2, stockVials: 10, lines: [line(3, 103, 0, 7)] }),
    ]);
    assert.deepEqual(result.lines, [
      { lineId: 1, productId: 1, confirmedVials: 0, substituteProductId: 2, substituteVials: 3, reason: 'substituted' },
      { lineId: 2, productId: 1, confirmedVials: 0, substituteProductId: null, substituteVials: 0, reason: 'no_stock' },
      { lineId: 3, productId: 2, confirmedVials: 7, substituteProductId: null, substituteVials: 0, reason: 'full' },
    ]);
    assert.deepEqual(result.products[1], {
      productId: 2,
      demandedVials: 7,
      confirmedVials: 7,
      substituteVialsGiven: 3,
      stockVials: 10,
      stockLeftVials: 0,
    });
  });

  test('substitution counts in the substitute units and never exceeds the unmet demand', () => {
    // Substitute sold by 5: 12 vials left = 2 boxes. Line 1 misses 7 vials -> 1 box; line 2 misses 4 -> none.
    const result = allocateSession([
      product({
        productId: 1,
        stockVials: 3,
        policy: 'fcfs',
        substituteProductId: 2,
        lines: [line(1, 101, 0, 10, { substitutable: true }), line(2, 102, 5, 4, { substitutable: true })],
      }),
      product({ productId: 2, unitVials: 5, stockVials: 12, lines: [] }),
    ]);
    const lines = byLine(result);
    assert.deepEqual([lines.get(1)!.confirmedVials, lines.get(1)!.substituteVials], [3, 5]);
    assert.deepEqual([lines.get(2)!.confirmedVials, lines.get(2)!.substituteVials, lines.get(2)!.reason], [0, 0, 'no_stock']);
    assert.equal(result.products[1]!.stockLeftVials, 7);
  });

  test('substitution: several products on one substitute are served in ascending productId', () => {
    const result = allocateSession([
      product({ productId: 3, substituteProductId: 2, lines: [line(1, 101, 0, 4, { substitutable: true })] }),
      product({ productId: 2, stockVials: 5, lines: [] }),
      product({ productId: 1, substituteProductId: 2, lines: [line(1, 101, 99, 3, { substitutable: true })] }),
    ]);
    assert.equal(byLine(result, 1).get(1)!.substituteVials, 3);
    assert.equal(byLine(result, 3).get(1)!.substituteVials, 2);
    assert.deepEqual(
      result.lines.map((l) => [l.productId, l.lineId]),
      [
        [1, 1],
        [3, 1],
      ],
    );
    assert.equal(result.products[1]!.stockLeftVials, 0);
  });

  test('substitution from an unlimited substitute covers all substitutable unmet demand', () => {
    const result = allocateSession([
      product({ productId: 1, stockVials: 2, substituteProductId: 2, lines: [line(1, 1, 0, 5, { substitutable: true })] }),
      product({ productId: 2, stockVials: null, lines: [] }),
    ]);
    assert.deepEqual(result.lines[0], {
      lineId: 1,
      productId: 1,
      confirmedVials: 2,
      substituteProductId: 2,
      substituteVials: 3,
      reason: 'substituted',
    });
  });

  test('timestamps in other ISO forms are ordered by their instant', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        stockVials: 1,
        // 09:00+02:00 is 07:00Z, before line 1's 08:00Z.
        lines: [line(1, 1, 0, 1), { ...line(2, 2, 0, 1), submittedAt: '2024-03-01T09:00:00+02:00' }],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [0, 'no_stock'], 2: [1, 'full'] });
  });

  test('submissions one millisecond apart are ordered', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        stockVials: 1,
        lines: [
          { ...line(1, 1, 0, 1), submittedAt: '2024-03-01T08:00:00.002Z' },
          { ...line(2, 2, 0, 1), submittedAt: '2024-03-01T08:00:00.001Z' },
        ],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [0, 'no_stock'], 2: [1, 'full'] });
  });

  test('invalid input is rejected', () => {
    assert.throws(() => allocateSession([product({ lines: [line(1, 1, 0, 1), line(1, 2, 0, 1)] })]), /lineId 1 twice/);
    assert.throws(() => allocateSession([product({ lines: [] }), product({ lines: [] })]), /appears twice/);
    assert.throws(() => allocateSession([product({ lines: [line(1, 1, 0, -1)] })]), /non-negative/);
    assert.throws(() => allocateSession([product({ lines: [{ ...line(1, 1, 0, 1), submittedAt: 'yesterday' }] })]), /submittedAt/);
    assert.throws(() => allocateSession([product({ unitVials: 0, lines: [] })]), /unitVials/);
    assert.throws(() => allocateSession([product({ stockVials: -1, lines: [] })]), /stockVials/);
  });
});

interface SessionOptions {
  policy?: AllocationPolicy;
  minOne?: boolean;
  maxProducts?: number;
  maxLines?: number;
}

/*
 * Random sessions for the property tests. Arbitraries are built with map only,
 * no chain: shrinking through chained arbitraries can run for minutes when a
 * property fails.
 */
const sessionStartMs = Date.parse('2023-12-20T22:59:58.500Z');

const lineDraftArbitrary = fc.record({
  lineId: fc.integer({ min: 1, max: 1_000_000 }),
  officineId: fc.integer({ min: 1, max: 25 }),
  tick: fc.integer({ min: 0, max: 40 }),
  units: fc.integer({ min: 0, max: 12 }),
  preferForMinOne: fc.boolean(),
  substitutable: fc.boolean(),
});

function productDraftArbitrary(options: SessionOptions) {
  return fc.record({
    unitVials: fc.constantFrom(1, 1, 5, 10),
    policy: options.policy === undefined ? fc.constantFrom(...allocationPolicies) : fc.constant(options.policy),
    minOnePerOfficine: options.minOne === undefined ? fc.boolean() : fc.constant(options.minOne),
    // Percent of the demand in stock: mostly scarce, sometimes ample, sometimes unlimited.
    stockPercent: fc.option(fc.integer({ min: 0, max: 130 }), { nil: null, freq: 8 }),
    stockExtraVials: fc.integer({ min: 0, max: 9 }),
    substituteIndex: fc.option(fc.nat(3), { nil: null }),
    lines: fc.uniqueArray(lineDraftArbitrary, { selector: (l) => l.lineId, maxLength: options.maxLines ?? 150 }),
    // Few ticks make ties frequent. The widest step spans years (crossing a new year and a
    // 29 February) and the widest ids exceed 2^32, for the module's non-radix sort path.
    tickMs: fc.constantFrom(1, 250, 1000, 7 * 86_400_000 + 1),
    lineIdScale: fc.constantFrom(1, 1, 2 ** 30),
  });
}

type ProductDraft = ReturnType<typeof productDraftArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function toProduct(draft: ProductDraft, index: number, productCount: number): ProductAllocationInput {
  const lines = draft.lines.map(({ lineId, tick, units, ...rest }) => ({
    ...rest,
    lineId: lineId * draft.lineIdScale,
    submittedAt: new Date(sessionStartMs + tick * draft.tickMs).toISOString(),
    vials: units * draft.unitVials,
  }));
  const demand = sum(lines.map((l) => l.vials));
  return {
    productId: (index + 1) * 10,
    unitVials: draft.unitVials,
    policy: draft.policy,
    minOnePerOfficine: draft.minOnePerOfficine,
    stockVials: draft.stockPercent === null ? null : Math.floor((demand * draft.stockPercent) / 100) + draft.stockExtraVials,
    // May point at the product itself, which must be harmless.
    substituteProductId: draft.substituteIndex === null ? null : ((draft.substituteIndex % productCount) + 1) * 10,
    lines,
  };
}

function sessionArbitrary(options: SessionOptions = {}): fc.Arbitrary<ProductAllocationInput[]> {
  return fc
    .array(productDraftArbitrary(options), { minLength: 1, maxLength: options.maxProducts ?? 4 })
    .map((drafts) => drafts.map((draft, index) => toProduct(draft, index, drafts.length)));
}

/** A single product, no min-one, no substitution: the policy alone. */
function singlePolicyArbitrary(policy: AllocationPolicy): fc.Arbitrary<ProductAllocationInput> {
  return sessionArbitrary({ policy, minOne: false, maxProducts: 1, maxLines: 300 }).map(([p]) => ({
    ...p!,
    substituteProductId: null,
  }));
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Units given per line of a single-product result, in priority order, with the demands. */
function unitsInPriorityOrder(input: ProductAllocationInput): { demanded: number[]; given: number[] } {
  const lines = byLine(allocateSession([input]), input.productId);
  const ordered = priorityOrder(input.lines);
  return {
    demanded: ordered.map((l) => l.vials / input.unitVials),
    given: ordered.map((l) => lines.get(l.lineId)!.confirmedVials / input.unitVials),
  };
}

function stockUnits(input: ProductAllocationInput): number {
  return input.stockVials === null ? Infinity : Math.floor(input.stockVials / input.unitVials);
}

describe('allocateSession: properties', () => {
  test('totals never exceed stock, and summaries match the lines', () => {
    fc.assert(
      fc.property(sessionArbitrary(), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const summary = result.products.find((s) => s.productId === p.productId)!;
          const own = result.lines.filter((l) => l.productId === p.productId);
          const givenAsSubstitute = result.lines.filter((l) => l.substituteProductId === p.productId);
          assert.equal(summary.confirmedVials, sum(own.map((l) => l.confirmedVials)));
          assert.equal(summary.substituteVialsGiven, sum(givenAsSubstitute.map((l) => l.substituteVials)));
          assert.equal(summary.demandedVials, sum(p.lines.map((l) => l.vials)));
          if (p.stockVials !== null) {
            assert.ok(summary.confirmedVials + summary.substituteVialsGiven <= p.stockVials);
            assert.equal(summary.stockLeftVials, p.stockVials - summary.confirmedVials - summary.substituteVialsGiven);
          }
        }
      }),
    );
  });

  test('no line gets more than it asked, values are whole units and never negative', () => {
    fc.assert(
      fc.property(sessionArbitrary(), (products) => {
        const result = allocateSession(products);
        assert.equal(result.lines.length, sum(products.map((p) => p.lines.length)));
        for (const p of products) {
          const lines = byLine(result, p.productId);
          for (const input of p.lines) {
            const l = lines.get(input.lineId)!;
            assert.ok(l.confirmedVials >= 0 && l.substituteVials >= 0);
            assert.ok(l.confirmedVials + l.substituteVials <= input.vials);
            assert.equal(l.confirmedVials % p.unitVials, 0);
            assert.equal(l.substituteVials > 0, l.substituteProductId !== null);
            if (l.substituteVials > 0) assert.equal(input.substitutable, true);
          }
        }
      }),
    );
  });

  test('own stock is used up to the demand: confirmed units = min(stock units, demanded units)', () => {
    fc.assert(
      fc.property(sessionArbitrary(), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const summary = result.products.find((s) => s.productId === p.productId)!;
          const demandedUnits = summary.demandedVials / p.unitVials;
          assert.equal(summary.confirmedVials / p.unitVials, Math.min(stockUnits(p), demandedUnits));
        }
      }),
    );
  });

  test('deterministic: shuffling products and lines gives the same result', () => {
    fc.assert(
      fc.property(sessionArbitrary(), fc.integer(), (products, seed) => {
        const shuffled = shuffle(products, seed).map((p, k) => ({ ...p, lines: shuffle(p.lines, seed + k + 1) }));
        assert.deepEqual(allocateSession(shuffled), allocateSession(products));
      }),
    );
  });

  test('output is sorted by productId then lineId', () => {
    fc.assert(
      fc.property(sessionArbitrary(), (products) => {
        const { lines } = allocateSession(products);
        for (let k = 1; k < lines.length; k++) {
          const a = lines[k - 1]!;
          const b = lines[k]!;
          assert.ok(a.productId < b.productId || (a.productId === b.productId && a.lineId < b.lineId));
        }
      }),
    );
  });

  test('full when stock covers demand', () => {
    const covered = sessionArbitrary().map((products) =>
      products.map((p) => ({ ...p, stockVials: p.stockVials === null ? null : sum(p.lines.map((l) => l.vials)) + p.stockVials })),
    );
    fc.assert(
      fc.property(covered, (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const lines = byLine(result, p.productId);
          for (const input of p.lines) {
            assert.deepEqual(lines.get(input.lineId), {
              lineId: input.lineId,
              productId: p.productId,
              confirmedVials: input.vials,
              substituteProductId: null,
              substituteVials: 0,
              reason: 'full',
            });
          }
        }
      }),
    );
  });

  test('reasons describe what happened to the line', () => {
    fc.assert(
      fc.property(sessionArbitrary(), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const lines = byLine(result, p.productId);
          for (const input of p.lines) {
            const l = lines.get(input.lineId)!;
            const expected =
              l.substituteVials > 0
                ? 'substituted'
                : l.confirmedVials === input.vials
                  ? 'full'
                  : l.confirmedVials === 0
                    ? 'no_stock'
                    : [p.policy, 'min_one'];
            if (Array.isArray(expected)) assert.ok(expected.includes(l.reason), l.reason);
            else assert.equal(l.reason, expected);
            if (l.reason === 'min_one') assert.equal(l.confirmedVials, p.unitVials);
          }
        }
      }),
    );
  });

  test('min-one: ordering officines served first, in order of earliest submission then officineId', () => {
    fc.assert(
      fc.property(sessionArbitrary({ minOne: true, maxProducts: 1 }), ([input]) => {
        const p = { ...input!, substituteProductId: null };
        const lines = byLine(allocateSession([p]), p.productId);
        const earliest = new Map<number, number>();
        for (const l of p.lines) {
          if (l.vials === 0) continue;
          const ms = Date.parse(l.submittedAt);
          earliest.set(l.officineId, Math.min(ms, earliest.get(l.officineId) ?? Infinity));
        }
        const officines = [...earliest].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([officineId]) => officineId);
        const served = Math.min(officines.length, stockUnits(p));
        officines.forEach((officineId, rank) => {
          const got = sum(p.lines.filter((l) => l.officineId === officineId).map((l) => lines.get(l.lineId)!.confirmedVials));
          if (rank < served) assert.ok(got >= p.unitVials, `officine ${officineId} should get a unit`);
          else assert.equal(got, 0, `officine ${officineId} is past the stock`);
        });
      }),
    );
  });

  test('proportional: each line within one unit of its exact quota', () => {
    fc.assert(
      fc.property(singlePolicyArbitrary('proportional'), (input) => {
        const { demanded, given } = unitsInPriorityOrder(input);
        const total = BigInt(sum(demanded));
        const supply = BigInt(Math.min(stockUnits(input), sum(demanded)));
        demanded.forEach((d, k) => {
          if (total === 0n) return;
          // |a - d*S/D| < 1  <=>  |a*D - d*S| < D
          const gap = BigInt(given[k]!) * total - BigInt(d) * supply;
          assert.ok(gap > -total && gap < total, `line ${k}: ${given[k]} vs ${d}*${supply}/${total}`);
        });
      }),
    );
  });

  test('maxmin: no line could gain without a line with an equal or smaller allocation losing', () => {
    fc.assert(
      fc.property(singlePolicyArbitrary('maxmin'), (input) => {
        const { demanded, given } = unitsInPriorityOrder(input);
        const highest = Math.max(0, ...given);
        demanded.forEach((d, k) => {
          // An unsatisfied line could only take from lines with at most one unit more than itself.
          if (given[k]! < d) assert.ok(highest <= given[k]! + 1, `line ${k} (${given[k]}/${d}) below ${highest}`);
        });
      }),
    );
  });

  test('fcfs: a later line gets something only if every earlier line is full', () => {
    fc.assert(
      fc.property(singlePolicyArbitrary('fcfs'), (input) => {
        const { demanded, given } = unitsInPriorityOrder(input);
        let allEarlierFull = true;
        demanded.forEach((d, k) => {
          if (given[k]! > 0) assert.ok(allEarlierFull, `line ${k} served before an earlier line was full`);
          if (given[k]! < d) allEarlierFull = false;
        });
      }),
    );
  });
});
