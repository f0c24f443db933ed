import { defineMessages } from '../define';

export const stockSurvey = defineMessages({
  fr: {},
  en: {},
});
