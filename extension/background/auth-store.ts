import { z } from 'zod';
import { zMe, zOfficineChoice } from '../../shared/schemas/auth';
import type { KeyValueArea } from '../config/service-config';
import type { State } from '../messages/protocol';
import { stateSnapshotKey } from '../messages/state-snapshot';

/**
 * The login state, in the browser's session storage: it never reaches the disk in Chrome,
 * is wiped when the browser closes, and extension pages other than the background never
 * read the token (they ask the background). Sign-out clears it too. The one key a page
 * reads is the popup's snapshot of the last `getState` answer (messages/state-snapshot.ts,
 * no token in it), removed here at every change of the login state.
 */
const zAuth = z.object({ token: z.string().min(10), expiresAt: z.string(), me: zMe });
export type Auth = z.infer<typeof zAuth>;
const zCiba = z.object({ requestId: z.string(), bindingMessage: z.string(), expiresAt: z.string(), intervalSeconds: z.number().int().positive() });
export type StoredCiba = z.infer<typeof zCiba>;
const zChoice = z.object({ code: z.string(), officines: z.array(zOfficineChoice) });
export type StoredChoice = z.infer<typeof zChoice>;

async function read<T>(area: KeyValueArea, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse((await area.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

export class AuthStore {
  constructor(private readonly area: KeyValueArea) {}

  auth = (): Promise<Auth | null> => read(this.area, 'auth', zAuth);
  ciba = (): Promise<StoredCiba | null> => read(this.area, 'ciba', zCiba);
  choice = (): Promise<StoredChoice | null> => read(this.area, 'choice', zChoice);

  async setAuth(auth: Auth): Promise<void> {
    await this.area.remove(stateSnapshotKey);
    await this.area.set({ auth });
    await this.area.remove('ciba');
    await this.area.remove('choice');
  }
  setCiba = (ciba: StoredCiba): Promise<void> => this.change({ ciba });
  setChoice = (choice: StoredChoice): Promise<void> => this.change({ choice });
  clearCiba = (): Promise<void> => this.clear('ciba');
  clearChoice = (): Promise<void> => this.clear('choice');

  async clearAll(): Promise<void> {
    for (const key of [stateSnapshotKey, 'auth', 'ciba', 'choice']) await this.area.remove(key);
  }

  /** What the popup shows first next time; only ever the state just read from this store. */
  setStateSnapshot = (state: State): Promise<void> => this.area.set({ [stateSnapshotKey]: state });

  private async change(items: Record<string, unknown>): Promise<void> {
    await this.area.remove(stateSnapshotKey);
    await this.area.set(items);
  }

  private async clear(key: string): Promise<void> {
    await this.area.remove(stateSnapshotKey);
    await this.area.remove(key);
  }
}
