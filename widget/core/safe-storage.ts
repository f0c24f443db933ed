/**
 * Web Storage that may be blocked: embedded engines and strict cookie settings make even
 * reading `window.sessionStorage` throw. Falls back to memory and says so, so screens can
 * tell the user their draft will not survive a reload.
 */
export class SafeStorage {
  readonly persistent: boolean;
  private readonly memory = new Map<string, string>();
  private readonly backend: Storage | null;

  constructor(kind: 'local' | 'session' | 'memory') {
    this.backend = kind === 'memory' ? null : SafeStorage.probe(kind);
    this.persistent = this.backend !== null;
  }

  private static probe(kind: 'local' | 'session'): Storage | null {
    try {
      const storage = kind === 'local' ? window.localStorage : window.sessionStorage;
      const key = '__vo_probe__';
      storage.setItem(key, '1');
      storage.removeItem(key);
      return storage;
    } catch {
      return null;
    }
  }

  get(key: string): string | null {
    if (!this.backend) return this.memory.get(key) ?? null;
    try {
      return this.backend.getItem(key);
    } catch {
      return this.memory.get(key) ?? null;
    }
  }

  set(key: string, value: string): void {
    this.memory.set(key, value);
    try {
      this.backend?.setItem(key, value);
    } catch {
      // Quota or a policy change mid-session: the memory copy still holds it.
    }
  }

  remove(key: string): void {
    this.memory.delete(key);
    try {
      this.backend?.removeItem(key);
    } catch {
      // Nothing more to do: the memory copy is gone.
    }
  }
}
