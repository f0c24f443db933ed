import type { Translation } from '../../define';
import type { stockSurvey as french } from '../stock-survey';

export const stockSurvey: Translation<typeof french> = {
  'stockSurvey.title': 'Stock declaration',
  'stockSurvey.intro': 'For this session, Santé publique France asks how many doses of each vaccine your pharmacy holds.',
  'stockSurvey.doses': 'Doses in stock: {product}',
  'stockSurvey.declared': 'Declared: {doses} doses on {when}',
  'stockSurvey.notDeclared': 'Not declared yet',
  'stockSurvey.invalid': 'Enter a whole number of doses (0 if none).',
  'stockSurvey.nothing': 'Enter at least one quantity before saving.',
  'stockSurvey.saved': 'Declaration saved on {when}.',
};
