import { defineMessages } from '../define';

export const documentation = defineMessages({
  fr: {
    'documentation.title': 'Documentation',
    'documentation.intro': 'Guides d’utilisation du service de commande de vaccins Covid-19.',
    'documentation.toc': 'Sommaire',
    'documentation.loading': 'Chargement des guides…',
    'documentation.loadFailed': 'Les guides n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.',
    'documentation.backToToc': 'Retour au sommaire',
  },
  en: {
    'documentation.title': 'Documentation',
    'documentation.intro': 'User guides of the Covid-19 vaccine ordering service (summary of the French guides).',
    'documentation.toc': 'Contents',
    'documentation.loading': 'Loading the guides…',
    'documentation.loadFailed': 'The guides could not be loaded. Check your connection and retry.',
    'documentation.backToToc': 'Back to contents',
  },
});
