import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkFiness,
  checkRpps,
  departementFromPostalCode,
  idNatFromRpps,
  luhnValid,
  rppsFromIdNat,
} from './identifiers';

const RPPS_VALID = ['10005682603', '10100394740', '10000001916', '99700427885'];
const RPPS_LUHN_INVALID = '10003461033';
const FINESS_VALID = ['010000016', '010780195', '750712184', '690781810'];
const FINESS_SANDBOX = '0B0193488';

/** Same number with its last digit changed: a Luhn key accepts exactly one last digit. */
function withWrongLastDigit(value: string): string {
  const last = Number(value.at(-1));
  return value.slice(0, -1) + String((last + 1) % 10);
}

/** Appends the Luhn key, computed independently of the implementation under test. */
function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = body + String(key);
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      sum += Math.floor(d / 10) + (d % 10);
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one key always fits');
}

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((a) => a.join(''));

/** A Luhn-valid number and a copy with exactly one digit replaced by a different one. */
const luhnNumberWithTypo = (length: number) =>
  digits(length - 1)
    .map(withLuhnKey)
    .chain((valid) =>
      fc.record({
        valid: fc.constant(valid),
        position: fc.integer({ min: 0, max: length - 1 }),
        delta: fc.integer({ min: 1, max: 9 }),
      }),
    )
    .map(({ valid, position, delta }) => ({
      valid,
      typo: valid.slice(0, position) + String((Number(valid[position]) + delta) % 10) + valid.slice(position + 1),
    }));

describe('luhnValid', () => {
  test('known valid and invalid numbers', () => {
    for (const v of [...RPPS_VALID, ...FINESS_VALID, '0', '18', '79927398713']) assert.equal(luhnValid(v), true, v);
    for (const v of [RPPS_LUHN_INVALID, '1', '79927398710', ...RPPS_VALID.map(withWrongLastDigit)]) {
      assert.equal(luhnValid(v), false, v);
    }
  });

  test('anything but a non-empty digit string is invalid', () => {
    for (const v of ['', ' ', '0000 0000', '12a4', '-18', '18 ', '１８']) assert.equal(luhnValid(v), false, JSON.stringify(v));
  });

  test('property: generated Luhn-valid numbers pass', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }).chain(digits).map(withLuhnKey), (v) => luhnValid(v)));
  });

  test('property: any single-digit change is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }).chain(luhnNumberWithTypo), ({ valid, typo }) => {
        assert.equal(luhnValid(valid), true);
        assert.equal(luhnValid(typo), false);
      }),
    );
  });

  test('property: swapping two adjacent different digits is detected, except 09/90', () => {
    fc.assert(
      fc.property(
        digits(10)
          .map(withLuhnKey)
          .chain((v) => fc.record({ v: fc.constant(v), i: fc.integer({ min: 0, max: v.length - 2 }) })),
        ({ v, i }) => {
          const a = v[i];
          const b = v[i + 1];
          fc.pre(a !== b && !((a === '0' && b === '9') || (a === '9' && b === '0')));
          const swapped = v.slice(0, i) + b + a + v.slice(i + 2);
          assert.equal(luhnValid(swapped), false);
        },
      ),
    );
  });
});

describe('checkFiness', () => {
  test('real Luhn-valid numbers are accepted and checked', () => {
    for (const v of FINESS_VALID) assert.deepEqual(checkFiness(v), { ok: true, normalized: v, checked: true });
  });

  test('spaces are removed', () => {
    assert.deepEqual(checkFiness('  750712184 '), { ok: true, normalized: '750712184', checked: true });
    assert.deepEqual(checkFiness('75 071 218 4'), { ok: true, normalized: '750712184', checked: true });
  });

  test('letters (sandbox, Corsica) are accepted unchecked and upper-cased', () => {
    assert.deepEqual(checkFiness(FINESS_SANDBOX), { ok: true, normalized: FINESS_SANDBOX, checked: false });
    assert.deepEqual(checkFiness('0b0193488'), { ok: true, normalized: FINESS_SANDBOX, checked: false });
    assert.deepEqual(checkFiness('2A0000123'), { ok: true, normalized: '2A0000123', checked: false });
    assert.deepEqual(checkFiness('2b0000124'), { ok: true, normalized: '2B0000124', checked: false });
  });

  test('a wrong check digit is reported', () => {
    for (const v of FINESS_VALID) {
      assert.deepEqual(checkFiness(withWrongLastDigit(v)), { ok: false, code: 'FINESS_CHECK_DIGIT' }, v);
    }
  });

  test('wrong shapes are format errors', () => {
    for (const v of ['', '75071218', '7507121840', '75071218-', '750.712.184', 'é50712184', '75071218\u0000']) {
      assert.deepEqual(checkFiness(v), { ok: false, code: 'FINESS_FORMAT' }, JSON.stringify(v));
    }
  });

  test('property: generated Luhn-valid 9-digit numbers are accepted; one-digit typos are caught', () => {
    fc.assert(
      fc.property(luhnNumberWithTypo(9), ({ valid, typo }) => {
        assert.deepEqual(checkFiness(valid), { ok: true, normalized: valid, checked: true });
        assert.deepEqual(checkFiness(typo), { ok: false, code: 'FINESS_CHECK_DIGIT' });
      }),
    );
  });
});

