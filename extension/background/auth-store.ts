import { z } from 'zod';
import { zMe, zOfficineChoice } from '../../shared/schemas/auth';
import type { KeyValueArea } from '../config/service-config';

/**
 * The login state, in the browser's session storage: it never reaches the disk in Chrome,
 * is wiped when the browser closes, and extension pages other than the background never
 * read it (they ask the background). Sign-out clears it too.
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
    await this.area.set({ auth });
    await this.area.remove('ciba');
    await this.area.remove('choice');
  }
  setCiba = (ciba: StoredCiba): Promise<void> => this.area.set({ ciba });
  setChoice = (choice: StoredChoice): Promise<void> => this.area.set({ choice });
  clearCiba = (): Promise<void> => this.area.remove('ciba');
  clearChoice = (): Promise<void> => this.area.remove('choice');

  async clearAll(): Promise<void> {
    for (const key of ['auth', 'ciba', 'choice']) await this.area.remove(key);
  }
}
