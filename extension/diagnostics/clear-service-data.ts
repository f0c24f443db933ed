import { browser } from 'wxt/browser';

interface LooseBrowsingData {
  remove(options: { origins?: string[]; hostnames?: string[] }, types: Record<string, boolean>): Promise<void>;
}

/**
 * « Effacer l'historique du service », for the service's origin only. Chrome filters by
 * origin (cookies then go for the whole site, as Chrome does) and can include the cache;
 * Firefox filters by exact host name and cannot scope its cache, so the cache stays.
 */
export async function clearServiceData(serviceUrl: string): Promise<void> {
  const data = browser.browsingData as unknown as LooseBrowsingData;
  const url = new URL(serviceUrl);
  if (import.meta.env.FIREFOX) {
    await data.remove({ hostnames: [url.hostname] }, { cookies: true, localStorage: true, indexedDB: true, serviceWorkers: true });
  } else {
    await data.remove({ origins: [url.origin] }, { cookies: true, localStorage: true, indexedDB: true, cacheStorage: true, serviceWorkers: true, fileSystems: true, cache: true });
  }
}
