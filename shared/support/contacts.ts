/** Who can fix a problem: the catalogue points every error at one of them. */
export const contactIds = ['spf_support', 'ans', 'ordre', 'software_vendor'] as const;
export type ContactId = (typeof contactIds)[number];

export interface Contact {
  name: string;
  /** What this contact handles, in the user's words. */
  scope: string;
  how: string;
}

export const contacts: Record<ContactId, Contact> = {
  spf_support: {
    name: 'Support de Santé publique France',
    scope: "Commandes, sessions, quantités confirmées, livraisons et erreurs de l'outil.",
    how: 'Formulaire « Besoin d’aide ? » en choisissant le motif correspondant au message d’erreur.',
  },
  ans: {
    name: 'Agence du numérique en santé',
    scope: 'Carte CPS (code PIN bloqué, carte perdue), Cryptolib, application e-CPS.',
    how: 'CPS Info Service ou le centre de relation client e-CPS.',
  },
  ordre: {
    name: 'Ordre national des pharmaciens',
    scope: 'Données professionnelles erronées : activité, statut, officine, état civil.',
    how: 'Votre conseil régional (section A) ou central de l’Ordre.',
  },
  software_vendor: {
    name: 'Prestataire de logiciel pharmacie',
    scope: 'Navigateur imposé par le logiciel, lecteur de carte, poste informatique.',
    how: 'Le support de votre logiciel de gestion d’officine.',
  },
};
