/**
 * The userinfo shape of Pro Santé Connect (psc.md §3). Field names keep PSC's spelling on purpose
 * (`codeSecteurDactivite`, `activities`, `numeroFinessetablissementJuridique`): relying-party code must
 * be written against the real names, not tidier ones.
 */
export interface PscActivity {
  codeModeExercice: string;
  codeSecteurDactivite: string;
  codeSectionPharmacien: string;
  codeRole: string;
  codeGenreActivite: string;
  numeroSiretSite: string;
  numeroSirenSite: string;
  numeroFinessSite: string;
  numeroFinessetablissementJuridique: string;
  identifiantTechniqueDeLaStructure: string;
  raisonSocialeSite: string;
  enseigneCommercialeSite: string;
  complementDestinataire: string;
  complementPointGeographique: string;
  numeroVoie: string;
  indiceRepetitionVoie: string;
  codeTypeDeVoie: string;
  libelleVoie: string;
  mentionDistribution: string;
  bureauCedex: string;
  codePostal: string;
  codeCommune: string;
  codePays: string;
  telephone: string;
  telephone2: string;
  telecopie: string;
  adresseEMail: string;
  codeDepartement: string;
  ancienIdentifiantDeLaStructure: string;
  autoriteDenregistrement: string;
}

export interface PscExercice {
  codeProfession: string;
  codeCategorieProfessionnelle: string;
  codeCiviliteDexercice: string;
  nomDexercice: string;
  prenomDexercice: string;
  codeTypeSavoirFaire: string;
  codeSavoirFaire: string;
  activities: PscActivity[];
}

export interface PscSubjectRefPro {
  codeCivilite: string;
  exercices: PscExercice[];
}

export interface PscOtherId {
  identifiant: string;
  origine: string;
  qualite: number;
}

/** CARD: CPS smart card; MOBILE: e-CPS app (also what a CIBA push uses unless `channel=CARD`). */
export type AuthMode = 'CARD' | 'MOBILE';

/** Real PSC sends "" rather than omitting a code, so every activity starts from this. */
export function emptyActivity(): PscActivity {
  return {
    codeModeExercice: '',
    codeSecteurDactivite: '',
    codeSectionPharmacien: '',
    codeRole: '',
    codeGenreActivite: '',
    numeroSiretSite: '',
    numeroSirenSite: '',
    numeroFinessSite: '',
    numeroFinessetablissementJuridique: '',
    identifiantTechniqueDeLaStructure: '',
    raisonSocialeSite: '',
    enseigneCommercialeSite: '',
    complementDestinataire: '',
    complementPointGeographique: '',
    numeroVoie: '',
    indiceRepetitionVoie: '',
    codeTypeDeVoie: '',
    libelleVoie: '',
    mentionDistribution: '',
    bureauCedex: '',
    codePostal: '',
    codeCommune: '',
    codePays: '',
    telephone: '',
    telephone2: '',
    telecopie: '',
    adresseEMail: '',
    codeDepartement: '',
    ancienIdentifiantDeLaStructure: '',
    autoriteDenregistrement: '',
  };
}
