import type { AuthMode, PscOtherId, PscSubjectRefPro } from './psc-userinfo-shape';
import type { TestIdentity } from './test-identities';

export interface PscUserinfoClaims {
  SubjectNameID: string;
  preferred_username: string;
  given_name: string;
  family_name: string;
  email_verified: boolean;
  SubjectRefPro: PscSubjectRefPro;
  otherIds: PscOtherId[];
  authMode?: AuthMode;
  // VIHF-style flat claims: PSC fills them from the first activity only (psc.md §3.1), which is
  // exactly the trap a relying party must not fall into, so the stand-in reproduces it.
  SubjectOrganization: string;
  SubjectOrganizationID: string;
  SubjectRole: string[];
  Secteur_Activite: string;
  Palier_Authentification: string;
  PSI_Locale: string;
  Mode_Acces_Raison: string;
  Acces_Regulation_Medicale: string;
  UITVersion: string;
}

/** Every claim `scope_all` releases; oidc-provider drops any claim not listed here. */
export const scopeAllClaims = [
  'SubjectNameID',
  'preferred_username',
  'given_name',
  'family_name',
  'email_verified',
  'SubjectRefPro',
  'otherIds',
  'authMode',
  'SubjectOrganization',
  'SubjectOrganizationID',
  'SubjectRole',
  'Secteur_Activite',
  'Palier_Authentification',
  'PSI_Locale',
  'Mode_Acces_Raison',
  'Acces_Regulation_Medicale',
  'UITVersion',
] as const satisfies readonly (keyof PscUserinfoClaims)[];

// RPPS names come upper case from PSC.
const upper = (s: string) => s.toLocaleUpperCase('fr-FR');

export function pscUserinfoClaims(identity: TestIdentity, authMode: AuthMode | undefined): PscUserinfoClaims {
  const first = identity.activities[0];
  return {
    SubjectNameID: identity.idNat,
    preferred_username: identity.idNat,
    given_name: upper(identity.firstName),
    family_name: upper(identity.lastName),
    email_verified: false,
    SubjectRefPro: {
      codeCivilite: identity.civility,
      exercices: [
        {
          codeProfession: identity.profession,
          codeCategorieProfessionnelle: 'C',
          codeCiviliteDexercice: identity.codeCiviliteDexercice,
          nomDexercice: upper(identity.lastName),
          prenomDexercice: upper(identity.firstName),
          codeTypeSavoirFaire: identity.codeTypeSavoirFaire,
          codeSavoirFaire: identity.codeSavoirFaire,
          activities: identity.activities.map((a) => ({ ...a })),
        },
      ],
    },
    otherIds: [{ identifiant: identity.idNat, origine: 'RPPS', qualite: 1 }],
    ...(authMode ? { authMode } : {}),
    SubjectOrganization: first?.raisonSocialeSite ?? '',
    SubjectOrganizationID: first?.identifiantTechniqueDeLaStructure ?? '',
    SubjectRole: [`${identity.profession}^1.2.250.1.213.1.1.5.5`],
    Secteur_Activite: first ? `${first.codeSecteurDactivite}^1.2.250.1.71.4.2.4` : '',
    Palier_Authentification: 'APPPRIP3^1.2.250.1.213.1.5.1.1.1',
    PSI_Locale: '1.2.250.1.213.1.3.1.1',
    Mode_Acces_Raison: '',
    Acces_Regulation_Medicale: 'FAUX',
    UITVersion: '1.0',
  };
}
