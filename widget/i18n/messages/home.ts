import { defineMessages } from '../define';

export const home = defineMessages({
  'home.title': 'Accueil',
  'home.officine': 'Votre officine',
  'home.finess': 'FINESS {finess}',
  'home.session': 'Session de commande en cours',
  'home.noSession': 'Aucune session de commande n’est programmée pour le moment.',
  'home.session.opens': 'Ouverture : {date}',
  'home.session.closes': 'Fermeture : {date}',
  'home.session.confirmation': 'Publication des quantités confirmées : {date}',
  'home.order': 'Votre commande pour cette session',
  'home.order.none': 'Aucune commande saisie pour cette session.',
  'home.order.submitted': 'Commande enregistrée le {date} : {lines} ligne(s), {vials} flacon(s).',
  'home.order.cancelled': 'Commande annulée.',
  'home.entries': 'Accès rapides',
  'email.title': 'Adresse e-mail de l’officine',
  'email.intro':
    'Lors de votre première connexion, renseignez l’adresse e-mail de votre officine. Elle reçoit les confirmations de commande et sert d’identifiant si Pro Santé Connect est indisponible.',
  'email.label': 'Adresse e-mail',
  'email.invalid': 'Saisissez une adresse e-mail valide, par exemple contact@pharmacie.fr.',
  'email.saved': 'Adresse e-mail enregistrée.',
});
