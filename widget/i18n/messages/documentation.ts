import { defineMessages } from '../define';

export const documentation = defineMessages({
  fr: {},
  en: {},
});
