import { createHash } from 'node:crypto';

/** How tokens, one-time codes, OIDC states and rate-limit keys are stored: never in clear. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
