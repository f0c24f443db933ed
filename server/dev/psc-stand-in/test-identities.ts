import { demoOfficines } from '../demo-catalogue';
import { withLuhnKey } from '../identifiers';
import { emptyActivity, type PscActivity } from './psc-userinfo-shape';

/** TRE_G15: 21 pharmacien, 10 médecin. */
export type ProfessionCode = '21' | '10';

export interface TestIdentity {
  /** '8' + RPPS: what PSC puts in SubjectNameID and what a CIBA login_hint carries. */
  idNat: string;
  rpps: string;
  civility: 'M' | 'MME';
  firstName: string;
  lastName: string;
  /** Role as a tester reads it on the login page (French). */
  description: string;
  /** Why this identity exists, when its role alone does not say it (French). */
  note: string;
  profession: ProfessionCode;
  codeCiviliteDexercice: string;
  codeTypeSavoirFaire: string;
  codeSavoirFaire: string;
  activities: PscActivity[];
}

type PharmacistRole = Pick<PscActivity, 'codeRole' | 'codeSectionPharmacien' | 'codeSecteurDactivite' | 'codeModeExercice'>;

// Combinations from psc.md §4.2; the relying party's eligibility rules are tested against them.
const titulaire: PharmacistRole = { codeRole: 'FON-03', codeSectionPharmacien: 'A', codeSecteurDactivite: 'SA33', codeModeExercice: 'L' };
const adjoint: PharmacistRole = { codeRole: 'FON-05', codeSectionPharmacien: 'D', codeSecteurDactivite: 'SA33', codeModeExercice: 'S' };
const gerantApresDeces: PharmacistRole = { codeRole: 'FON-07', codeSectionPharmacien: 'D', codeSecteurDactivite: 'SA33', codeModeExercice: 'S' };
const gerantMiniere: PharmacistRole = { codeRole: 'FON-23', codeSectionPharmacien: 'D', codeSecteurDactivite: 'SA38', codeModeExercice: 'S' };
const gerantMutualiste: PharmacistRole = { codeRole: 'FON-23', codeSectionPharmacien: 'D', codeSecteurDactivite: 'SA39', codeModeExercice: 'S' };

interface Site {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
}

function demoOfficine(finessBody: string) {
  const officine = demoOfficines.find((o) => o.finessBody === finessBody);
  // Failing at import time makes a drift between the demo data and the stand-in impossible to miss.
  if (!officine) throw new Error(`demo officine ${finessBody} is missing from demo-catalogue`);
  return officine;
}

/** RASS data is upper case and splits the street number from the street name. */
function address(site: Site): Partial<PscActivity> {
  const match = /^(\d+)\s+(.*)$/.exec(site.addressLine);
  return {
    raisonSocialeSite: site.name.toLocaleUpperCase('fr-FR'),
    numeroVoie: match?.[1] ?? '',
    libelleVoie: (match?.[2] ?? site.addressLine).toLocaleUpperCase('fr-FR'),
    codePostal: site.postalCode,
    bureauCedex: `${site.postalCode} ${site.city.toLocaleUpperCase('fr-FR')}`,
  };
}

/** Prefixes F/1 (FINESS) and C/3 (SIRET) follow the structure identifiers seen in PSC samples (psc.md §6.1). */
function byFiness(finess: string): Partial<PscActivity> {
  return { numeroFinessSite: finess, identifiantTechniqueDeLaStructure: `F${finess}`, ancienIdentifiantDeLaStructure: `1${finess}` };
}

function bySiretOnly(siret: string): Partial<PscActivity> {
  return { numeroSiretSite: siret, identifiantTechniqueDeLaStructure: `C${siret}`, ancienIdentifiantDeLaStructure: `3${siret}` };
}

function pharmacistActivity(role: PharmacistRole, site: Partial<PscActivity>): PscActivity {
  return { ...emptyActivity(), ...role, codeGenreActivite: 'GENR01', autoriteDenregistrement: 'CNOP/CNOP/CNOP', ...site };
}

function atDemoOfficine(role: PharmacistRole, finessBody: string): PscActivity {
  return pharmacistActivity(role, { ...address(demoOfficine(finessBody)), ...byFiness(withLuhnKey(finessBody)) });
}

