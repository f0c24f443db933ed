import type { CIBATriggerAuthenticationDevice } from 'oidc-provider';
import { parseAuthMode } from './auth-modes';
import type { AuthMode } from './psc-userinfo-shape';

type CibaRequest = Parameters<CIBATriggerAuthenticationDevice>[1];

export interface PendingCiba {
  authReqId: string;
  loginHint: string;
  bindingMessage: string;
  clientId: string;
  createdAt: string;
}

interface Entry {
  request: PendingCiba;
  authMode: AuthMode;
  expiresAt: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The "push notifications" waiting on the simulated phone, until approved, denied or expired. */
export class PendingCibaRequests {
  readonly #entries = new Map<string, Entry>();

  record(request: CibaRequest): void {
    const params = request.params ?? {};
    const now = Date.now();
    this.#entries.set(request.jti, {
      request: {
        authReqId: request.jti,
        loginHint: text(params.login_hint),
        bindingMessage: text(params.binding_message),
        clientId: request.clientId ?? '',
        createdAt: new Date(now).toISOString(),
      },
      // PSC's own `channel` parameter picks the card (through CPS-Gestion) or the e-CPS app.
      authMode: parseAuthMode(params.channel) ?? 'MOBILE',
      expiresAt: now + request.expiration * 1000,
    });
  }

  list(): PendingCiba[] {
    this.#dropExpired();
    return [...this.#entries.values()].map((e) => ({ ...e.request }));
  }

  /** Removes the request, so a second decision on it fails instead of silently overriding the first. */
  take(authReqId: string): Entry {
    this.#dropExpired();
    const entry = this.#entries.get(authReqId);
    if (!entry) throw new Error(`no pending CIBA request ${authReqId} (unknown, expired or already decided)`);
    this.#entries.delete(authReqId);
    return entry;
  }

  #dropExpired(): void {
    const now = Date.now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }
}
