import { defineMessages } from '../define';

export const tracking = defineMessages({
  fr: {},
  en: {},
});
