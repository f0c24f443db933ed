import { defineMessages } from '../define';

export const account = defineMessages({
  fr: {},
  en: {},
});
