import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from './check-result';
import type { Facts, FetchOutcome } from './facts';
import { judge } from './judge';
import { motifFor, reportJson, reportText } from './report';

const now = Date.parse('2026-11-30T10:00:00.000Z');
const hosts = { service: 'commande.example', psc: 'auth.psc.example' };

function healthAnswer(over: { serverTime?: string; status?: 'ok' | 'degraded'; psc?: 'up' | 'down' | 'unknown'; latencyMs?: number } = {}): FetchOutcome {
  const data = { status: over.status ?? 'ok', version: '0.1.0', serverTime: over.serverTime ?? new Date(now).toISOString(), database: 'ok', psc: over.psc ?? 'up' };
  return { ok: true, status: 200, latencyMs: over.latencyMs ?? 40, body: { result: { data } }, dateHeader: new Date(now).toUTCString(), sentAt: now - 20, receivedAt: now + 20 };
}

/** A healthy Chrome; each test changes one setting, as a user or a policy would. */
function facts(over: Partial<Facts> = {}): Facts {
  return {
    browser: { name: 'Google Chrome', version: '142.0.7444.59', engine: 'chromium' },
    cookies: { service: 'allow', psc: 'allow', thirdPartyAllowed: true, firefoxBehavior: null, lockedByPolicy: false },
    probe: { status: 'done', result: { cookieEnabled: true, cookie: 'ok', localStorage: 'ok', sessionStorage: 'ok', storageAccess: 'granted', framed: true, secureContext: true, userAgent: 'UA' } },
    health: healthAnswer(),
    pscDiscovery: { ok: true, status: 200, latencyMs: 60, body: { issuer: 'https://auth.psc.example' }, dateHeader: null, sentAt: now, receivedAt: now + 60 },
    policies: { managedKeys: null, installType: 'normal', cookiesLockedByPolicy: false, proxy: { status: 'unavailable' } },
    measuredAt: now,
    ...over,
  };
}

const byId = (results: CheckResult[], id: string) => results.find((r) => r.id === id) as CheckResult;

test('a healthy Chrome or Firefox passes every check, in the seed’s order', () => {
  const results = judge(facts(), hosts);
  assert.deepEqual(results.map((r) => r.id), ['browser', 'cookie-settings', 'cookie-probe', 'service', 'psc', 'clock', 'policies']);
  for (const r of results) assert.equal(r.verdict, 'pass', `${r.id}: ${r.summary}`);
  const firefox = judge(
    facts({ browser: { name: 'Firefox', version: '140.5.0', engine: 'gecko' }, cookies: { service: null, psc: null, thirdPartyAllowed: null, firefoxBehavior: 'reject_trackers_and_partition_foreign', lockedByPolicy: false } }),
    hosts,
  );
  for (const r of firefox) assert.equal(r.verdict, 'pass', `${r.id}: ${r.summary}`);
  assert.match(byId(firefox, 'cookie-settings').summary, /exceptions par site/);
});

test('browser: another browser gets the seed’s advice and the software vendor; an old one must be updated', () => {
  const edge = byId(judge(facts({ browser: { name: 'Microsoft Edge', version: '142.0', engine: 'chromium' } }), hosts), 'browser');
  assert.equal(edge.verdict, 'warning');
  assert.match(edge.remedy ?? '', /Google Chrome ou Mozilla Firefox/);
  assert.match(edge.remedy ?? '', /prestataire de logiciel pharmacie/);
  assert.equal(edge.contact, 'software_vendor');
  const old = byId(judge(facts({ browser: { name: 'Firefox', version: '102.0', engine: 'gecko' } }), hosts), 'browser');
  assert.equal(old.verdict, 'failure');
  assert.match(old.remedy ?? '', /Mettez à jour/);
});

test('cookie settings: blocked for the service or PSC (Chrome) or refused everywhere (Firefox) fails, with the remedies the page can run', () => {
  const blocked = byId(judge(facts({ cookies: { service: 'block', psc: 'allow', thirdPartyAllowed: true, firefoxBehavior: null, lockedByPolicy: false } }), hosts), 'cookie-settings');
  assert.equal(blocked.verdict, 'failure');
  assert.match(blocked.summary, /commande\.example/);
  assert.deepEqual(blocked.actions, ['open-cookie-settings', 'clear-service-data', 'rerun']);
  const psc = byId(judge(facts({ cookies: { service: 'allow', psc: 'block', thirdPartyAllowed: true, firefoxBehavior: null, lockedByPolicy: true } }), hosts), 'cookie-settings');
  assert.match(psc.summary, /auth\.psc\.example/);
  assert.equal(psc.contact, 'software_vendor', 'a policy-locked setting is for the vendor or administrator');
  const firefox = byId(judge(facts({ cookies: { service: null, psc: null, thirdPartyAllowed: null, firefoxBehavior: 'reject_all', lockedByPolicy: false } }), hosts), 'cookie-settings');
  assert.equal(firefox.verdict, 'failure');
  const thirdParty = byId(judge(facts({ cookies: { service: 'allow', psc: 'session_only', thirdPartyAllowed: false, firefoxBehavior: null, lockedByPolicy: false } }), hosts), 'cookie-settings');
  assert.equal(thirdParty.verdict, 'pass', 'third-party cookies and session-only cookies do not break the login');
});

test('cookie probe: what the service’s page experiences decides; no answer is a warning, not a hang', () => {
  const base = facts().probe;
  assert.ok(base.status === 'done');
  const blocked = byId(judge(facts({ probe: { status: 'done', result: { ...base.result, cookie: 'blocked' } } }), hosts), 'cookie-probe');
  assert.equal(blocked.verdict, 'failure');
  assert.match(blocked.remedy ?? '', /redémarrez/);
  const storage = byId(judge(facts({ probe: { status: 'done', result: { ...base.result, localStorage: 'blocked' } } }), hosts), 'cookie-probe');
  assert.equal(storage.verdict, 'failure');
  assert.equal(byId(judge(facts({ probe: { status: 'timeout' } }), hosts), 'cookie-probe').verdict, 'warning');
});

