/**
 * French health identifiers: FINESS (establishments), RPPS (health professionals) and the
 * derived IdNat, plus the département of a postal code.
 */

/** Users paste identifiers from letters and PDFs where they are often grouped with spaces. */
function compact(value: string): string {
  return value.replace(/\s+/g, '');
}

/** Luhn (mod 10) check over a non-empty string of ASCII digits; anything else is invalid. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type FinessCheck =
  | { ok: true; normalized: string; checked: boolean }
  | { ok: false; code: 'FINESS_FORMAT' | 'FINESS_CHECK_DIGIT' };

/**
 * A FINESS number is 9 characters. All-digit numbers carry a Luhn key. Corsican ones
 * (2A/2B) and some sandbox ones (e.g. 0B0193488) contain letters, and how letters enter
 * the key is not documented, so those are accepted unchecked (`checked: false`) rather
 * than rejecting real establishments.
 */
export function checkFiness(value: string): FinessCheck {
  const normalized = compact(value).toUpperCase();
  if (!/^[0-9A-Z]{9}$/.test(normalized)) return { ok: false, code: 'FINESS_FORMAT' };
  if (!/^\d{9}$/.test(normalized)) return { ok: true, normalized, checked: false };
  return luhnValid(normalized) ? { ok: true, normalized, checked: true } : { ok: false, code: 'FINESS_CHECK_DIGIT' };
}

export type RppsCheck = { ok: true; normalized: string; luhnWarning: boolean } | { ok: false; code: 'RPPS_FORMAT' };

/**
 * An RPPS number is 11 digits with a Luhn key, but some genuine (test) identities fail
 * the key, so a failure is only reported as a warning instead of blocking the user.
 */
export function checkRpps(value: string): RppsCheck {
  const normalized = compact(value);
  if (!/^\d{11}$/.test(normalized)) return { ok: false, code: 'RPPS_FORMAT' };
  return { ok: true, normalized, luhnWarning: !luhnValid(normalized) };
}

/** IdNat of a professional identified by RPPS: type prefix '8' followed by the RPPS. */
export function idNatFromRpps(rpps: string): string {
  const check = checkRpps(rpps);
  if (!check.ok) throw new RangeError(`Invalid RPPS: ${rpps}`);
  return `8${check.normalized}`;
}

/** The RPPS inside an IdNat, or null when the IdNat is not RPPS-based (other prefixes, e.g. ADELI). */
export function rppsFromIdNat(idNat: string): string | null {
  const normalized = compact(idNat);
  return /^8\d{11}$/.test(normalized) ? normalized.slice(1) : null;
}

/**
 * Département code of a French postal code: two digits in mainland France, '2A'/'2B' for
 * Corsica (whose postal codes still start with 20), three digits overseas (97x/98x).
 * Returns null for anything that cannot be a French postal code.
 */
export function departementFromPostalCode(postalCode: string): string | null {
  const code = compact(postalCode);
  if (!/^\d{5}$/.test(code)) return null;
  const two = code.slice(0, 2);
  if (two === '20') {
    const hundreds = Number(code.slice(2, 3));
    // Corse-du-Sud uses 200xx-201xx, Haute-Corse 202xx-206xx; nothing is allocated above.
    if (hundreds <= 1) return '2A';
    if (hundreds <= 6) return '2B';
    return null;
  }
  if (two === '97' || two === '98') return code.slice(0, 3);
  const n = Number(two);
  // 00 and 96 are not départements.
  return n >= 1 && n <= 95 ? two : null;
}
