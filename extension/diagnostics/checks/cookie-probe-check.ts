import type { CheckResult } from '../check-result';
import type { ProbeOutcome } from '../facts';
import { checkText } from '../../strings';

/** What the service's own page experiences: the final word on cookies and storage. */
export function cookieProbeCheck(outcome: ProbeOutcome): CheckResult {
  const t = checkText.cookieProbe;
  const base = { id: 'cookie-probe', title: t.title, motif: 'navigateur_cookies' } as const;
  if (outcome.status === 'timeout') {
    return { ...base, details: [], verdict: 'warning', summary: t.timeout, remedy: t.timeoutRemedy, contact: 'spf_support', actions: ['rerun'] };
  }
  const r = outcome.result;
  const l = checkText.labels;
  const yesNo = (ok: boolean) => (ok ? checkText.yes : checkText.no);
  const details = [
    { label: l.cookie, value: yesNo(r.cookie === 'ok') },
    { label: l.localStorage, value: yesNo(r.localStorage === 'ok') },
    { label: l.sessionStorage, value: yesNo(r.sessionStorage === 'ok') },
    { label: l.storageAccess, value: r.storageAccess },
  ];
  const ok = r.cookie === 'ok' && r.localStorage === 'ok' && r.sessionStorage === 'ok';
  return ok
    ? { ...base, details, verdict: 'pass', summary: t.pass, remedy: null, contact: 'spf_support', actions: [] }
    : {
        ...base,
        details,
        verdict: 'failure',
        summary: t.fail,
        remedy: checkText.cookieSettings.remedy,
        contact: 'spf_support',
        actions: ['open-cookie-settings', 'clear-service-data', 'rerun'],
      };
}