test('service: a network or TLS error code fails with the right remedy; slow or degraded warns', () => {
  const refused = byId(judge(facts({ health: { ok: false, error: 'net::ERR_CONNECTION_REFUSED', latencyMs: 3 } }), hosts), 'service');
  assert.equal(refused.verdict, 'failure');
  assert.match(refused.summary, /net::ERR_CONNECTION_REFUSED/);
  assert.match(refused.remedy ?? '', /pare-feu/);
  const tls = byId(judge(facts({ health: { ok: false, error: 'net::ERR_CERT_DATE_INVALID', latencyMs: 3 } }), hosts), 'service');
  assert.match(tls.remedy ?? '', /date et l’heure/);
  const timeout = byId(judge(facts({ health: { ok: false, error: 'TIMEOUT (3000 ms)', latencyMs: 3000 } }), hosts), 'service');
  assert.equal(timeout.verdict, 'failure');
  assert.equal(byId(judge(facts({ health: healthAnswer({ latencyMs: 2500 }) }), hosts), 'service').verdict, 'warning');
  assert.equal(byId(judge(facts({ health: healthAnswer({ status: 'degraded' }) }), hosts), 'service').verdict, 'warning');
  const http500: FetchOutcome = { ok: true, status: 502, latencyMs: 10, body: null, dateHeader: null, sentAt: now, receivedAt: now };
  assert.equal(byId(judge(facts({ health: http500 }), hosts), 'service').verdict, 'failure');
});

test('PSC: down per the server fails (ANS); unreachable from the browser only warns, pointing to the e-CPS push', () => {
  const down = byId(judge(facts({ health: healthAnswer({ psc: 'down' }) }), hosts), 'psc');
  assert.equal(down.verdict, 'failure');
  assert.equal(down.contact, 'ans');
  const blocked = byId(judge(facts({ pscDiscovery: { ok: false, error: 'net::ERR_NAME_NOT_RESOLVED', latencyMs: 5 } }), hosts), 'psc');
  assert.equal(blocked.verdict, 'warning');
  assert.match(blocked.remedy ?? '', /notification e-CPS/);
});

test('clock: more than two minutes off fails, more than thirty seconds warns, unmeasurable warns', () => {
  const at = (skewSeconds: number) => byId(judge(facts({ health: healthAnswer({ serverTime: new Date(now - skewSeconds * 1000).toISOString() }) }), hosts), 'clock');
  assert.equal(at(5).verdict, 'pass');
  assert.equal(at(45).verdict, 'warning');
  assert.equal(at(-300).verdict, 'failure');
  assert.match(at(-300).remedy ?? '', /mode automatique/);
  assert.equal(byId(judge(facts({ health: { ok: false, error: 'NETWORK_ERROR', latencyMs: 1 } }), hosts), 'clock').verdict, 'warning');
});

test('policies: cookie settings locked by a policy warn and name the vendor; Firefox offers to read the proxy', () => {
  const locked = byId(judge(facts({ policies: { managedKeys: ['serviceUrl'], installType: 'admin', cookiesLockedByPolicy: true, proxy: { status: 'unavailable' } } }), hosts), 'policies');
  assert.equal(locked.verdict, 'warning');
  assert.equal(locked.contact, 'software_vendor');
  const firefox = byId(judge(facts({ policies: { managedKeys: null, installType: 'normal', cookiesLockedByPolicy: false, proxy: { status: 'not_permitted' } } }), hosts), 'policies');
  assert.deepEqual(firefox.actions, ['grant-proxy']);
  const proxy = byId(judge(facts({ policies: { managedKeys: null, installType: 'normal', cookiesLockedByPolicy: false, proxy: { status: 'read', mode: 'manual', detail: 'proxy.pharma:3128' } } }), hosts), 'policies');
  assert.ok(proxy.details.some((d) => d.value.includes('proxy.pharma:3128')));
});

test('the report: motif from the first failure, readable text then JSON, within the server’s 64 KB', () => {
  const f = facts({ cookies: { service: 'block', psc: 'allow', thirdPartyAllowed: true, firefoxBehavior: null, lockedByPolicy: false } });
  const results = judge(f, hosts);
  assert.equal(motifFor(results), 'navigateur_cookies');
  assert.equal(motifFor(judge(facts({ health: healthAnswer({ psc: 'down' }) }), hosts)), 'connexion');
  const json = reportJson(results, f, { extensionVersion: '0.1.0', serviceUrl: 'https://commande.example', pscDiscoveryUrl: 'https://auth.psc.example/x', generatedAt: new Date(now).toISOString(), durationMs: 120 });
  assert.ok(JSON.stringify(json).length <= 64_000);
  const text = reportText(results, json);
  assert.match(text, /^Rapport de diagnostic/);
  assert.match(text, /\[Échec\] Cookies autorisés/);
  assert.ok(text.includes('"kind": "extension-diagnostics"'));
  const probe = facts().probe;
  assert.ok(probe.status === 'done');
  const huge = reportJson(results, facts({ probe: { status: 'done', result: { ...probe.result, userAgent: 'x'.repeat(70_000) } } }), {
    extensionVersion: '0.1.0', serviceUrl: 's', pscDiscoveryUrl: 'p', generatedAt: 'g', durationMs: 1,
  });
  assert.equal(huge.probe, undefined, 'the raw probe is dropped first when the report is too big');
});
