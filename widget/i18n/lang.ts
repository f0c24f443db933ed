export const langs = ['fr', 'en'] as const;
export type Lang = (typeof langs)[number];

export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
