import { createApiClient } from '../core/api-client';
import { SafeStorage } from '../core/safe-storage';
import type { WidgetContext } from '../core/widget-context';
import { loadLanguage, translator, type Lang } from '../i18n/index';

/**
 * Browser side of the component tests: the real server with demo data runs beside the
 * test runner (web-test-runner.config.mjs); these helpers reach it.
 */
export interface LiveServer {
  apiUrl: string;
}

export async function liveServer(): Promise<LiveServer> {
  const response = await fetch('/__vo-test/server');
  return (await response.json()) as LiveServer;
}

/** A fresh token for the demo officine at this index (0 has 320 effecteurs; see demo-catalogue). */
export async function demoToken(officineIndex: number): Promise<string> {
  const response = await fetch(`/__vo-test/token?officine=${officineIndex}`);
  if (!response.ok) throw new Error(await response.text());
  return ((await response.json()) as { token: string }).token;
}

/** Moves the server's clock (e.g. past a session's close); returns the new server time. */
export async function advanceServerClock(ms: number): Promise<string> {
  const response = await fetch(`/__vo-test/advance?ms=${ms}`);
  return ((await response.json()) as { now: string }).now;
}

/** A WidgetContext logged in as the pharmacist of a demo officine, against the live server. */
export async function liveContext(officineIndex: number, lang: Lang = 'fr', drafts = new SafeStorage('memory')): Promise<WidgetContext> {
  const { apiUrl } = await liveServer();
  const token = await demoToken(officineIndex);
  const api = createApiClient({ url: apiUrl, token: () => token, lang: () => lang });
  const me = await api.auth.me.query();
  // As <vaccine-order-app> does before drawing screens in a language.
  await loadLanguage(lang);
  return { api, lang, t: translator(lang), me, now: () => new Date(), drafts };
}

/** The pharmacist of a demo officine, as PSC knows them (their idNat), with a fresh token. */
export async function demoPharmacist(officineIndex: number): Promise<{ token: string; idNat: string }> {
  const response = await fetch(`/__vo-test/token?officine=${officineIndex}`);
  return (await response.json()) as { token: string; idNat: string };
}

/** What the pharmacist does on the phone: approve the e-CPS push waiting for this idNat. */
export async function approveCiba(idNat: string): Promise<{ approved: boolean; bindingMessage?: string }> {
  const response = await fetch(`/__vo-test/approve-ciba?idNat=${encodeURIComponent(idNat)}`);
  return (await response.json()) as { approved: boolean; bindingMessage?: string };
}

/** Makes the next login of the Pharmacie des Abymes a first login; gives its titulaire's idNat. */
export async function resetFirstLogin(): Promise<{ idNat: string }> {
  const response = await fetch('/__vo-test/first-login');
  return (await response.json()) as { idNat: string };
}
