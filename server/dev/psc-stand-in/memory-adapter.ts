import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

// oidc-provider checks expiry itself; keeping expired entries a while longer lets a late CIBA poll
// get expired_token, as from Keycloak, instead of a puzzling invalid_grant "not found".
const keptAfterExpirySeconds = 10 * 60;

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * oidc-provider's built-in memory adapter prints a "development-only" warning at every start and
 * shares one store between providers; this one is private to a stand-in and silent.
 */
export function createMemoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionKeyByUid = new Map<string, string>();
  const keyByUserCode = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + (expiresIn + keptAfterExpirySeconds) * 1000 : Number.POSITIVE_INFINITY;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && payload.uid) sessionKeyByUid.set(payload.uid, key);
        if (payload.userCode) keyByUserCode.set(payload.userCode, key);
        if (payload.grantId) {
          const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          keysByGrant.set(payload.grantId, keys);
        }
        return Promise.resolve();
      },
      find(id) {
        return Promise.resolve(live(keyFor(id)));
      },
      findByUid(uid) {
        const key = sessionKeyByUid.get(uid);
        return Promise.resolve(key ? live(key) : undefined);
      },
      findByUserCode(userCode) {
        const key = keyByUserCode.get(userCode);
        return Promise.resolve(key ? live(key) : undefined);
      },
      consume(id) {
        const payload = live(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        entries.delete(keyFor(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}
