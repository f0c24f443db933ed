import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows } from '../test-support/count-rows';
import { testIdentities, type TestIdentity } from '../dev/psc-stand-in/index';
import { ScriptedBrowser } from '../dev/psc-stand-in/scripted-browser';
import { withLuhnKey } from '../dev/identifiers';
import { rateRules } from '../services/rate-limiter';
import { clientFor, rejectsWith, startTestServer, testReturnUrl, type TestServer } from '../test-support/test-server';

const identity = (lastName: string): TestIdentity => {
  const found = testIdentities.find((i) => i.lastName.toUpperCase() === lastName.toUpperCase());
  assert.ok(found, `no test identity ${lastName}`);
  return found;
};

const pharmacistCount = (s: TestServer): Promise<number> => countRows(s.db, 'pharmacists');

/** Logs in through the server's PSC redirect as a browser would; returns where it came back to. */
async function redirectLogin(s: TestServer, who: TestIdentity | 'cancel', returnTo = testReturnUrl): Promise<URL> {
  const browser = new ScriptedBrowser();
  const loginPage = await browser.navigate(`${s.url}/auth/psc/login?return_to=${encodeURIComponent(returnTo)}`, { stopAt: returnTo });
  assert.equal(loginPage.response?.status, 200, 'the PSC login page is shown');
  const form: Record<string, string> = who === 'cancel' ? { action: 'cancel' } : { idNat: who.idNat, authMode: 'CARD' };
  const back = await browser.navigate(loginPage.url, { form, stopAt: returnTo });
  assert.equal(back.response, null, 'the flow comes back to the client');
  return back.url;
}

