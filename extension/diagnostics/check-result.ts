import type { ContactId } from '../../shared/support/contacts';
import type { SupportMotifId } from '../../shared/support/motifs';

export type Verdict = 'pass' | 'warning' | 'failure';
export type CheckId = 'browser' | 'cookie-settings' | 'cookie-probe' | 'service' | 'psc' | 'clock' | 'policies';
/** What the page can do by itself to fix a problem. */
export type RemedyAction = 'clear-service-data' | 'open-cookie-settings' | 'rerun' | 'grant-proxy';

export interface CheckResult {
  id: CheckId;
  title: string;
  verdict: Verdict;
  /** What it means, in plain French. */
  summary: string;
  remedy: string | null;
  contact: ContactId;
  motif: SupportMotifId;
  actions: RemedyAction[];
  /** Observed values, shown in the page and sent in the report. */
  details: Array<{ label: string; value: string }>;
}
