/**
 * The shape of the guides shown by « Documentation ». The texts live in guides.fr.ts and
 * guides.en.ts, loaded on demand; the types here cost nothing at run time, and the small builders below are only reached
 * through those lazily loaded files.
 */

/** A run of text: plain, or a label of the tool (« Valider ») shown as such. */
export type Inline = string | { label: string } | { strong: string };

export type Block =
  /** A paragraph. */
  | { kind: 'p'; text: Inline[] }
  /** Steps to follow in order. */
  | { kind: 'steps'; items: Inline[][] }
  /** A list where order does not matter. */
  | { kind: 'list'; items: Inline[][] }
  /** A highlighted remark. */
  | { kind: 'note'; text: Inline[] }
  /** A small heading inside a section. */
  | { kind: 'subtitle'; text: string };

export interface GuideSection {
  /** Stable id (tests and links use it), unique across all guides. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface Guide {
  id: string;
  title: string;
  summary: string;
  sections: GuideSection[];
}

export interface GuideBook {
  guides: Guide[];
}

// Small builders for the guide files (loaded with them, on demand).
type Item = Inline[] | string;
const runs = (item: Item): Inline[] => (typeof item === 'string' ? [item] : item);

export const label = (text: string): Inline => ({ label: text });
export const strong = (text: string): Inline => ({ strong: text });
export const p = (...text: Inline[]): Block => ({ kind: 'p', text });
export const note = (...text: Inline[]): Block => ({ kind: 'note', text });
export const steps = (...items: Item[]): Block => ({ kind: 'steps', items: items.map(runs) });
export const list = (...items: Item[]): Block => ({ kind: 'list', items: items.map(runs) });
export const subtitle = (text: string): Block => ({ kind: 'subtitle', text });
