import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../lib/secret-hash';
import type { loginMethods } from '../../shared/schemas/auth';
import { isoNow } from '../clock';
import { AppError } from '../errors';
import * as tokens from '../repositories/tokens-repository';
import type { ServiceDeps } from './deps';

export type LoginMethod = (typeof loginMethods)[number];

export type Principal =
  | {
      kind: 'pharmacist';
      tokenId: number;
      pharmacistId: number;
      officineId: number;
      method: LoginMethod;
      expiresAt: string;
      /** False until the officine e-mail is given at first login. */
      officineHasEmail: boolean;
    }
  | { kind: 'admin'; tokenId: number; label: string | null };

const minute = 60_000;
/** Sliding expiry is written at most once a minute, so reads do not each cost a durable write. */
const touchEveryMs = minute;


export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Returns the bearer token once; only its hash is stored. */
  async issuePharmacistToken(pharmacistId: number, officineId: number, method: LoginMethod): Promise<{ token: string; expiresAt: string }> {
    return this.issue({ kind: 'pharmacist', pharmacistId, officineId, method, label: null, prefix: 'vop_' });
  }

  async issueAdminToken(label: string): Promise<{ token: string; expiresAt: string }> {
    return this.issue({ kind: 'admin', pharmacistId: null, officineId: null, method: 'dev', label, prefix: 'voa_' });
  }

  private async issue(t: {
    kind: 'pharmacist' | 'admin';
    pharmacistId: number | null;
    officineId: number | null;
    method: LoginMethod;
    label: string | null;
    prefix: string;
  }): Promise<{ token: string; expiresAt: string }> {
    const now = this.deps.clock.now();
    const token = t.prefix + randomBytes(32).toString('base64url');
    const { idleMinutes, maxHours } = this.deps.config.token;
    // Admin credentials are handed to operators and scripts: they live for the absolute lifetime only.
    const idle = t.kind === 'admin' ? maxHours * 60 : idleMinutes;
    const expiresAt = new Date(now.getTime() + maxHours * 60 * minute).toISOString();
    await tokens.insertToken(this.deps.db, {
      token_hash: sha256Hex(token),
      kind: t.kind,
      pharmacist_id: t.pharmacistId,
      officine_id: t.officineId,
      label: t.label,
      method: t.method,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      idle_expires_at: new Date(now.getTime() + idle * minute).toISOString(),
      expires_at: expiresAt,
    });
    return { token, expiresAt };
  }

  /** Resolves an Authorization header to a principal, or throws the reason it cannot. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+([A-Za-z0-9_-]{10,200})$/.exec(authorization?.trim() ?? '');
    if (!authorization) throw new AppError('UNAUTHENTICATED');
    if (!match?.[1]) throw new AppError('TOKEN_INVALID');
    const row = await tokens.findTokenByHash(this.deps.db, sha256Hex(match[1]));
    if (!row || row.revoked_at !== null) throw new AppError('TOKEN_INVALID');
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    if (row.expires_at <= nowIso || row.idle_expires_at <= nowIso) throw new AppError('TOKEN_EXPIRED');
    if (now.getTime() - Date.parse(row.last_used_at) >= touchEveryMs && row.kind === 'pharmacist') {
      const idleExpiry = new Date(Math.min(now.getTime() + this.deps.config.token.idleMinutes * minute, Date.parse(row.expires_at)));
      await tokens.touchToken(this.deps.db, row.id, nowIso, idleExpiry.toISOString());
    }
    if (row.kind === 'admin') return { kind: 'admin', tokenId: row.id, label: row.label };
    if (row.pharmacist_id === null || row.officine_id === null) throw new AppError('TOKEN_INVALID');
    return {
      kind: 'pharmacist',
      tokenId: row.id,
      pharmacistId: row.pharmacist_id,
      officineId: row.officine_id,
      method: row.method as LoginMethod,
      expiresAt: row.expires_at,
      officineHasEmail: row.officine_email !== null,
    };
  }

  async revoke(tokenId: number): Promise<void> {
    await tokens.revokeToken(this.deps.db, tokenId, isoNow(this.deps.clock));
  }
}
