/** One screen's strings: French is the reference, English must have exactly the same keys. */
export function defineMessages<const F extends Record<string, string>>(messages: {
  fr: F;
  en: { [K in keyof F]: string };
}): { fr: F; en: { [K in keyof F]: string } } {
  return messages;
}
