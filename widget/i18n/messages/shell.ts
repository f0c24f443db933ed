import { defineMessages } from '../define';

export const shell = defineMessages({
  'shell.menu': 'Menu principal',
  'shell.home': 'Accueil',
  'shell.transaction': 'Transaction commerciale',
  'shell.orderEntry': 'Saisie de commande',
  'shell.tracking': 'Suivi de commande',
  'shell.account': 'Visualiser compte',
  'shell.documentation': 'Documentation',
  'shell.support': 'Besoin d’aide ?',
  'shell.logout': 'Se déconnecter',
  'shell.expired': 'Votre session a expiré. Reconnectez-vous : votre saisie en cours est conservée sur ce poste.',
  'shell.loggedOut': 'Vous êtes déconnecté.',
  'shell.unsupported':
    'Ce navigateur ne permet pas d’utiliser l’outil de commande. Utilisez Google Chrome ou Mozilla Firefox ; si votre logiciel pharmacie impose ce navigateur, contactez votre prestataire de logiciel.',
});
