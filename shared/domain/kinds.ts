export const officineKinds = ['officine', 'miniere', 'mutualiste'] as const;
export type OfficineKind = (typeof officineKinds)[number];

export const officineKindLabels: Record<OfficineKind, { fr: string; en: string }> = {
  officine: { fr: 'Officine', en: 'Community pharmacy' },
  miniere: { fr: 'Pharmacie minière', en: 'Mining pharmacy' },
  mutualiste: { fr: 'Pharmacie mutualiste', en: 'Mutual pharmacy' },
};

/** Associated products (solvent, syringes, needles) are ordered in the same order as vaccines. */
export const productKinds = ['vaccin', 'solvant', 'seringue', 'aiguille', 'autre'] as const;
export type ProductKind = (typeof productKinds)[number];

/** How a pharmacist logged in: CPS card or e-CPS through Pro Santé Connect, e-CPS push, e-mail fallback, or the dev token. */
export const loginMethods = ['card', 'ecps', 'ciba', 'email', 'dev'] as const;
