import type { AllocationReason } from '../rules/allocation';

/** Why a confirmed quantity differs from the order, in the words shown to pharmacists. */
export const allocationReasonLabels: Record<AllocationReason, { fr: string; en: string }> = {
  full: { fr: 'Quantité commandée confirmée', en: 'Ordered quantity confirmed' },
  proportional: {
    fr: 'Stock national insuffisant : réduction proportionnelle à la commande',
    en: 'National stock short: reduced in proportion to the order',
  },
  maxmin: {
    fr: 'Stock national insuffisant : partage équitable entre les commandes',
    en: 'National stock short: shared evenly between orders',
  },
  fcfs: {
    fr: 'Stock national épuisé dans l’ordre d’arrivée des commandes',
    en: 'National stock used up in order of submission',
  },
  min_one: { fr: 'Stock national insuffisant : un flacon garanti par officine', en: 'National stock short: one vial guaranteed per pharmacy' },
  substituted: { fr: 'Complété par le produit de substitution', en: 'Completed with the substitute product' },
  no_stock: { fr: 'Stock national épuisé', en: 'National stock used up' },
  territorial: {
    fr: 'Stock national insuffisant : départements prioritaires servis d’abord',
    en: 'National stock short: priority départements served first',
  },
};
