/**
 * Who may order, read from Pro Santé Connect's userinfo. The rules are one table so they can
 * be adjusted when real userinfo shows other codes (the codes below come from the ANS code
 * lists; see docs/SECURITY.md for the reasoning and its uncertainties).
 */

export interface PscActivity {
  codeSecteurDactivite?: string;
  codeSectionPharmacien?: string;
  codeRole?: string;
  numeroFinessSite?: string;
  numeroSiretSite?: string;
  identifiantTechniqueDeLaStructure?: string;
  raisonSocialeSite?: string;
  codePostal?: string;
}

export interface PscUserinfo {
  SubjectNameID?: string;
  preferred_username?: string;
  given_name?: string;
  family_name?: string;
  authMode?: string;
  SubjectRefPro?: { exercices?: { codeProfession?: string; nomDexercice?: string; prenomDexercice?: string; activities?: PscActivity[] }[] };
}

export type EligibleRole = 'titulaire' | 'gerant_apres_deces' | 'gerant_miniere' | 'gerant_mutualiste';

interface Rule {
  role: EligibleRole;
  label: string;
  matches: (a: Required<Pick<PscActivity, 'codeSecteurDactivite' | 'codeSectionPharmacien' | 'codeRole'>>) => boolean;
}

const pharmacistProfession = '21';

/** The seed's list: titulaire(s), gérant after the titulaire's death, gérant of a mining or mutual pharmacy. */
export const eligibilityRules: readonly Rule[] = [
  {
    role: 'titulaire',
    label: 'Pharmacien titulaire d’officine',
    // Section A (E overseas) is the titulaires' table; FON-03 is the same fact seen as a role.
    matches: (a) => a.codeSecteurDactivite === 'SA33' && (a.codeRole === 'FON-03' || ['A', 'E'].includes(a.codeSectionPharmacien)),
  },
  {
    role: 'gerant_apres_deces',
    label: 'Gérant de l’officine après décès',
    matches: (a) => a.codeSecteurDactivite === 'SA33' && a.codeRole === 'FON-07',
  },
  {
    role: 'gerant_miniere',
    label: 'Gérant de pharmacie minière',
    matches: (a) => a.codeSecteurDactivite === 'SA38' && ['FON-23', 'FON-03', 'FON-07'].includes(a.codeRole),
  },
  {
    role: 'gerant_mutualiste',
    label: 'Gérant de pharmacie mutualiste',
    matches: (a) => a.codeSecteurDactivite === 'SA39' && ['FON-23', 'FON-03', 'FON-07'].includes(a.codeRole),
  },
];

/** How to find the officine of an activity: FINESS first, else SIRET (also read from the structure id). */
export interface StructureKey {
  finess: string | null;
  siret: string | null;
}

export interface EligibleActivity extends StructureKey {
  role: EligibleRole;
  label: string;
  siteName: string;
}

export type Eligibility =
  | { ok: true; idNat: string; firstName: string; lastName: string; activities: EligibleActivity[] }
  | { ok: false; idNat: string | null; reason: 'NO_IDENTITY' | 'NOT_PHARMACIST' | 'ROLE_NOT_ELIGIBLE' };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function structureKey(activity: PscActivity): StructureKey {
  const finess = text(activity.numeroFinessSite).toUpperCase();
  const siret = text(activity.numeroSiretSite);
  const technical = text(activity.identifiantTechniqueDeLaStructure).toUpperCase();
  // Observed technical ids: F + FINESS, C + SIRET.
  const fromTechnical = {
    finess: /^F[0-9A-Z]{9}$/.test(technical) ? technical.slice(1) : null,
    siret: /^C\d{14}$/.test(technical) ? technical.slice(1) : null,
  };
  return { finess: finess || fromTechnical.finess, siret: siret || fromTechnical.siret };
}

/** Walks every exercice and activity, keyed on SubjectNameID (idNat), never on `sub`. */
export function assessEligibility(userinfo: PscUserinfo): Eligibility {
  const idNat = text(userinfo.SubjectNameID) || text(userinfo.preferred_username);
  if (!idNat) return { ok: false, idNat: null, reason: 'NO_IDENTITY' };
  const exercices = userinfo.SubjectRefPro?.exercices ?? [];
  const pharmacist = exercices.filter((e) => text(e.codeProfession) === pharmacistProfession);
  if (pharmacist.length === 0) return { ok: false, idNat, reason: 'NOT_PHARMACIST' };
  const activities: EligibleActivity[] = [];
  for (const exercice of pharmacist) {
    for (const activity of exercice.activities ?? []) {
      const codes = {
        codeSecteurDactivite: text(activity.codeSecteurDactivite),
        codeSectionPharmacien: text(activity.codeSectionPharmacien),
        codeRole: text(activity.codeRole),
      };
      const rule = eligibilityRules.find((r) => r.matches(codes));
      if (rule) activities.push({ role: rule.role, label: rule.label, siteName: text(activity.raisonSocialeSite), ...structureKey(activity) });
    }
  }
  if (activities.length === 0) return { ok: false, idNat, reason: 'ROLE_NOT_ELIGIBLE' };
  const first = pharmacist[0];
  return {
    ok: true,
    idNat,
    firstName: text(userinfo.given_name) || text(first?.prenomDexercice),
    lastName: text(userinfo.family_name) || text(first?.nomDexercice),
    activities,
  };
}
