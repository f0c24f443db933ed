/** One screen's French strings: French is the reference, always in the widget's first load. */
export function defineMessages<const F extends Record<string, string>>(fr: F): F {
  return fr;
}

/**
 * The same screen in another language: exactly the French keys, checked when compiling (a
 * missing key is an error, and so is an extra one, since translations are annotated literals).
 */
export type Translation<F> = { readonly [K in keyof F]: string };
