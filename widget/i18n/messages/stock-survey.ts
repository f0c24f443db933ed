import { defineMessages } from '../define';

export const stockSurvey = defineMessages({
  'stockSurvey.title': 'Déclaration de stock',
  'stockSurvey.intro': 'Santé publique France demande pour cette session le nombre de doses de chaque vaccin que détient votre officine.',
  'stockSurvey.doses': 'Doses en stock : {product}',
  'stockSurvey.declared': 'Déclaré : {doses} doses le {when}',
  'stockSurvey.notDeclared': 'Pas encore déclaré',
  'stockSurvey.invalid': 'Saisissez un nombre entier de doses (0 si aucune).',
  'stockSurvey.nothing': 'Saisissez au moins une quantité avant d’enregistrer.',
  'stockSurvey.saved': 'Déclaration enregistrée le {when}.',
});
