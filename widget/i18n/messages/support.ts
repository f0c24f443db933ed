import { defineMessages } from '../define';

export const support = defineMessages({
  'support.title': 'Besoin d’aide ?',
  'support.intro':
    'Écrivez au support de Santé publique France en choisissant le motif correspondant au message d’erreur rencontré. Le support répondra à votre demande dans les plus brefs délais.',
  'support.formTitle': 'Contacter le support',
  'support.motif': 'Motif de la demande',
  'support.motifChoose': 'Choisissez un motif',
  'support.motifRequired': 'Choisissez le motif de votre demande.',
  'support.errorCode': 'Code de l’erreur rencontrée (facultatif)',
  'support.errorCodeHelp': 'Le code affiché sous le message d’erreur, par exemple SESSION_CLOSED.',
  'support.errorCodeGiven': 'Code de l’erreur qui vous a amené ici ; il est joint à la demande.',
  'support.errorCodeInvalid': 'Le code est en majuscules, chiffres et _ (exemple : SESSION_CLOSED), ou laissez le champ vide.',
  'support.message': 'Votre message',
  'support.messageHelp': 'Décrivez ce que vous faisiez, ce qui s’est passé et, si possible, l’heure. 5 000 caractères au plus.',
  'support.messageRequired': 'Écrivez votre message (5 000 caractères au plus).',
  'support.contactEmail': 'Adresse e-mail pour vous répondre',
  'support.contactEmailInvalid': 'Saisissez une adresse e-mail valide (exemple : contact@pharmacie.fr).',
  'support.send': 'Envoyer la demande',
  'support.sending': 'Envoi…',
  'support.sent': 'Votre demande n° {id} est enregistrée ({when}). Le support vous répondra à l’adresse {email}.',
  'support.newRequest': 'Nouvelle demande',
  'support.motifsFailed': 'La liste des motifs n’a pas pu être chargée depuis le service : la liste habituelle est proposée.',
  'support.fieldInvalid': 'Valeur invalide.',
  'support.contactsTitle': 'Qui contacter ?',
  'support.contactsIntro':
    'Selon le problème, le bon interlocuteur n’est pas toujours Santé publique France. Après les manipulations conseillées dans la documentation (navigateur, cookies) :',
  'support.contactHandles': 'Pour :',
  'support.contactHow': 'Comment :',
});
