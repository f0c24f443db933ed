import type { SupportMotifId } from '../../shared/support/motifs';
import type { CheckResult } from './check-result';
import type { Facts } from './facts';
import { contacts } from '../../shared/support/contacts';
import { diagnosticsPage } from '../strings';

export const maxReportChars = 60_000;

export interface ReportMeta {
  extensionVersion: string;
  serviceUrl: string;
  pscDiscoveryUrl: string;
  generatedAt: string;
  durationMs: number;
}

/** The JSON sent with a ticket: verdicts, observed values, never a token or personal data. */
export function reportJson(results: CheckResult[], facts: Facts, meta: ReportMeta): Record<string, unknown> {
  const report: Record<string, unknown> = {
    kind: 'extension-diagnostics',
    version: 1,
    ...meta,
    browser: facts.browser,
    userAgent: (facts.probe.status === 'done' ? facts.probe.result.userAgent : navigatorAgent()).slice(0, 500),
    checks: results.map((r) => ({ id: r.id, verdict: r.verdict, summary: r.summary, contact: r.contact, details: r.details })),
    probe: facts.probe,
  };
  // The server takes 64 KB at most: the raw probe goes first, then the details.
  if (JSON.stringify(report).length > maxReportChars) delete report.probe;
  if (JSON.stringify(report).length > maxReportChars) report.checks = results.map((r) => ({ id: r.id, verdict: r.verdict }));
  return report;
}

const navigatorAgent = (): string => (typeof navigator === 'undefined' ? 'inconnu' : navigator.userAgent);

/** « Copier le rapport »: readable lines first, the JSON after, for a support agent to read or parse. */
export function reportText(results: CheckResult[], json: Record<string, unknown>): string {
  const lines = [diagnosticsPage.reportHeading, ''];
  for (const r of results) {
    lines.push(`[${diagnosticsPage.verdict[r.verdict]}] ${r.title} — ${r.summary}`);
    for (const d of r.details) lines.push(`    ${d.label} : ${d.value}`);
    if (r.remedy) lines.push(`    ${diagnosticsPage.remedy} : ${r.remedy}`);
    if (r.verdict !== 'pass') lines.push(`    ${diagnosticsPage.contact} : ${contacts[r.contact].name}`);
  }
  lines.push('', JSON.stringify(json, null, 2));
  return lines.join('\n');
}

/** The ticket's motif: the first failing check's, else the first warning's. */
export function motifFor(results: CheckResult[]): SupportMotifId {
  return (results.find((r) => r.verdict === 'failure') ?? results.find((r) => r.verdict === 'warning'))?.motif ?? 'connexion';
}

