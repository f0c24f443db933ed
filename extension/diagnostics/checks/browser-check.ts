import type { CheckResult } from '../check-result';
import type { BrowserFact } from '../facts';
import { checkText } from '../../strings';

/** Versions the service supports: Chrome and Firefox ESR of the last year or so. */
export const minimumVersions = { chrome: 120, firefox: 115 };
const chromeNames = new Set(['Google Chrome', 'Chrome', 'Chromium']);

export function browserCheck(fact: BrowserFact): CheckResult {
  const t = checkText.browser;
  const major = Number.parseInt(fact.version, 10);
  const base = { id: 'browser', title: t.title, motif: 'navigateur_cookies', details: [{ label: checkText.labels.browser, value: `${fact.name} ${fact.version}` }] } as const;
  const family = fact.engine === 'gecko' && fact.name === 'Firefox' ? 'firefox' : chromeNames.has(fact.name) ? 'chrome' : null;
  if (!family) {
    return { ...base, details: [...base.details], verdict: 'warning', summary: t.other(fact.name), remedy: t.otherRemedy, contact: 'software_vendor', actions: [] };
  }
  const min = minimumVersions[family];
  if (!(major >= min)) {
    return { ...base, details: [...base.details], verdict: 'failure', summary: t.outdated(fact.name, fact.version, min), remedy: t.outdatedRemedy, contact: 'software_vendor', actions: [] };
  }
  return { ...base, details: [...base.details], verdict: 'pass', summary: t.pass(fact.name, fact.version), remedy: null, contact: 'spf_support', actions: [] };
}
