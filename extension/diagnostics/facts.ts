import { z } from 'zod';

/**
 * What the diagnostics observe, before any judgement: gathered from the browser by
 * browser-facts.ts, judged by the pure functions in checks/. Tests build Facts by hand to
 * simulate any browser setting.
 */

export type CookieSetting = 'allow' | 'block' | 'session_only';

export const zProbeResult = z.object({
  cookieEnabled: z.boolean(),
  cookie: z.enum(['ok', 'blocked']),
  localStorage: z.enum(['ok', 'unreadable', 'blocked']),
  sessionStorage: z.enum(['ok', 'unreadable', 'blocked']),
  storageAccess: z.enum(['granted', 'denied', 'unsupported']),
  framed: z.boolean(),
  secureContext: z.boolean(),
  userAgent: z.string().max(500),
});
export type ProbeResult = z.infer<typeof zProbeResult>;
/** The probe page's message, checked before use: it comes from a web page. */
export const zProbeMessage = z.object({ source: z.literal('vop-cookie-probe'), version: z.literal(1), result: zProbeResult });

export type ProbeOutcome = { status: 'done'; result: ProbeResult } | { status: 'timeout' };

export type FetchOutcome =
  | { ok: true; status: number; latencyMs: number; body: unknown; dateHeader: string | null; sentAt: number; receivedAt: number }
  | { ok: false; error: string; latencyMs: number };

export interface BrowserFact {
  /** e.g. Chrome, Chromium, Firefox, Microsoft Edge, Opera */
  name: string;
  version: string;
  engine: 'chromium' | 'gecko';
}

export interface CookieSettingsFact {
  /** Chrome's per-site setting for the service and PSC; null where the browser has no such API (Firefox). */
  service: CookieSetting | null;
  psc: CookieSetting | null;
  /** Chrome: the global third-party cookie switch. */
  thirdPartyAllowed: boolean | null;
  /** Firefox: the global cookie behaviour (privacy.websites.cookieConfig). */
  firefoxBehavior: string | null;
  /** True when an enterprise policy or the pharmacy software fixes the cookie settings. */
  lockedByPolicy: boolean;
}

export interface PoliciesFact {
  managedKeys: string[] | null;
  installType: string | null;
  cookiesLockedByPolicy: boolean;
  proxy: { status: 'unavailable' } | { status: 'not_permitted' } | { status: 'read'; mode: string; detail: string | null };
}

export interface Facts {
  browser: BrowserFact;
  cookies: CookieSettingsFact;
  probe: ProbeOutcome;
  health: FetchOutcome;
  pscDiscovery: FetchOutcome;
  policies: PoliciesFact;
  /** The local clock when the health answer came back, for the skew. */
  measuredAt: number;
}
