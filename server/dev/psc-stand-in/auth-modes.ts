import type { AuthMode } from './psc-userinfo-shape';

// RFC 8176 values: the amr travels with codes, CIBA requests and refresh tokens, so it is the one
// place the chosen means survives from the login to the userinfo call.
const amrByMode: Record<AuthMode, string[]> = {
  CARD: ['sc', 'pin'],
  MOBILE: ['swk', 'pin'],
};

export function amrFor(mode: AuthMode): string[] {
  return [...amrByMode[mode]];
}

export function authModeFromAmr(amr: readonly string[] | undefined): AuthMode | undefined {
  if (!amr) return undefined;
  return amr.includes('sc') ? 'CARD' : 'MOBILE';
}

export function parseAuthMode(value: unknown): AuthMode | undefined {
  return value === 'CARD' || value === 'MOBILE' ? value : undefined;
}
