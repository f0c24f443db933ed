import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allocateSession,
  allocateUnits,
  allocationPolicies,
  allocationReasons,
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

describe('allocateSession: territorial priority, worked examples', () => {
  /** Line in a département; the examples give one officine per line unless said otherwise. */
  function lineIn(departement: string | null, lineId: number, officineId: number, seconds: number, vials: number): DemandLine {
    return line(lineId, officineId, seconds, vials, { departement });
  }

  test('priority lines are served first, the others share the leftover by the policy', () => {
    // Stock 17: the priority lines (93, 75) take their 4 + 6 = 10. The 7 left go to demands 10 and 5
    // by Hamilton: 4.67 and 2.33 -> 4 and 2, the 7th vial to the larger remainder (line 3).
    const lines = [lineIn('93', 1, 101, 0, 4), lineIn('75', 2, 102, 0, 6), lineIn('13', 3, 103, 0, 10), lineIn(null, 4, 104, 0, 5)];
    const priority = { departements: ['75', '93'], minOneBeforeSurplus: false };
    const result = allocateSession([product({ stockVials: 17, priority, lines })]);
    assert.deepEqual(outcome(result), { 1: [4, 'full'], 2: [6, 'full'], 3: [5, 'territorial'], 4: [2, 'territorial'] });
    assert.equal(result.products[0]!.stockLeftVials, 0);
    // The same lines without priority: 17/25 of each demand, 2.72 4.08 6.8 3.4 -> 3 4 7 3.
    assert.deepEqual(outcome(allocateSession([product({ stockVials: 17, priority: null, lines })])), {
      1: [3, 'proportional'],
      2: [4, 'proportional'],
      3: [7, 'proportional'],
      4: [3, 'proportional'],
    });
  });

  test('maxmin: the leftover is water-filled among the non-priority lines', () => {
    // Stock 12: line 1 (priority) takes 3. The 9 left for demands 2, 8, 10: level 3 (2 + 3 + 3 = 8),
    // the extra vial to the earliest line above the level, line 4.
    const result = allocateSession([
      product({
        policy: 'maxmin',
        stockVials: 12,
        priority: { departements: ['971'], minOneBeforeSurplus: false },
        lines: [lineIn('971', 1, 101, 30, 3), lineIn('974', 2, 102, 0, 2), lineIn('974', 3, 103, 20, 8), lineIn('972', 4, 104, 10, 10)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [3, 'full'], 2: [2, 'full'], 3: [3, 'territorial'], 4: [4, 'territorial'] });
  });

  test('fcfs: a priority line submitted last is still served first', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        stockVials: 7,
        priority: { departements: ['2A'], minOneBeforeSurplus: false },
        lines: [lineIn('01', 1, 101, 0, 5), lineIn('01', 2, 102, 10, 5), lineIn('2A', 3, 103, 50, 4)],
      }),
    ]);
    // A non-priority line left with nothing keeps 'no_stock'.
    assert.deepEqual(outcome(result), { 1: [3, 'territorial'], 2: [0, 'no_stock'], 3: [4, 'full'] });
  });

  test('minOneBeforeSurplus: every ordering officine gets one vial first, then the priority lines', () => {
    const lines = [lineIn('75', 1, 1, 0, 10), lineIn('33', 2, 2, 10, 5), lineIn('59', 3, 3, 20, 1), lineIn('2A', 4, 4, 30, 4)];
    // Stock 9: one vial each (4), then the 5 left to the priority remaining demands 9 and 3 by
    // Hamilton: 3.75 and 1.25 -> 3 and 1, the 5th vial to line 1. Officines 2 and 3 keep their one vial.
    const first = allocateSession([product({ stockVials: 9, priority: { departements: ['75', '2A'], minOneBeforeSurplus: true }, lines })]);
    assert.deepEqual(outcome(first), { 1: [5, 'proportional'], 2: [1, 'min_one'], 3: [1, 'full'], 4: [2, 'proportional'] });
    // Without it the priority lines share all 9: 6.43 and 2.57 -> 6 and 2, the 9th vial to line 4.
    const without = allocateSession([product({ stockVials: 9, priority: { departements: ['75', '2A'], minOneBeforeSurplus: false }, lines })]);
    assert.deepEqual(outcome(without), { 1: [6, 'proportional'], 2: [0, 'no_stock'], 3: [0, 'no_stock'], 4: [3, 'proportional'] });
    // The product's own minOnePerOfficine has the same effect.
    const ownMinOne = allocateSession([
      product({ stockVials: 9, minOnePerOfficine: true, priority: { departements: ['75', '2A'], minOneBeforeSurplus: false }, lines }),
    ]);
    assert.deepEqual(ownMinOne, first);
  });

  test('min-one before surplus follows the min-one rules: earliest officines first when units run short', () => {
    // Stock 2 for 3 officines: the two earliest get their vial, whatever their département; nothing is left.
    const result = allocateSession([
      product({
        stockVials: 2,
        priority: { departements: ['93'], minOneBeforeSurplus: true },
        lines: [lineIn('93', 1, 1, 20, 5), lineIn('13', 2, 2, 0, 5), lineIn('13', 3, 3, 10, 5)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [0, 'no_stock'], 2: [1, 'min_one'], 3: [1, 'min_one'] });
  });

  test('a priority set bigger than the stock is shared by the policy among the priority lines only', () => {
    // Stock 6 for priority demands 5 and 7: water level 3 each, the non-priority line gets nothing.
    const result = allocateSession([
      product({
        policy: 'maxmin',
        stockVials: 6,
        priority: { departements: ['93', '94'], minOneBeforeSurplus: false },
        lines: [lineIn('93', 1, 1, 0, 5), lineIn('94', 2, 2, 10, 7), lineIn('75', 3, 3, 0, 1)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [3, 'maxmin'], 2: [3, 'maxmin'], 3: [0, 'no_stock'] });
  });

  test('an officine with several lines: its priority lines all come before any other line', () => {
    // Officine 1 (93) has two lines; box units of 5: stock 22 vials = 4 boxes for demands 2 + 1 (priority) and 3 boxes.
    const result = allocateSession([
      product({
        unitVials: 5,
        stockVials: 22,
        priority: { departements: ['93'], minOneBeforeSurplus: false },
        lines: [lineIn('93', 1, 1, 0, 10), lineIn('93', 2, 1, 0, 5), lineIn('92', 3, 2, 0, 15)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [10, 'full'], 2: [5, 'full'], 3: [5, 'territorial'] });
    assert.equal(result.products[0]!.stockLeftVials, 2);
  });

  test("'territorial' only when the priority lines took some stock", () => {
    // The priority line's only vial is its min-one unit: the others are short by the policy alone.
    const result = allocateSession([
      product({
        stockVials: 5,
        priority: { departements: ['75'], minOneBeforeSurplus: true },
        lines: [lineIn('75', 1, 1, 0, 1), lineIn('13', 2, 2, 0, 4), lineIn('13', 3, 3, 0, 4)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [1, 'full'], 2: [2, 'proportional'], 3: [2, 'proportional'] });
  });

  test('départements match exactly; a missing or null département is never a priority', () => {
    const result = allocateSession([
      product({
        policy: 'fcfs',
        stockVials: 2,
        priority: { departements: ['2A'], minOneBeforeSurplus: false },
        lines: [lineIn('2a', 1, 1, 0, 1), lineIn(null, 2, 2, 0, 1), line(3, 3, 0, 1), lineIn('2A', 4, 4, 90, 1)],
      }),
    ]);
    assert.deepEqual(outcome(result), { 1: [1, 'full'], 2: [0, 'no_stock'], 3: [0, 'no_stock'], 4: [1, 'full'] });
  });

  test('stock covering the demand gives everyone everything, priority or not', () => {
    const lines = [lineIn('93', 1, 1, 0, 4), lineIn('13', 2, 2, 0, 6)];
    for (const stockVials of [10, 11, null]) {
      const priority = { departements: ['93'], minOneBeforeSurplus: true };
      assert.deepEqual(outcome(allocateSession([product({ stockVials, priority, lines })])), { 1: [4, 'full'], 2: [6, 'full'] });
    }
  });

  test('substitution then serves the unmet demand, priority or not', () => {
    const result = allocateSession([
      product({
        productId: 1,
        stockVials: 5,
        substituteProductId: 2,
        priority: { departements: ['75'], minOneBeforeSurplus: false },
        lines: [
          line(1, 1, 0, 4, { departement: '75' }),
          line(2, 2, 0, 4, { departement: '13', substitutable: true }),
          line(3, 3, 0, 2, { departement: '13' }),
        ],
      }),
      product({ productId: 2, stockVials: 10, lines: [] }),
    ]);
    // Own stock: 4 to line 1, the 1 left to demands 4 and 2 (0.67 and 0.33) -> line 2; line 2 then gets 3 of product 2.
    assert.deepEqual(result.lines, [
      { lineId: 1, productId: 1, confirmedVials: 4, substituteProductId: null, substituteVials: 0, reason: 'full' },
      { lineId: 2, productId: 1, confirmedVials: 1, substituteProductId: 2, substituteVials: 3, reason: 'substituted' },
      { lineId: 3, productId: 1, confirmedVials: 0, substituteProductId: null, substituteVials: 0, reason: 'no_stock' },
    ]);
    assert.equal(result.products[1]!.stockLeftVials, 7);
  });

  test('an invalid priority is rejected', () => {
    const lines = [line(1, 1, 0, 1)];
    const invalid = [{ departements: '75', minOneBeforeSurplus: false }, { departements: [75], minOneBeforeSurplus: false }, { departements: [] }];
    for (const priority of invalid) {
      assert.throws(() => allocateSession([product({ lines, priority: priority as unknown as ProductAllocationInput['priority'] })]), /territorial priority/);
    }
  });

  test("'territorial' is appended to the reasons, after the existing ones", () => {
    assert.deepEqual(allocationReasons, ['full', 'proportional', 'maxmin', 'fcfs', 'min_one', 'substituted', 'no_stock', 'territorial']);
  });
});

interface SessionOptions {
  policy?: AllocationPolicy;
  minOne?: boolean;
  maxProducts?: number;
  maxLines?: number;
  /** Lines get a département and every product a territorial priority. */
  territorial?: boolean;
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
    // Territorial sessions: each officine's département (index = officineId), absent or null
    // at times, and the product's priority (duplicates and the near-miss '2a' included).
    departementOf: options.territorial
      ? fc.array(fc.option(fc.constantFrom(...departementPool, undefined), { nil: null }), { minLength: 26, maxLength: 26 })
      : fc.constant(null),
    priority: options.territorial
      ? fc.record({
          departements: fc.array(fc.constantFrom('75', '93', '2A', '971', '13'), { maxLength: 6 }),
          minOneBeforeSurplus: fc.boolean(),
        })
      : fc.constant(null),
  });
}

const departementPool = ['75', '93', '2A', '2a', '971', '13', '59'];

type ProductDraft = ReturnType<typeof productDraftArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function toProduct(draft: ProductDraft, index: number, productCount: number): ProductAllocationInput {
  const lines: DemandLine[] = draft.lines.map(({ lineId, tick, units, ...rest }) => {
    const departement = draft.departementOf?.[rest.officineId];
    return {
      ...rest,
      lineId: lineId * draft.lineIdScale,
      submittedAt: new Date(sessionStartMs + tick * draft.tickMs).toISOString(),
      vials: units * draft.unitVials,
      ...(departement === undefined ? {} : { departement }),
    };
  });
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
    ...(draft.priority === null ? {} : { priority: draft.priority }),
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

/** Whether the line is in one of its product's priority départements. */
function isPriorityLine(p: ProductAllocationInput, l: DemandLine): boolean {
  return p.priority != null && l.departement != null && p.priority.departements.includes(l.departement);
}

/** The input with no territorial priority nor départements, as before the rule existed. */
function withoutTerritory(products: ProductAllocationInput[]): ProductAllocationInput[] {
  return products.map(({ priority: _priority, ...p }) => ({ ...p, lines: p.lines.map(({ departement: _departement, ...l }) => l) }));
}

describe('allocateSession: territorial priority, properties', () => {
  test('without priority nothing changes: absent, null, or listing no département', () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), (products) => {
        const before = allocateSession(withoutTerritory(products));
        assert.deepEqual(allocateSession(products.map((p) => ({ ...p, priority: null }))), before);
        // An empty list leaves only minOneBeforeSurplus, which is minOnePerOfficine.
        const emptyList = products.map((p) => ({ ...p, priority: { departements: [], minOneBeforeSurplus: false } }));
        assert.deepEqual(allocateSession(emptyList), before);
        const minOneOnly = products.map((p) => ({ ...p, priority: { departements: [], minOneBeforeSurplus: true } }));
        const ownMinOne = withoutTerritory(products).map((p) => ({ ...p, minOnePerOfficine: true }));
        assert.deepEqual(allocateSession(minOneOnly), allocateSession(ownMinOne));
      }),
    );
  });

  test('when every line is a priority one, the policy runs as without priority', () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), (products) => {
        const allPriority = products.map((p) => ({
          ...p,
          priority: { departements: ['75'], minOneBeforeSurplus: p.priority?.minOneBeforeSurplus ?? false },
          lines: p.lines.map((l) => ({ ...l, departement: '75' })),
        }));
        const expected = withoutTerritory(products).map((p, k) => ({
          ...p,
          minOnePerOfficine: p.minOnePerOfficine || allPriority[k]!.priority.minOneBeforeSurplus,
        }));
        assert.deepEqual(allocateSession(allPriority), allocateSession(expected));
      }),
    );
  });

  test('totals never exceed stock, own stock is used up to the demand, no line above its demand', () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const summary = result.products.find((s) => s.productId === p.productId)!;
          if (p.stockVials !== null) {
            assert.ok(summary.confirmedVials + summary.substituteVialsGiven <= p.stockVials, `product ${p.productId}`);
          }
          assert.equal(summary.confirmedVials / p.unitVials, Math.min(stockUnits(p), summary.demandedVials / p.unitVials));
          const lines = byLine(result, p.productId);
          for (const input of p.lines) {
            const l = lines.get(input.lineId)!;
            assert.ok(l.confirmedVials >= 0 && l.confirmedVials + l.substituteVials <= input.vials, `line ${input.lineId}`);
            assert.equal(l.confirmedVials % p.unitVials, 0);
          }
        }
      }),
    );
  });

  test('deterministic: shuffling products, lines and priority départements gives the same result', () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), fc.integer(), (products, seed) => {
        const shuffled = shuffle(products, seed).map((p, k) => ({
          ...p,
          lines: shuffle(p.lines, seed + k + 1),
          priority: p.priority && { ...p.priority, departements: shuffle([...p.priority.departements, ...p.priority.departements], seed - k) },
        }));
        assert.deepEqual(allocateSession(shuffled), allocateSession(products));
      }),
    );
  });

  test('no non-priority officine gets more than its min-one unit unless every priority line is full', () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const lines = byLine(result, p.productId);
          const confirmed = (l: DemandLine) => lines.get(l.lineId)!.confirmedVials;
          if (p.lines.every((l) => !isPriorityLine(p, l) || confirmed(l) === l.vials)) continue;
          const minOneVials = p.minOnePerOfficine || p.priority?.minOneBeforeSurplus === true ? p.unitVials : 0;
          const byOfficine = new Map<number, number>();
          for (const l of p.lines) {
            if (!isPriorityLine(p, l)) byOfficine.set(l.officineId, (byOfficine.get(l.officineId) ?? 0) + confirmed(l));
          }
          for (const [officineId, vials] of byOfficine) assert.ok(vials <= minOneVials, `officine ${officineId} got ${vials}`);
        }
      }),
    );
  });

  test('without min-one: the policy on the priority lines alone, then on the others with the stock left', () => {
    const arbitrary = sessionArbitrary({ territorial: true, minOne: false, maxProducts: 1 }).map(([p]) => ({
      ...p!,
      substituteProductId: null,
      priority: { ...p!.priority!, minOneBeforeSurplus: false },
    }));
    fc.assert(
      fc.property(arbitrary, (p) => {
        const lines = byLine(allocateSession([p]), p.productId);
        const alone = (subset: DemandLine[], stockVials: number | null) =>
          byLine(allocateSession([{ ...p, priority: null, stockVials, lines: subset }]), p.productId);
        const first = alone(p.lines.filter((l) => isPriorityLine(p, l)), p.stockVials);
        const servedFirst = sum([...first.values()].map((l) => l.confirmedVials));
        const rest = alone(p.lines.filter((l) => !isPriorityLine(p, l)), p.stockVials === null ? null : p.stockVials - servedFirst);
        for (const [lineId, expected] of [...first, ...rest]) {
          const l = lines.get(lineId)!;
          assert.equal(l.confirmedVials, expected.confirmedVials, `line ${lineId}`);
          const territorial = first.has(lineId) || servedFirst === 0 || expected.reason !== p.policy ? expected.reason : 'territorial';
          assert.equal(l.reason, territorial, `line ${lineId}`);
        }
      }),
    );
  });

  test("reasons: 'territorial' only for a short non-priority line, after the priority lines took stock", () => {
    fc.assert(
      fc.property(sessionArbitrary({ territorial: true }), (products) => {
        const result = allocateSession(products);
        for (const p of products) {
          const lines = byLine(result, p.productId);
          for (const input of p.lines) {
            const l = lines.get(input.lineId)!;
            if (l.reason !== 'territorial') continue;
            assert.ok(!isPriorityLine(p, input), `priority line ${input.lineId}`);
            assert.ok(l.confirmedVials > 0 && l.confirmedVials < input.vials && l.substituteVials === 0, `line ${input.lineId}`);
            // The priority lines got more than the min-one unit of each of their officines.
            const priorityLines = p.lines.filter((other) => isPriorityLine(p, other));
            const priorityVials = sum(priorityLines.map((other) => lines.get(other.lineId)!.confirmedVials));
            const minOne = p.minOnePerOfficine || p.priority?.minOneBeforeSurplus === true;
            const priorityOfficines = new Set(priorityLines.filter((other) => other.vials > 0).map((other) => other.officineId));
            assert.ok(priorityVials > (minOne ? priorityOfficines.size * p.unitVials : 0), 'the priority lines took nothing');
          }
        }
      }),
    );
  });
});
