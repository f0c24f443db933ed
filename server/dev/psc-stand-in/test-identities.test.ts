import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnValid } from '../../../shared/rules/identifiers';
import { demoOfficines } from '../demo-catalogue';
import { withLuhnKey } from '../identifiers';
import { testIdentities } from './test-identities';

const byName = (lastName: string) => testIdentities.find((i) => i.lastName === lastName);
const sites = (lastName: string) => byName(lastName)?.activities.map((a) => a.numeroFinessSite);

describe('test identities', () => {
  test('idNat is 8 + a Luhn-valid RPPS, and unique', () => {
    for (const identity of testIdentities) {
      assert.equal(identity.idNat, `8${identity.rpps}`);
      assert.ok(luhnValid(identity.rpps), identity.lastName);
    }
    assert.equal(new Set(testIdentities.map((i) => i.idNat)).size, testIdentities.length);
  });

  test('demo pharmacists keep their demo RPPS and officines', () => {
    for (const officine of demoOfficines) {
      const identity = testIdentities.find((i) => i.rpps === withLuhnKey(officine.pharmacist.rppsBody));
      if (!identity) continue;
      assert.equal(identity.lastName, officine.pharmacist.lastName);
    }
    assert.deepEqual(sites('Martin'), [withLuhnKey('75000101'), withLuhnKey('35001212')]);
    assert.deepEqual(sites('Bernard'), [withLuhnKey('69000202')]);
    assert.deepEqual(sites('Roux'), [withLuhnKey('97100999')]);
  });

  test('the SIRET-only site has no FINESS at all', () => {
    const [activity] = byName('Muller')?.activities ?? [];
    assert.equal(activity?.numeroFinessSite, '');
    assert.equal(activity?.numeroSiretSite, '12345678900017');
  });

  test('the médecin has empty pharmacist fields', () => {
    const girard = byName('Girard');
    assert.equal(girard?.profession, '10');
    const [activity] = girard?.activities ?? [];
    assert.deepEqual([activity?.codeSectionPharmacien, activity?.codeRole, activity?.numeroFinessSite], ['', '', '']);
    assert.equal(activity?.identifiantTechniqueDeLaStructure, 'R102671');
  });
});