type IdentityFields = Pick<TestIdentity, 'civility' | 'firstName' | 'lastName' | 'description' | 'activities'> &
  Partial<Pick<TestIdentity, 'note' | 'profession' | 'codeCiviliteDexercice' | 'codeTypeSavoirFaire' | 'codeSavoirFaire'>> & {
    rppsBody: string;
  };

function identity({ rppsBody, ...fields }: IdentityFields): TestIdentity {
  const rpps = withLuhnKey(rppsBody);
  return {
    idNat: `8${rpps}`,
    rpps,
    note: '',
    profession: '21',
    codeCiviliteDexercice: '',
    codeTypeSavoirFaire: '',
    codeSavoirFaire: '',
    ...fields,
  };
}

/** The pharmacist of a demo officine, so names and RPPS stay those of the demo data. */
function demoPharmacist(finessBody: string) {
  const { rppsBody, firstName, lastName } = demoOfficine(finessBody).pharmacist;
  return { rppsBody, firstName, lastName };
}

export const testIdentities: TestIdentity[] = [
  identity({
    ...demoPharmacist('69000202'),
    civility: 'M',
    description: 'Titulaire d’officine',
    activities: [atDemoOfficine(titulaire, '69000202')],
  }),
  identity({
    ...demoPharmacist('75000101'),
    civility: 'MME',
    description: 'Titulaire de deux officines',
    note: 'Deux situations d’exercice : il faut choisir l’officine',
    activities: [atDemoOfficine(titulaire, '75000101'), atDemoOfficine(titulaire, '35001212')],
  }),
  identity({
    ...demoPharmacist('33000404'),
    civility: 'M',
    description: 'Gérant après décès du titulaire',
    activities: [atDemoOfficine(gerantApresDeces, '33000404')],
  }),
  identity({
    ...demoPharmacist('62000909'),
    civility: 'MME',
    description: 'Gérante de pharmacie minière',
    activities: [atDemoOfficine(gerantMiniere, '62000909')],
  }),
  identity({
    ...demoPharmacist('42001111'),
    civility: 'MME',
    description: 'Gérante de pharmacie mutualiste',
    activities: [atDemoOfficine(gerantMutualiste, '42001111')],
  }),
  identity({
    rppsBody: '1000002020',
    civility: 'MME',
    firstName: 'Sarah',
    lastName: 'Dubois',
    description: 'Pharmacienne adjointe d’officine',
    note: 'Rôle non éligible',
    activities: [atDemoOfficine(adjoint, '69000202')],
  }),
  identity({
    rppsBody: '1000003030',
    civility: 'M',
    firstName: 'Thomas',
    lastName: 'Girard',
    description: 'Médecin généraliste',
    note: 'Profession non éligible',
    profession: '10',
    codeCiviliteDexercice: 'DR',
    codeTypeSavoirFaire: 'S',
    codeSavoirFaire: 'SM54',
    activities: [
      {
        ...emptyActivity(),
        ...address({ name: 'Cabinet du Dr Girard', addressLine: '5 rue de la République', postalCode: '69002', city: 'Lyon' }),
        codeModeExercice: 'L',
        codeSecteurDactivite: 'SA07',
        identifiantTechniqueDeLaStructure: 'R102671',
        autoriteDenregistrement: 'CNOM/CNOM/CNOM',
      },
    ],
  }),
  identity({
    rppsBody: '1000004040',
    civility: 'MME',
    firstName: 'Julie',
    lastName: 'Roux',
    description: 'Titulaire d’officine',
    note: 'Officine absente des données de démo',
    activities: [
      pharmacistActivity(titulaire, {
        ...address({ name: 'Pharmacie des Abymes', addressLine: '8 rue Delgrès', postalCode: '97139', city: 'Les Abymes' }),
        ...byFiness(withLuhnKey('97100999')),
      }),
    ],
  }),
  identity({
    ...demoPharmacist('57001010'),
    civility: 'M',
    description: 'Gérant de pharmacie minière',
    note: 'Site sans FINESS : SIRET seul',
    activities: [pharmacistActivity(gerantMiniere, { ...address(demoOfficine('57001010')), ...bySiretOnly('12345678900017') })],
  }),
];

export function findTestIdentity(idNat: string): TestIdentity | undefined {
  return testIdentities.find((i) => i.idNat === idNat);
}
