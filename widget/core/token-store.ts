import { SafeStorage } from './safe-storage';

const key = 'vo-token';

/**
 * Where the bearer token lives: in memory by default; also in sessionStorage when the host
 * allows it (so a reload keeps the user logged in). Never a cookie, never localStorage.
 */
export class TokenStore {
  private token: string | null = null;
  private readonly storage: SafeStorage | null;

  constructor(persist: boolean) {
    this.storage = persist ? new SafeStorage('session') : null;
    this.token = this.storage?.get(key) ?? null;
  }

  get(): string | null {
    return this.token;
  }

  set(token: string | null): void {
    this.token = token;
    if (token) this.storage?.set(key, token);
    else this.storage?.remove(key);
  }
}
