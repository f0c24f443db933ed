import type { CheckResult } from '../check-result';
import type { PoliciesFact } from '../facts';
import { checkText } from '../../strings';

/** Enterprise policies and proxy, as far as each browser shows them to an extension. */
export function policiesCheck(fact: PoliciesFact): CheckResult {
  const t = checkText.policies;
  const l = checkText.labels;
  const proxy =
    fact.proxy.status === 'unavailable' ? t.proxyChromeUnavailable : fact.proxy.status === 'not_permitted' ? t.proxyNotPermitted : `${fact.proxy.mode}${fact.proxy.detail ? ` (${fact.proxy.detail})` : ''}`;
  const details = [
    { label: l.managed, value: fact.managedKeys && fact.managedKeys.length > 0 ? fact.managedKeys.join(', ') : t.managedNone },
    { label: l.installType, value: fact.installType ?? checkText.unknown },
    { label: l.lockedByPolicy, value: fact.cookiesLockedByPolicy ? checkText.yes : checkText.no },
    { label: l.proxy, value: proxy },
  ];
  const base = { id: 'policies', title: t.title, motif: 'navigateur_cookies', details } as const;
  const actions = fact.proxy.status === 'not_permitted' ? (['grant-proxy'] as const) : ([] as const);
  if (fact.cookiesLockedByPolicy) return { ...base, details: [...details], verdict: 'warning', summary: t.locked, remedy: t.lockedRemedy, contact: 'software_vendor', actions: [...actions] };
  return { ...base, details: [...details], verdict: 'pass', summary: t.pass, remedy: null, contact: 'spf_support', actions: [...actions] };
}
