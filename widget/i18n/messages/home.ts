import { defineMessages } from '../define';

export const home = defineMessages({
  fr: {},
  en: {},
});
