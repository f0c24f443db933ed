import type { CheckResult } from '../check-result';
import type { CookieSetting, CookieSettingsFact } from '../facts';
import { checkText } from '../../strings';

const settingText = (setting: CookieSetting | null): string => (setting ? checkText.cookieSettings[setting] : checkText.unknown);

/**
 * The browser's own settings. Chrome tells the per-site decision (content settings) for the
 * service and PSC; Firefox only its global cookie behaviour. Third-party cookies are reported
 * but never fail the check: the service uses a bearer token, and PSC is a top-level page.
 */
export function cookieSettingsCheck(fact: CookieSettingsFact, hosts: { service: string; psc: string }): CheckResult {
  const t = checkText.cookieSettings;
  const l = checkText.labels;
  const details = [
    ...(fact.service !== null ? [{ label: l.serviceCookies, value: settingText(fact.service) }] : []),
    ...(fact.psc !== null ? [{ label: l.pscCookies, value: settingText(fact.psc) }] : []),
    ...(fact.thirdPartyAllowed !== null ? [{ label: l.thirdParty, value: t.thirdParty(fact.thirdPartyAllowed) }] : []),
    ...(fact.firefoxBehavior !== null ? [{ label: l.firefoxBehavior, value: fact.firefoxBehavior }] : []),
    { label: l.lockedByPolicy, value: fact.lockedByPolicy ? checkText.yes : checkText.no },
  ];
  const base = { id: 'cookie-settings', title: t.title, motif: 'navigateur_cookies', details } as const;
  const blockedSites = [fact.service === 'block' ? hosts.service : null, fact.psc === 'block' ? hosts.psc : null].filter((s): s is string => s !== null);
  const rejectAll = fact.firefoxBehavior === 'reject_all';
  if (blockedSites.length > 0 || rejectAll) {
    const summary = rejectAll ? t.firefoxRejectAll : t.blocked(blockedSites.join(' et '));
    return {
      ...base,
      verdict: 'failure',
      summary,
      remedy: fact.lockedByPolicy ? `${t.remedy} ${t.locked}` : t.remedy,
      contact: fact.lockedByPolicy ? 'software_vendor' : 'spf_support',
      actions: ['open-cookie-settings', 'clear-service-data', 'rerun'],
    };
  }
  const summary = fact.service === null ? `${t.pass} ${t.perSiteUnknown}` : t.pass;
  return { ...base, verdict: 'pass', summary, remedy: null, contact: 'spf_support', actions: [] };
}
