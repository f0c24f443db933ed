import { defineMessages } from '../define';

export const support = defineMessages({
  fr: {},
  en: {},
});
