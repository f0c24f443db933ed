import { defineMessages } from '../define';

export const login = defineMessages({
  fr: {},
  en: {},
});
