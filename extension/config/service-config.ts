import { z } from 'zod';
import { developmentPscDiscoveryUrl, developmentServiceUrl } from './build-defaults';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https everywhere; plain http only on the machine itself (development and tests). */
function isAllowedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  } catch {
    return false;
  }
}

const zAllowedUrl = z
  .string()
  .trim()
  .max(500)
  .refine(isAllowedUrl, { message: 'Adresse invalide : https://… attendu (http:// seulement pour 127.0.0.1 ou localhost).' });

export const zServiceConfig = z.object({
  /** The service's root, e.g. https://commande-vaccins.example; no trailing slash once parsed. */
  serviceUrl: zAllowedUrl.transform((value) => value.replace(/\/+$/, '')),
  /** Pro Santé Connect's discovery document: what the server itself checks to call PSC up. */
  pscDiscoveryUrl: zAllowedUrl,
  /** The page of the service that hosts the ordering widget. */
  orderPagePath: z.string().trim().regex(/^\/[^\s]*$/, { message: 'Chemin invalide : il doit commencer par /.' }).max(300),
});
export type ServiceConfig = z.infer<typeof zServiceConfig>;

const fromBuild = {
  serviceUrl: (import.meta.env?.WXT_SERVICE_URL as string | undefined) ?? developmentServiceUrl,
  pscDiscoveryUrl: (import.meta.env?.WXT_PSC_DISCOVERY_URL as string | undefined) ?? developmentPscDiscoveryUrl,
  orderPagePath: '/',
};

export const buildConfig: ServiceConfig = zServiceConfig.parse(fromBuild);

export const serviceOrigin = (config: ServiceConfig): string => new URL(config.serviceUrl).origin;
export const pscOrigin = (config: ServiceConfig): string => new URL(config.pscDiscoveryUrl).origin;

/** The part of an extension storage area the configuration needs (browser.storage.local in the extension). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const storageKey = 'serviceConfig';

/** The options page's choice if it is still valid, else the build's. */
export async function loadServiceConfig(area: KeyValueArea): Promise<ServiceConfig> {
  const stored = (await area.get(storageKey))[storageKey];
  const parsed = zServiceConfig.safeParse(stored);
  return parsed.success ? parsed.data : buildConfig;
}

export async function saveServiceConfig(area: KeyValueArea, config: ServiceConfig): Promise<void> {
  await area.set({ [storageKey]: zServiceConfig.parse(config) });
}

export async function resetServiceConfig(area: KeyValueArea): Promise<void> {
  await area.remove(storageKey);
}
