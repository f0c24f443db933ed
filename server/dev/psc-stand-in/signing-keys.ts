import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';

/** A fresh key per start: nothing to commit, and tokens from a previous run cannot be replayed. */
export function generateSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
