import { effecteurTypes } from '../../shared/domain/effecteur-types';
import type { ZProductInput } from '../../shared/schemas/reference-data';
import type { ZCap } from '../../shared/schemas/sessions';

const allTypes: ZProductInput['allowedEffecteurTypes'] = [...effecteurTypes];

/** Products of the real campaign (doses per vial, boxes, minimums from the DGS-Urgent messages). */
export const demoProducts: (Omit<ZProductInput, 'substituteProductId'> & { substituteCode: string | null })[] = [
  {
    code: 'COMIRNATY-30-GRIS',
    label: 'VACCIN COVID 19 PFIZER 30µG 12+ (capsule grise, prêt à l’emploi)',
    laboratory: 'Pfizer-BioNTech',
    kind: 'vaccin',
    dosesPerVial: 6,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: allTypes,
    // Nov–Dec 2021: Pfizer vials above the release limit were replaced by Moderna.
    substituteCode: 'SPIKEVAX-BA45-1D',
  },
  {
    code: 'SPIKEVAX-BA45-1D',
    label: 'VACCIN COVID 19 MODERNA OO BA4-5 1D',
    laboratory: 'Moderna',
    kind: 'vaccin',
    dosesPerVial: 1,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: allTypes,
    substituteCode: null,
  },
  {
    code: 'COMIRNATY-10-5-11',
    label: 'VACCIN COVID 19 PFIZER 10µG 5-11 ANS (capsule orange)',
    laboratory: 'Pfizer-BioNTech',
    kind: 'vaccin',
    dosesPerVial: 10,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: ['officine', 'medecin', 'infirmier', 'sage_femme'],
    substituteCode: null,
  },
  {
    code: 'COMIRNATY-3-6M4A',
    label: 'VACCIN COVID 19 PFIZER MED 6M4A',
    laboratory: 'Pfizer-BioNTech',
    kind: 'vaccin',
    dosesPerVial: 10,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: ['medecin', 'infirmier', 'sage_femme'],
    substituteCode: null,
  },
  {
    code: 'NUVAXOVID',
    label: 'VACCIN COVID 19 NOVAVAX NUVAXOVID',
    laboratory: 'Novavax',
    kind: 'vaccin',
    dosesPerVial: 10,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: allTypes,
    substituteCode: null,
  },
  {
    code: 'VIDPREVTYN-BETA',
    label: 'VACCIN COVID 19 SANOFI VIDPREVTYN BETA',
    laboratory: 'Sanofi Pasteur',
    kind: 'vaccin',
    dosesPerVial: 10,
    vialsPerBox: 10,
    // Minimum order: one box of 10 vials, i.e. 100 doses (DGS-Urgent 2022-85).
    minVials: 10,
    boxOnly: true,
    allowedEffecteurTypes: allTypes,
    substituteCode: null,
  },
  {
    code: 'SOLVANT-NACL-09',
    label: 'SOLVANT DE DILUTION NACL 0,9 % (flacon)',
    laboratory: 'Santé publique France',
    kind: 'solvant',
    dosesPerVial: 1,
    vialsPerBox: 10,
    minVials: 1,
    boxOnly: false,
    allowedEffecteurTypes: ['officine'],
    substituteCode: null,
  },
];

export interface DemoOfficine {
  finessBody: string;
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  kind: 'officine' | 'miniere' | 'mutualiste';
  email: string | null;
  /** Only where PSC identifies the activity by SIRET (its FINESS left empty). */
  siret?: string;
  pharmacist: { rppsBody: string; firstName: string; lastName: string; role: string };
  effecteurs: number;
}

