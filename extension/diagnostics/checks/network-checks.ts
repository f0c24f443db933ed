import { zHealth } from '../../../shared/schemas/auth';
import type { CheckResult } from '../check-result';
import type { FetchOutcome } from '../facts';
import { checkText } from '../../strings';

export const slowMs = 2000;
const isTlsError = (code: string) => /CERT|SSL|TLS|SEC_ERROR|SSL_ERROR/i.test(code);

export function parseHealth(outcome: FetchOutcome) {
  if (!outcome.ok) return null;
  const body = outcome.body as { result?: { data?: unknown } } | null;
  const parsed = zHealth.safeParse(body?.result?.data);
  return parsed.success ? parsed.data : null;
}

export function serviceCheck(outcome: FetchOutcome): CheckResult {
  const t = checkText.service;
  const l = checkText.labels;
  const base = { id: 'service', title: t.title, motif: 'technique' } as const;
  if (!outcome.ok) {
    return {
      ...base,
      details: [{ label: l.error, value: outcome.error }],
      verdict: 'failure',
      summary: t.unreachable(outcome.error),
      remedy: isTlsError(outcome.error) ? t.tlsRemedy : t.unreachableRemedy,
      contact: 'software_vendor',
      actions: ['rerun'],
    };
  }
  const details = [{ label: l.latency, value: `${outcome.latencyMs} ms` }];
  const health = parseHealth(outcome);
  if (outcome.status !== 200 || !health) {
    return { ...base, details, verdict: 'failure', summary: t.httpError(outcome.status), remedy: t.degradedRemedy, contact: 'spf_support', actions: ['rerun'] };
  }
  details.push({ label: l.status, value: health.status });
  if (health.status !== 'ok') return { ...base, details, verdict: 'warning', summary: t.degraded, remedy: t.degradedRemedy, contact: 'spf_support', actions: ['rerun'] };
  if (outcome.latencyMs >= slowMs) return { ...base, details, verdict: 'warning', summary: t.slow(outcome.latencyMs), remedy: t.slowRemedy, contact: 'software_vendor', actions: ['rerun'] };
  return { ...base, details, verdict: 'pass', summary: t.pass(outcome.latencyMs), remedy: null, contact: 'spf_support', actions: [] };
}

/** PSC as the browser reaches it (the redirect login) and as the server reports it (e-CPS push and token checks). */
export function pscCheck(discovery: FetchOutcome, health: FetchOutcome): CheckResult {
  const t = checkText.psc;
  const l = checkText.labels;
  const server = parseHealth(health)?.psc ?? null;
  const browserOk = discovery.ok && discovery.status === 200;
  const browserCode = discovery.ok ? `HTTP ${discovery.status}` : discovery.error;
  const details = [
    { label: l.latency, value: discovery.ok ? `${discovery.latencyMs} ms` : browserCode },
    { label: l.pscByServer, value: server ?? checkText.unknown },
  ];
  const base = { id: 'psc', title: t.title, motif: 'connexion', details } as const;
  if (server === 'down') return { ...base, details: [...details], verdict: 'failure', summary: t.serverSaysDown, remedy: t.serverSaysDownRemedy, contact: 'ans', actions: ['rerun'] };
  if (!browserOk) return { ...base, details: [...details], verdict: 'warning', summary: t.browserBlocked(browserCode), remedy: t.browserBlockedRemedy, contact: 'software_vendor', actions: ['rerun'] };
  if (server === 'unknown') return { ...base, details: [...details], verdict: 'warning', summary: t.serverUnknown, remedy: null, contact: 'spf_support', actions: ['rerun'] };
  return { ...base, details: [...details], verdict: 'pass', summary: t.pass, remedy: null, contact: 'spf_support', actions: [] };
}

export const clockLimits = { warnSeconds: 30, failSeconds: 120 };

/** Skew from the server's own clock (health.serverTime, to the millisecond), else its Date header. */
export function clockSkewMs(outcome: FetchOutcome): number | null {
  if (!outcome.ok) return null;
  const localMid = (outcome.sentAt + outcome.receivedAt) / 2;
  const health = parseHealth(outcome);
  if (health) return localMid - Date.parse(health.serverTime);
  if (outcome.dateHeader && !Number.isNaN(Date.parse(outcome.dateHeader))) return localMid - Date.parse(outcome.dateHeader);
  return null;
}

export function clockCheck(health: FetchOutcome): CheckResult {
  const t = checkText.clock;
  const base = { id: 'clock', title: t.title, motif: 'connexion' } as const;
  const skew = clockSkewMs(health);
  if (skew === null) return { ...base, details: [], verdict: 'warning', summary: t.unknown, remedy: checkText.service.unreachableRemedy, contact: 'spf_support', actions: ['rerun'] };
  const seconds = Math.round(Math.abs(skew) / 1000);
  const details = [{ label: checkText.labels.skew, value: `${skew >= 0 ? '+' : '-'}${seconds} s` }];
  if (seconds > clockLimits.failSeconds) return { ...base, details, verdict: 'failure', summary: t.failure(seconds), remedy: t.remedy, contact: 'software_vendor', actions: ['rerun'] };
  if (seconds > clockLimits.warnSeconds) return { ...base, details, verdict: 'warning', summary: t.warning(seconds), remedy: t.remedy, contact: 'software_vendor', actions: ['rerun'] };
  return { ...base, details, verdict: 'pass', summary: t.pass(seconds), remedy: null, contact: 'spf_support', actions: [] };
}
