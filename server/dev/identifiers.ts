import { luhnValid } from '../../shared/rules/identifiers';

/** Appends the Luhn key, so demo and test identifiers pass the same checks as real ones. */
export function withLuhnKey(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return body + String(d);
  throw new Error(`no Luhn key for ${body}`);
}

/** A small deterministic generator (mulberry32): the same demo data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeRpps(random: () => number): string {
  return withLuhnKey('10' + String(Math.floor(random() * 1e8)).padStart(8, '0'));
}