describe('login with Pro Santé Connect (stand-in) over HTTP', () => {
  let s: TestServer;
  const officineIds = new Map<string, number>();
  before(async () => {
    s = await startTestServer({ psc: 'stand-in' });
    // The officines of the test identities' activities, registered as SpF would; not Julie Roux's,
    // which PSC knows but the service does not.
    for (const who of testIdentities) {
      if (who.lastName.toUpperCase() === 'ROUX') continue;
      for (const a of who.activities) {
        const key = a.numeroFinessSite || a.numeroSiretSite;
        if (!key || officineIds.has(key) || who.profession !== '21') continue;
        const created = await s.admin.admin.officines.create.mutate({
          finess: a.numeroFinessSite || withLuhnKey('57001010'),
          name: a.raisonSocialeSite || 'Pharmacie',
          addressLine: '1 place du Marché',
          postalCode: a.codePostal || '75001',
          city: 'Ville',
          kind: a.codeSecteurDactivite === 'SA38' ? 'miniere' : a.codeSecteurDactivite === 'SA39' ? 'mutualiste' : 'officine',
          email: `${key}@pharmacie.example`,
          siret: a.numeroFinessSite ? null : a.numeroSiretSite,
        });
        officineIds.set(key, created.id);
      }
    }
  });
  after(async () => {
    await s.close();
  });

  test('health reports PSC up', async () => {
    assert.equal((await s.anonymous.health.query()).psc, 'up');
  });

  test('a titulaire logs in by redirect: one-time code, then a bearer token for the right officine', async () => {
    const hugo = identity('Bernard');
    const back = await redirectLogin(s, hugo);
    assert.ok(back.href.startsWith(testReturnUrl));
    assert.equal(back.searchParams.get('login_error'), null);
    const code = back.searchParams.get('login_code');
    assert.ok(code && !back.href.includes('vop_'), 'a one-time code, never a token, in the URL');
    const result = await s.anonymous.auth.exchangeCode.mutate({ code });
    assert.equal(result.status, 'authenticated');
    assert.ok(result.status === 'authenticated');
    const me = await clientFor(s.url, result.token).auth.me.query();
    assert.equal(me.pharmacist.idNat, hugo.idNat);
    assert.equal(me.method, 'card');
    assert.equal(me.officine.finess, hugo.activities[0]?.numeroFinessSite);
    await rejectsWith(s.anonymous.auth.exchangeCode.mutate({ code }), 'PSC_CODE_EXPIRED', 401);
    assert.ok(!s.logs().includes(code) && !s.logs().includes(result.token.slice(4)), 'neither the code nor the token is logged');
    assert.ok(!/callback\?/.test(s.logs()), 'the callback’s query string (PSC code and state) is not logged');
  });

  test('the pop-up variant hands the code only to an allowed origin, with no inline script', async () => {
    const allowedOrigin = new URL(testReturnUrl).origin;
    const popup = `${s.url}/auth/psc/popup?origin=${encodeURIComponent(allowedOrigin)}`;
    const back = await redirectLogin(s, identity('Bernard'), popup);
    assert.ok(back.href.startsWith(popup));
    const page = await fetch(back);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const body = await page.text();
    assert.ok(body.includes(`data-code="${back.searchParams.get('login_code') ?? 'missing'}"`));
    assert.ok(body.includes(`data-origin="${allowedOrigin}"`));
    assert.ok(!/<script>/.test(body), 'no inline script');
    assert.equal((await fetch(`${s.url}/auth/psc/popup.js`)).status, 200);
    const foreign = await fetch(`${s.url}/auth/psc/popup?origin=${encodeURIComponent('https://evil.example')}&login_code=abc`);
    assert.equal(foreign.status, 400, 'a site that is not an allowed return origin gets no code');
    assert.ok(!(await foreign.text()).includes('abc'));
  });

  test('a pharmacist with two officines chooses which one to act for', async () => {
    const claire = identity('Martin');
    const code = (await redirectLogin(s, claire)).searchParams.get('login_code') ?? '';
    const choice = await s.anonymous.auth.exchangeCode.mutate({ code });
    assert.equal(choice.status, 'choose_officine');
    assert.ok(choice.status === 'choose_officine');
    assert.equal(choice.officines.length, 2);
    const other = [...officineIds.values()].find((id) => !choice.officines.some((o) => o.id === id)) ?? 999;
    await rejectsWith(s.anonymous.auth.exchangeCode.mutate({ code, officineId: other }), 'OFFICINE_CHOICE_INVALID', 403);
    const second = choice.officines[1];
    assert.ok(second);
    const done = await s.anonymous.auth.exchangeCode.mutate({ code, officineId: second.id });
    assert.ok(done.status === 'authenticated');
    assert.equal(done.me.officine.id, second.id);
  });

  test('refusals come back with their reason, and nothing is created for those refused', async () => {
    const before = await pharmacistCount(s);
    for (const [lastName, appCode] of [
      ['Dubois', 'PSC_ROLE_NOT_ELIGIBLE'],
      ['Girard', 'PSC_NOT_PHARMACIST'],
      ['Roux', 'PSC_OFFICINE_UNKNOWN'],
    ] as const) {
      const back = await redirectLogin(s, identity(lastName));
      assert.equal(back.searchParams.get('login_error'), appCode, lastName);
      assert.equal(back.searchParams.get('login_code'), null);
    }
    assert.equal((await redirectLogin(s, 'cancel')).searchParams.get('login_error'), 'PSC_CANCELLED');
    assert.equal(await pharmacistCount(s), before);
  });

  test('a gérant of a mining pharmacy known by SIRET only is matched by SIRET', async () => {
    const paul = identity('Muller');
    const code = (await redirectLogin(s, paul)).searchParams.get('login_code') ?? '';
    const result = await s.anonymous.auth.exchangeCode.mutate({ code });
    assert.ok(result.status === 'authenticated');
    assert.equal(result.me.officine.kind, 'miniere');
  });

  test('no open redirect, and a replayed callback is refused', async () => {
    for (const returnTo of ['https://evil.example/', 'http://client.example.evil.com/return/', 'http://user@client.example/return/', 'javascript:alert(1)', '']) {
      const response = await fetch(`${s.url}/auth/psc/login?return_to=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      assert.equal(response.status, 400, returnTo);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /RETURN_URL_NOT_ALLOWED/);
    }
    const allowed = await fetch(`${s.url}/auth/psc/login?return_to=${encodeURIComponent('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/')}`, { redirect: 'manual' });
    assert.equal(allowed.status, 302, 'the extension’s redirect URL is allowed by configuration');

    const browser = new ScriptedBrowser();
    const loginPage = await browser.navigate(`${s.url}/auth/psc/login?return_to=${encodeURIComponent(testReturnUrl)}`, { stopAt: `${s.url}/auth/psc/callback` });
    const toCallback = await browser.navigate(loginPage.url, { form: { idNat: identity('Bernard').idNat, authMode: 'CARD' }, stopAt: `${s.url}/auth/psc/callback` });
    const first = await fetch(toCallback.url, { redirect: 'manual' });
    assert.equal(first.status, 302);
    const replay = await fetch(toCallback.url, { redirect: 'manual' });
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /PSC_STATE_MISMATCH/);
  });

  test('e-CPS push (CIBA): two digits to compare, pending, approved on the phone, then a token', async () => {
    const louis = identity('Petit');
    const started = await s.anonymous.auth.cibaStart.mutate({ idNat: louis.idNat });
    assert.match(started.bindingMessage, /^\d{2}$/);
    assert.deepEqual(await s.anonymous.auth.cibaPoll.mutate({ requestId: started.requestId }), { status: 'pending', intervalSeconds: started.intervalSeconds });
    const pending = s.standIn?.pendingCiba().find((p) => p.loginHint === louis.idNat);
    assert.equal(pending?.bindingMessage, started.bindingMessage, 'the phone shows the same two digits');
    s.clock.advance(started.intervalSeconds * 1000);
    assert.equal((await s.anonymous.auth.cibaPoll.mutate({ requestId: started.requestId })).status, 'pending', 'PSC still waits for the phone');
    await s.standIn?.approveCiba(pending?.authReqId ?? '');
    s.clock.advance(started.intervalSeconds * 1000);
    const result = await s.anonymous.auth.cibaPoll.mutate({ requestId: started.requestId });
    assert.equal(result.status, 'authenticated');
    assert.ok(result.status === 'authenticated');
    assert.equal(result.me.method, 'ciba');
    assert.equal(result.me.pharmacist.idNat, louis.idNat);
    await rejectsWith(s.anonymous.auth.cibaPoll.mutate({ requestId: started.requestId }), 'CIBA_REQUEST_NOT_FOUND', 404);
  });

  test('e-CPS push refused on the phone, or for an unknown identifier', async () => {
    const chloe = identity('Lefebvre');
    const started = await s.anonymous.auth.cibaStart.mutate({ idNat: chloe.idNat });
    const pending = s.standIn?.pendingCiba().find((p) => p.loginHint === chloe.idNat);
    await s.standIn?.denyCiba(pending?.authReqId ?? '');
    s.clock.advance(started.intervalSeconds * 1000);
    assert.deepEqual(await s.anonymous.auth.cibaPoll.mutate({ requestId: started.requestId }), { status: 'denied' });
    await rejectsWith(s.anonymous.auth.cibaStart.mutate({ idNat: '899999999999' }), 'CIBA_UNKNOWN_USER', 400);
  });

  test('e-CPS pushes to one identifier are rate-limited', async () => {
    const manon = identity('Fournier');
    for (let i = 0; i < rateRules.cibaPerIdNat.max; i++) await s.anonymous.auth.cibaStart.mutate({ idNat: manon.idNat });
    await rejectsWith(s.anonymous.auth.cibaStart.mutate({ idNat: manon.idNat }), 'RATE_LIMITED', 429);
  });
});

describe('when Pro Santé Connect is down', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ psc: 'dead' });
  });
  after(async () => {
    await s.close();
  });

  test('health says so, and each login path answers PSC_UNAVAILABLE', async () => {
    assert.equal((await s.anonymous.health.query()).psc, 'down');
    const response = await fetch(`${s.url}/auth/psc/login?return_to=${encodeURIComponent(testReturnUrl)}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(new URL(response.headers.get('location') ?? '').searchParams.get('login_error'), 'PSC_UNAVAILABLE');
    await rejectsWith(s.anonymous.auth.cibaStart.mutate({ idNat: '810000001916' }), 'PSC_UNAVAILABLE', 503);
  });
});