describe('checkRpps', () => {
  test('real Luhn-valid numbers have no warning', () => {
    for (const v of RPPS_VALID) assert.deepEqual(checkRpps(v), { ok: true, normalized: v, luhnWarning: false });
  });

  test('a failed Luhn key is only a warning', () => {
    assert.deepEqual(checkRpps(RPPS_LUHN_INVALID), { ok: true, normalized: RPPS_LUHN_INVALID, luhnWarning: true });
    for (const v of RPPS_VALID) {
      const wrong = withWrongLastDigit(v);
      assert.deepEqual(checkRpps(wrong), { ok: true, normalized: wrong, luhnWarning: true });
    }
  });

  test('spaces are removed', () => {
    assert.deepEqual(checkRpps(' 100 056 826 03 '), { ok: true, normalized: '10005682603', luhnWarning: false });
  });

  test('wrong shapes are format errors', () => {
    for (const v of ['', '1000568260', '100056826030', '1000568260A', '810005682603', '10005-682603']) {
      assert.deepEqual(checkRpps(v), { ok: false, code: 'RPPS_FORMAT' }, v);
    }
  });

  test('property: every 11-digit string is accepted, with a warning exactly when Luhn fails', () => {
    fc.assert(
      fc.property(digits(11), (v) => {
        assert.deepEqual(checkRpps(v), { ok: true, normalized: v, luhnWarning: !luhnValid(v) });
      }),
    );
  });

  test('property: one-digit typos in a valid RPPS raise the warning', () => {
    fc.assert(
      fc.property(luhnNumberWithTypo(11), ({ valid, typo }) => {
        assert.deepEqual(checkRpps(valid), { ok: true, normalized: valid, luhnWarning: false });
        assert.deepEqual(checkRpps(typo), { ok: true, normalized: typo, luhnWarning: true });
      }),
    );
  });
});

describe('IdNat', () => {
  test('idNatFromRpps prefixes 8', () => {
    assert.equal(idNatFromRpps('10005682603'), '810005682603');
    assert.equal(idNatFromRpps(' 10003461033 '), '810003461033');
    assert.throws(() => idNatFromRpps('1234'), RangeError);
  });

  test('rppsFromIdNat only accepts 8 + 11 digits', () => {
    assert.equal(rppsFromIdNat('810005682603'), '10005682603');
    assert.equal(rppsFromIdNat(' 899700427885'), '99700427885');
    for (const v of ['', '8', '81000568260', '8100056826030', '010005682603', '310005682603', '81000568260A']) {
      assert.equal(rppsFromIdNat(v), null, v);
    }
  });

  test('property: round trip', () => {
    fc.assert(fc.property(digits(11), (rpps) => rppsFromIdNat(idNatFromRpps(rpps)) === rpps));
  });
});

describe('departementFromPostalCode', () => {
  test('mainland', () => {
    assert.equal(departementFromPostalCode('75001'), '75');
    assert.equal(departementFromPostalCode('01000'), '01');
    assert.equal(departementFromPostalCode('13001'), '13');
    assert.equal(departementFromPostalCode('69007'), '69');
    assert.equal(departementFromPostalCode('95000'), '95');
    assert.equal(departementFromPostalCode(' 75 001 '), '75');
  });

  test('Corsica: 200xx-201xx is Corse-du-Sud, 202xx-206xx Haute-Corse', () => {
    assert.equal(departementFromPostalCode('20000'), '2A');
    assert.equal(departementFromPostalCode('20090'), '2A');
    assert.equal(departementFromPostalCode('20167'), '2A');
    assert.equal(departementFromPostalCode('20199'), '2A');
    assert.equal(departementFromPostalCode('20200'), '2B');
    assert.equal(departementFromPostalCode('20600'), '2B');
    assert.equal(departementFromPostalCode('20620'), '2B');
    assert.equal(departementFromPostalCode('20700'), null);
  });

  test('overseas use three digits', () => {
    assert.equal(departementFromPostalCode('97110'), '971');
    assert.equal(departementFromPostalCode('97200'), '972');
    assert.equal(departementFromPostalCode('97300'), '973');
    assert.equal(departementFromPostalCode('97400'), '974');
    assert.equal(departementFromPostalCode('97600'), '976');
    assert.equal(departementFromPostalCode('98800'), '988');
  });

  test('invalid codes give null', () => {
    for (const v of ['', '7500', '750011', '7500A', 'abcde', '00100', '96000', '2A000', '-7500']) {
      assert.equal(departementFromPostalCode(v), null, v);
    }
  });

  test('property: the result is a prefix of the postal code, except Corsica', () => {
    fc.assert(
      fc.property(digits(5), (code) => {
        const dep = departementFromPostalCode(code);
        if (dep === null) return;
        if (dep === '2A' || dep === '2B') assert.ok(code.startsWith('20'));
        else {
          assert.ok(code.startsWith(dep));
          assert.equal(dep.length, code.startsWith('97') || code.startsWith('98') ? 3 : 2);
        }
      }),
    );
  });
});
