import type { Translation } from './define';
import type * as french from './messages/all-areas';
import * as english from './messages/en/all-areas';

// Reached only through import() (see loadLanguage in ./index.ts): the English strings are a
// chunk of their own, fetched when a host asks for English.

/** Every French screen has its English twin (checked when compiling), key for key (./define.ts). */
export const areas: { [A in keyof typeof french]: Translation<(typeof french)[A]> } = english;

export const table = Object.assign({}, ...Object.values(areas)) as Record<string, string>;