/** Fictitious officines; FINESS and RPPS numbers get a valid Luhn key appended. */
export const demoOfficines: DemoOfficine[] = [
  { finessBody: '75000101', name: 'Pharmacie du Marais', addressLine: '12 rue des Archives', postalCode: '75004', city: 'Paris', kind: 'officine', email: 'contact@pharmacie-marais.example', pharmacist: { rppsBody: '1000000101', firstName: 'Claire', lastName: 'Martin', role: 'titulaire' }, effecteurs: 320 },
  { finessBody: '69000202', name: 'Pharmacie des Terreaux', addressLine: '3 place des Terreaux', postalCode: '69001', city: 'Lyon', kind: 'officine', email: 'terreaux@pharmacie.example', pharmacist: { rppsBody: '1000000202', firstName: 'Hugo', lastName: 'Bernard', role: 'titulaire' }, effecteurs: 12 },
  { finessBody: '13000303', name: 'Pharmacie du Vieux-Port', addressLine: '45 quai du Port', postalCode: '13002', city: 'Marseille', kind: 'officine', email: null, pharmacist: { rppsBody: '1000000303', firstName: 'Inès', lastName: 'Garcia', role: 'titulaire' }, effecteurs: 8 },
  { finessBody: '33000404', name: 'Pharmacie des Chartrons', addressLine: '80 cours Portal', postalCode: '33000', city: 'Bordeaux', kind: 'officine', email: 'chartrons@pharmacie.example', pharmacist: { rppsBody: '1000000404', firstName: 'Louis', lastName: 'Petit', role: 'gerant_apres_deces' }, effecteurs: 6 },
  { finessBody: '59000505', name: 'Pharmacie de la Grand-Place', addressLine: '2 rue Esquermoise', postalCode: '59000', city: 'Lille', kind: 'officine', email: 'grandplace@pharmacie.example', pharmacist: { rppsBody: '1000000505', firstName: 'Emma', lastName: 'Robert', role: 'titulaire' }, effecteurs: 10 },
  { finessBody: '67000606', name: 'Pharmacie de la Cathédrale', addressLine: '1 place de la Cathédrale', postalCode: '67000', city: 'Strasbourg', kind: 'officine', email: 'cathedrale@pharmacie.example', pharmacist: { rppsBody: '1000000606', firstName: 'Jules', lastName: 'Richard', role: 'titulaire' }, effecteurs: 7 },
  { finessBody: '31000707', name: 'Pharmacie du Capitole', addressLine: '9 rue du Taur', postalCode: '31000', city: 'Toulouse', kind: 'officine', email: 'capitole@pharmacie.example', pharmacist: { rppsBody: '1000000707', firstName: 'Léa', lastName: 'Durand', role: 'titulaire' }, effecteurs: 9 },
  { finessBody: '44000808', name: 'Pharmacie de l’Île de Nantes', addressLine: '15 boulevard de la Prairie-au-Duc', postalCode: '44200', city: 'Nantes', kind: 'officine', email: 'iledenantes@pharmacie.example', pharmacist: { rppsBody: '1000000808', firstName: 'Nathan', lastName: 'Moreau', role: 'titulaire' }, effecteurs: 5 },
  { finessBody: '62000909', name: 'Pharmacie minière de Lens', addressLine: '20 rue de la Gare', postalCode: '62300', city: 'Lens', kind: 'miniere', email: 'lens@pharmacie-miniere.example', pharmacist: { rppsBody: '1000000909', firstName: 'Chloé', lastName: 'Lefebvre', role: 'gerant_miniere' }, effecteurs: 6 },
  { finessBody: '57001010', name: 'Pharmacie minière de Freyming', addressLine: '4 rue des Mineurs', postalCode: '57800', city: 'Freyming-Merlebach', kind: 'miniere', email: null, siret: '12345678900017', pharmacist: { rppsBody: '1000001010', firstName: 'Paul', lastName: 'Muller', role: 'gerant_miniere' }, effecteurs: 4 },
  { finessBody: '42001111', name: 'Pharmacie mutualiste de Saint-Étienne', addressLine: '7 rue de la Mutualité', postalCode: '42000', city: 'Saint-Étienne', kind: 'mutualiste', email: 'stetienne@pharmacie-mutualiste.example', pharmacist: { rppsBody: '1000001111', firstName: 'Manon', lastName: 'Fournier', role: 'gerant_mutualiste' }, effecteurs: 5 },
  { finessBody: '35001212', name: 'Pharmacie des Lices', addressLine: '10 place des Lices', postalCode: '35000', city: 'Rennes', kind: 'officine', email: 'lices@pharmacie.example', pharmacist: { rppsBody: '1000000101', firstName: 'Claire', lastName: 'Martin', role: 'titulaire' }, effecteurs: 6 },
];

/** Caps per effecteur type of the demo sessions, in vials (a product not listed has none). */
export const demoCaps: Record<string, ZCap[]> = {
  'COMIRNATY-30-GRIS': [
    { effecteurType: 'officine', capVials: 10 },
    { effecteurType: 'medecin', capVials: 4 },
    { effecteurType: 'infirmier', capVials: 2 },
    { effecteurType: 'sage_femme', capVials: 2 },
    { effecteurType: 'chirurgien_dentiste', capVials: 2 },
    { effecteurType: 'ehpad', capVials: 20 },
  ],
  'SPIKEVAX-BA45-1D': [
    { effecteurType: 'officine', capVials: 30 },
    { effecteurType: 'medecin', capVials: 10 },
    { effecteurType: 'infirmier', capVials: 10 },
  ],
  'COMIRNATY-3-6M4A': [
    { effecteurType: 'medecin', capVials: 1 },
    { effecteurType: 'infirmier', capVials: 1 },
    { effecteurType: 'sage_femme', capVials: 1 },
  ],
};
