import { browser } from 'wxt/browser';
import { pscOrigin, serviceOrigin, type ServiceConfig } from '../config/service-config';
import { runCookieProbe } from './cookie-probe';
import type { BrowserFact, CookieSetting, CookieSettingsFact, Facts, PoliciesFact } from './facts';
import { timedFetch, type ErrorEvents } from './timed-fetch';
import { networkTimeoutMs } from './browser-facts-timeout';


// APIs one browser has and the other lacks, reached through loose types and feature tests.
interface SettingGetter<T> {
  get(details: object): Promise<{ value: T; levelOfControl: string }>;
}
interface LooseBrowser {
  runtime: { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  privacy?: { websites?: { thirdPartyCookiesAllowed?: SettingGetter<boolean>; cookieConfig?: SettingGetter<{ behavior: string }> } };
  storage: { managed?: { get(): Promise<Record<string, unknown>> } };
  management?: { getSelf?: () => Promise<{ installType: string }> };
  permissions: { contains(p: { permissions: string[] }): Promise<boolean> };
  proxy?: { settings: SettingGetter<{ proxyType?: string; http?: string; autoConfigUrl?: string }> };
  webRequest?: { onErrorOccurred: ErrorEvents };
}
interface ChromeContentSettings {
  contentSettings?: { cookies: { get(details: { primaryUrl: string }): Promise<{ setting: CookieSetting }> } };
}

const loose = browser as unknown as LooseBrowser;
const chromeApi = (globalThis as { chrome?: ChromeContentSettings }).chrome;
const quietly = async <T>(work: () => Promise<T | undefined> | undefined): Promise<T | null> => {
  try {
    return (await work()) ?? null;
  } catch {
    return null;
  }
};

async function browserFact(): Promise<BrowserFact> {
  const info = await quietly(() => loose.runtime.getBrowserInfo?.());
  if (info) return { name: info.name, version: info.version, engine: 'gecko' };
  const data = (navigator as { userAgentData?: { brands: Array<{ brand: string; version: string }>; getHighEntropyValues?: (h: string[]) => Promise<{ fullVersionList?: Array<{ brand: string; version: string }> }> } }).userAgentData;
  const list = (await quietly(async () => (await data?.getHighEntropyValues?.(['fullVersionList']))?.fullVersionList)) ?? data?.brands ?? [];
  // Edge and Opera also list "Chromium": the most specific brand wins.
  const preferred = ['Microsoft Edge', 'Opera', 'Google Chrome', 'Chromium'];
  const real = list.filter((b) => !/not.?a.?brand/i.test(b.brand));
  const pick = preferred.map((name) => real.find((b) => b.brand === name)).find(Boolean) ?? real[0];
  return pick ? { name: pick.brand, version: pick.version, engine: 'chromium' } : { name: navigator.userAgent.slice(0, 80), version: '0', engine: 'chromium' };
}

async function cookieFact(config: ServiceConfig): Promise<CookieSettingsFact> {
  const perSite = (url: string) => quietly(async () => (await chromeApi?.contentSettings?.cookies.get({ primaryUrl: url }))?.setting);
  const [service, psc, thirdParty, firefox] = await Promise.all([
    perSite(`${serviceOrigin(config)}/`),
    perSite(`${pscOrigin(config)}/`),
    quietly(() => loose.privacy?.websites?.thirdPartyCookiesAllowed?.get({})),
    quietly(() => loose.privacy?.websites?.cookieConfig?.get({})),
  ]);
  return {
    service,
    psc,
    thirdPartyAllowed: thirdParty?.value ?? null,
    firefoxBehavior: firefox?.value.behavior ?? null,
    // "not_controllable": a policy (or the pharmacy software) has fixed the setting.
    lockedByPolicy: thirdParty?.levelOfControl === 'not_controllable' || firefox?.levelOfControl === 'not_controllable',
  };
}

async function policiesFact(cookies: CookieSettingsFact): Promise<PoliciesFact> {
  const managed = await quietly(() => loose.storage.managed?.get());
  const self = await quietly(() => loose.management?.getSelf?.());
  let proxy: PoliciesFact['proxy'] = { status: 'unavailable' };
  if (import.meta.env.FIREFOX) {
    const allowed = await quietly(() => loose.permissions.contains({ permissions: ['proxy'] }));
    const settings = allowed ? await quietly(() => loose.proxy?.settings.get({})) : null;
    proxy = settings
      ? { status: 'read', mode: settings.value.proxyType ?? 'unknown', detail: settings.value.http ?? settings.value.autoConfigUrl ?? null }
      : { status: 'not_permitted' };
  }
  return { managedKeys: managed ? Object.keys(managed) : null, installType: self?.installType ?? null, cookiesLockedByPolicy: cookies.lockedByPolicy, proxy };
}

/** Gathers every fact at once: the slowest network check sets the pace, capped by the timeout. */
export async function gatherFacts(config: ServiceConfig, timeoutMs = networkTimeoutMs): Promise<Facts> {
  const errors = loose.webRequest?.onErrorOccurred;
  const [browserInfo, cookies, probe, health, pscDiscovery] = await Promise.all([
    browserFact(),
    cookieFact(config),
    runCookieProbe(config.serviceUrl, timeoutMs),
    timedFetch(`${config.serviceUrl}/trpc/health`, timeoutMs, errors),
    timedFetch(config.pscDiscoveryUrl, timeoutMs, errors),
  ]);
  return { browser: browserInfo, cookies, probe, health, pscDiscovery, policies: await policiesFact(cookies), measuredAt: Date.now() };
}
