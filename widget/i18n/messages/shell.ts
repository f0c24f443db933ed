import { defineMessages } from '../define';

export const shell = defineMessages({
  fr: {
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
  },
  en: {
    'shell.menu': 'Main menu',
    'shell.home': 'Home',
    'shell.transaction': 'Orders',
    'shell.orderEntry': 'Order entry',
    'shell.tracking': 'Order tracking',
    'shell.account': 'View account',
    'shell.documentation': 'Documentation',
    'shell.support': 'Need help?',
    'shell.logout': 'Log out',
    'shell.expired': 'Your session has expired. Log in again: what you were typing is kept on this computer.',
    'shell.loggedOut': 'You are logged out.',
    'shell.unsupported':
      'This browser cannot run the ordering tool. Use Google Chrome or Mozilla Firefox; if your pharmacy software imposes this browser, contact your software vendor.',
  },
});
