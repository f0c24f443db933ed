import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessEligibility, structureKey, type PscActivity, type PscUserinfo } from './eligibility';

const activity = (overrides: PscActivity): PscActivity => ({
  codeSecteurDactivite: '',
  codeSectionPharmacien: '',
  codeRole: '',
  numeroFinessSite: '',
  numeroSiretSite: '',
  identifiantTechniqueDeLaStructure: '',
  raisonSocialeSite: 'PHARMACIE TEST',
  ...overrides,
});

const person = (profession: string, activities: PscActivity[]): PscUserinfo => ({
  sub: 'f:random:ignored',
  SubjectNameID: '810000001916',
  preferred_username: '810000001916',
  given_name: 'CLAIRE',
  family_name: 'MARTIN',
  SubjectRefPro: { exercices: [{ codeProfession: profession, activities }] },
} as PscUserinfo);

describe('eligibility from PSC userinfo', () => {
  test('a titulaire (section A, FON-03, SA33) is eligible for the activity’s FINESS', () => {
    const result = assessEligibility(person('21', [activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'A', codeRole: 'FON-03', numeroFinessSite: '750712184' })]));
    assert.ok(result.ok);
    assert.equal(result.idNat, '810000001916');
    assert.deepEqual(result.activities.map((a) => [a.role, a.finess]), [['titulaire', '750712184']]);
  });

  test('gérant après décès, and gérants of mining and mutual pharmacies', () => {
    const result = assessEligibility(
      person('21', [
        activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'D', codeRole: 'FON-07', numeroFinessSite: '111111111' }),
        activity({ codeSecteurDactivite: 'SA38', codeSectionPharmacien: 'D', codeRole: 'FON-23', numeroFinessSite: '222222222' }),
        activity({ codeSecteurDactivite: 'SA39', codeSectionPharmacien: 'D', codeRole: 'FON-23', numeroFinessSite: '333333333' }),
      ]),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.activities.map((a) => a.role), ['gerant_apres_deces', 'gerant_miniere', 'gerant_mutualiste']);
  });

  test('every activity is walked: an adjoint here and titulaire there is eligible there only', () => {
    const result = assessEligibility(
      person('21', [
        activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'D', codeRole: 'FON-05', numeroFinessSite: '111111111' }),
        activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'A', codeRole: 'FON-03', numeroFinessSite: '222222222' }),
      ]),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.activities.map((a) => a.finess), ['222222222']);
  });

  test('adjoints, remplaçants and other sectors are refused with the reason', () => {
    for (const a of [
      activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'D', codeRole: 'FON-05' }),
      activity({ codeSecteurDactivite: 'SA33', codeSectionPharmacien: 'D', codeRole: 'FON-04' }),
      activity({ codeSecteurDactivite: 'SA38', codeSectionPharmacien: 'D', codeRole: 'FON-05' }),
      activity({ codeSecteurDactivite: 'SA01', codeSectionPharmacien: 'H', codeRole: 'FON-37' }),
    ]) {
      assert.deepEqual(assessEligibility(person('21', [a])), { ok: false, idNat: '810000001916', reason: 'ROLE_NOT_ELIGIBLE' });
    }
  });

  test('a médecin is not a pharmacist; no identity is refused', () => {
    assert.deepEqual(assessEligibility(person('10', [activity({ codeSecteurDactivite: 'SA07' })])), { ok: false, idNat: '810000001916', reason: 'NOT_PHARMACIST' });
    assert.deepEqual(assessEligibility({}), { ok: false, idNat: null, reason: 'NO_IDENTITY' });
  });

  test('the structure is found by FINESS, else by SIRET, else from the technical id', () => {
    assert.deepEqual(structureKey(activity({ numeroFinessSite: '0b0193488' })), { finess: '0B0193488', siret: null });
    assert.deepEqual(structureKey(activity({ numeroSiretSite: '12345678900017' })), { finess: null, siret: '12345678900017' });
    assert.deepEqual(structureKey(activity({ identifiantTechniqueDeLaStructure: 'F750712184' })), { finess: '750712184', siret: null });
    assert.deepEqual(structureKey(activity({ identifiantTechniqueDeLaStructure: 'C39806996300013' })), { finess: null, siret: '39806996300013' });
    assert.deepEqual(structureKey(activity({ identifiantTechniqueDeLaStructure: 'R102671' })), { finess: null, siret: null });
  });
});
