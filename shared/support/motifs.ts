/** Support ticket motifs, as the user picks them in « Besoin d'aide ? ». */
export const supportMotifIds = [
  'connexion',
  'navigateur_cookies',
  'compte',
  'effecteurs',
  'saisie_commande',
  'confirmation',
  'livraison',
  'technique',
  'autre',
] as const;
export type SupportMotifId = (typeof supportMotifIds)[number];

export const supportMotifs: Record<SupportMotifId, { fr: string; en: string }> = {
  connexion: { fr: 'Connexion (CPS, e-CPS, Pro Santé Connect)', en: 'Login (CPS, e-CPS, Pro Santé Connect)' },
  navigateur_cookies: { fr: 'Navigateur et cookies', en: 'Browser and cookies' },
  compte: { fr: 'Compte et adresse e-mail de l’officine', en: 'Account and pharmacy e-mail' },
  effecteurs: { fr: 'Effecteurs rattachés', en: 'Attached professionals' },
  saisie_commande: { fr: 'Saisie de commande', en: 'Order entry' },
  confirmation: { fr: 'Quantités confirmées', en: 'Confirmed quantities' },
  livraison: { fr: 'Livraison', en: 'Delivery' },
  technique: { fr: 'Erreur technique', en: 'Technical error' },
  autre: { fr: 'Autre demande', en: 'Other request' },
};
