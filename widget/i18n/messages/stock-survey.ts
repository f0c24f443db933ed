import { defineMessages } from '../define';

export const stockSurvey = defineMessages({
  fr: {
    'stockSurvey.title': 'Déclaration de stock',
    'stockSurvey.intro': 'Santé publique France demande pour cette session le nombre de doses de chaque vaccin que détient votre officine.',
    'stockSurvey.doses': 'Doses en stock : {product}',
    'stockSurvey.declared': 'Déclaré : {doses} doses le {when}',
    'stockSurvey.notDeclared': 'Pas encore déclaré',
    'stockSurvey.invalid': 'Saisissez un nombre entier de doses (0 si aucune).',
    'stockSurvey.nothing': 'Saisissez au moins une quantité avant d’enregistrer.',
    'stockSurvey.saved': 'Déclaration enregistrée le {when}.',
  },
  en: {
    'stockSurvey.title': 'Stock declaration',
    'stockSurvey.intro': 'For this session, Santé publique France asks how many doses of each vaccine your pharmacy holds.',
    'stockSurvey.doses': 'Doses in stock: {product}',
    'stockSurvey.declared': 'Declared: {doses} doses on {when}',
    'stockSurvey.notDeclared': 'Not declared yet',
    'stockSurvey.invalid': 'Enter a whole number of doses (0 if none).',
    'stockSurvey.nothing': 'Enter at least one quantity before saving.',
    'stockSurvey.saved': 'Declaration saved on {when}.',
  },
});
