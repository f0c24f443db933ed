import { defineMessages } from '../define';

export const orderEntry = defineMessages({
  fr: {},
  en: {},
});
