/** Who an officine can order for. 'officine' is the pharmacy itself, ordering for its own needs. */
export const effecteurTypes = [
  'officine',
  'medecin',
  'infirmier',
  'sage_femme',
  'chirurgien_dentiste',
  'medecin_travail',
  'laboratoire',
  'ehpad',
  'autre_structure',
] as const;
export type EffecteurType = (typeof effecteurTypes)[number];

/** Structures are identified by FINESS; professionals by RPPS. */
export const structureEffecteurTypes: readonly EffecteurType[] = ['officine', 'laboratoire', 'ehpad', 'autre_structure'];

export function isStructureType(type: EffecteurType): boolean {
  return structureEffecteurTypes.includes(type);
}

export const effecteurTypeLabels: Record<EffecteurType, { fr: string; en: string }> = {
  officine: { fr: 'Officine', en: 'Pharmacy' },
  medecin: { fr: 'Médecin', en: 'Doctor' },
  infirmier: { fr: 'Infirmier', en: 'Nurse' },
  sage_femme: { fr: 'Sage-femme', en: 'Midwife' },
  chirurgien_dentiste: { fr: 'Chirurgien-dentiste', en: 'Dentist' },
  medecin_travail: { fr: 'Médecin du travail', en: 'Occupational physician' },
  laboratoire: { fr: 'Laboratoire de biologie médicale', en: 'Medical laboratory' },
  ehpad: { fr: 'EHPAD', en: 'Nursing home' },
  autre_structure: { fr: 'Autre structure', en: 'Other structure' },
};
