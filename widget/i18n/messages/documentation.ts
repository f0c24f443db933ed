import { defineMessages } from '../define';

export const documentation = defineMessages({
  'documentation.title': 'Documentation',
  'documentation.intro': 'Guides d’utilisation du service de commande de vaccins Covid-19.',
  'documentation.toc': 'Sommaire',
  'documentation.loading': 'Chargement des guides…',
  'documentation.loadFailed': 'Les guides n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.',
  'documentation.backToToc': 'Retour au sommaire',
});
