import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capFor, checkOrderLines, checkQuantity, checkTies, tiedQuantity, totalsByProduct, type OrderRulesContext, type RuleProduct } from './order-lines';

const vaccine: RuleProduct = { id: 1, dosesPerVial: 6, vialsPerBox: 10, minVials: 1, boxOnly: false, allowedEffecteurTypes: ['officine', 'medecin'] };
const boxed: RuleProduct = { id: 2, dosesPerVial: 10, vialsPerBox: 10, minVials: 10, boxOnly: true, allowedEffecteurTypes: ['officine'] };
const solvent: RuleProduct = { id: 3, dosesPerVial: 1, vialsPerBox: 10, minVials: 1, boxOnly: false, allowedEffecteurTypes: ['officine'] };

function context(tieRule: 'at_most' | 'exactly' | 'free' = 'exactly', per: 'vial' | 'dose' = 'vial'): OrderRulesContext {
  return {
    products: new Map([vaccine, boxed, solvent].map((p) => [p.id, p])),
    caps: new Map([[1, [{ effecteurType: 'medecin' as const, capVials: 4 }]]]),
    effecteurs: new Map([
      [10, { id: 10, type: 'officine' as const, active: true }],
      [11, { id: 11, type: 'medecin' as const, active: true }],
      [12, { id: 12, type: 'medecin' as const, active: false }],
    ]),
    ties: new Map([[3, { vaccineProductId: 1, per, ratio: 1, rule: tieRule }]]),
  };
}

describe('order line rules', () => {
  test('caps: a type not allowed, a cap of 0, no row (unlimited), a cap', () => {
    assert.deepEqual(capFor(vaccine, [], 'infirmier'), { allowed: false });
    assert.deepEqual(capFor(vaccine, [{ effecteurType: 'medecin', capVials: 0 }], 'medecin'), { allowed: false });
    assert.deepEqual(capFor(vaccine, [], 'officine'), { allowed: true, capVials: null });
    assert.deepEqual(capFor(vaccine, [{ effecteurType: 'medecin', capVials: 4 }], 'medecin'), { allowed: true, capVials: 4 });
  });

  test('quantities: above the cap, off the box, below the minimum; zero is no order', () => {
    assert.equal(checkQuantity(0, boxed, null), null);
    assert.deepEqual(checkQuantity(5, vaccine, 4), { code: 'LINE_ABOVE_CAP', params: { cap: 4 } });
    assert.deepEqual(checkQuantity(15, boxed, null), { code: 'LINE_NOT_BOX_MULTIPLE', params: { box: 10 } });
    assert.equal(checkQuantity(20, boxed, null), null);
  });

  test('an order: zero cells dropped, each broken line named', () => {
    const result = checkOrderLines(
      [
        { effecteurId: 10, productId: 1, vials: 3 },
        { effecteurId: 11, productId: 1, vials: 0 },
        { effecteurId: 11, productId: 1, vials: 5 },
        { effecteurId: 12, productId: 1, vials: 1 },
        { effecteurId: 99, productId: 1, vials: 1 },
      ],
      { ...context(), ties: new Map() },
    );
    assert.deepEqual(result.accepted, [{ effecteurId: 10, productId: 1, vials: 3 }]);
    assert.deepEqual(result.errors.map((e) => [e.index, e.code]), [
      [2, 'LINE_DUPLICATE'],
      [3, 'LINE_EFFECTEUR_INACTIVE'],
      [4, 'LINE_EFFECTEUR_UNKNOWN'],
    ]);
  });

  test('associated products: exactly, at most, free; per vial or per dose', () => {
    const lines = [
      { effecteurId: 10, productId: 1, vials: 3 },
      { effecteurId: 11, productId: 1, vials: 2 },
    ];
    assert.equal(tiedQuantity({ vaccineProductId: 1, per: 'vial', ratio: 1, rule: 'exactly' }, lines, context().products), 5);
    assert.equal(tiedQuantity({ vaccineProductId: 1, per: 'dose', ratio: 1, rule: 'exactly' }, lines, context().products), 30);
    const withSolvent = (n: number) => [...lines, { effecteurId: 10, productId: 3, vials: n }];
    assert.deepEqual(checkTies(withSolvent(5), context('exactly')), []);
    assert.deepEqual(checkTies(withSolvent(4), context('exactly')).map((e) => [e.index, e.code, e.params]), [[2, 'LINE_TIE_EXACTLY', { expected: 5 }]]);
    assert.deepEqual(checkTies(lines, context('exactly')).map((e) => [e.index, e.code]), [[-1, 'LINE_TIE_EXACTLY']], 'a missing associated line');
    assert.deepEqual(checkTies(withSolvent(4), context('at_most')), []);
    assert.deepEqual(checkTies(withSolvent(6), context('at_most')).map((e) => e.code), ['LINE_TIE_AT_MOST']);
    assert.deepEqual(checkTies(withSolvent(60), context('free')), []);
    assert.deepEqual(checkTies([{ effecteurId: 10, productId: 2, vials: 10 }], context('exactly')), [], 'no vaccine, no associated product expected');
    const withBlankCell = checkOrderLines([{ effecteurId: 12, productId: 1, vials: 0 }, ...withSolvent(4)], context('exactly'));
    assert.deepEqual(withBlankCell.errors.map((e) => [e.index, e.code]), [[3, 'LINE_TIE_EXACTLY']], 'the index is the position in the order sent, blank cells included');
  });

  test('totals per product in vials and doses', () => {
    assert.deepEqual(
      totalsByProduct(
        [
          { effecteurId: 10, productId: 1, vials: 3 },
          { effecteurId: 11, productId: 1, vials: 2 },
          { effecteurId: 10, productId: 2, vials: 10 },
        ],
        context().products,
      ),
      [
        { productId: 1, vials: 5, doses: 30 },
        { productId: 2, vials: 10, doses: 100 },
      ],
    );
  });
});
