import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { startPscStandIn, testIdentities, type PscStandIn, type PscUserinfoClaims, type TestIdentity } from './index';
import { ScriptedBrowser } from './scripted-browser';

const redirectUri = 'http://127.0.0.1:9/auth/psc/callback';
const jsonClient = { clientId: 'rp-json', clientSecret: 'secret-json-0123456789', redirectUris: [redirectUri] };
const jwtClient = { clientId: 'rp-jwt', clientSecret: 'secret-jwt-0123456789', redirectUris: [redirectUri], userinfoSigned: true };
const cibaGrantType = 'urn:openid:params:grant-type:ciba';

function identityNamed(lastName: string): TestIdentity {
  const identity = testIdentities.find((i) => i.lastName === lastName);
  assert.ok(identity, `test identity ${lastName}`);
  return identity;
}

function isOAuthError(code: string) {
  return (error: unknown) => error instanceof client.ResponseBodyError && error.error === code;
}

describe('PSC stand-in', () => {
  let standIn: PscStandIn;
  let jsonConfig: client.Configuration;
  let jwtConfig: client.Configuration;

  const discover = (c: typeof jsonClient, metadata: Partial<client.ClientMetadata> = {}, extra: ((c: client.Configuration) => void)[] = []) =>
    client.discovery(new URL(standIn.discoveryUrl), c.clientId, metadata, client.ClientSecretBasic(c.clientSecret), {
      execute: [client.allowInsecureRequests, ...extra],
    });

  before(async () => {
    standIn = await startPscStandIn({ clients: [jsonClient, jwtClient] });
    jsonConfig = await discover(jsonClient);
    jwtConfig = await discover(jwtClient, { userinfo_signed_response_alg: 'RS256' }, [client.enableNonRepudiationChecks]);
  });

  after(async () => {
    await standIn.close();
  });

  async function startLogin(config: client.Configuration, extra: Record<string, string> = {}) {
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid scope_all',
      acr_values: 'eidas1',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    const browser = new ScriptedBrowser();
    const loginPage = await browser.navigate(url, { stopAt: redirectUri });
    return { browser, loginPage, checks: { pkceCodeVerifier, expectedState: state, expectedNonce: nonce } };
  }

  async function logIn(config: client.Configuration, identity: TestIdentity, authMode: 'CARD' | 'MOBILE') {
    const { browser, loginPage, checks } = await startLogin(config);
    assert.equal(loginPage.response?.status, 200);
    const callback = await browser.navigate(loginPage.url, { form: { idNat: identity.idNat, authMode }, stopAt: redirectUri });
    assert.equal(callback.response, null, 'the flow ends at the redirect_uri');
    const tokens = await client.authorizationCodeGrant(config, callback.url, checks);
    return { tokens, callback };
  }

  test('the wallet discovery document lists the endpoints, scope_all, eidas1 and the CIBA endpoint', async () => {
    const response = await fetch(standIn.discoveryUrl);
    assert.equal(response.status, 200);
    const doc = (await response.json()) as Record<string, unknown>;
    assert.equal(doc.issuer, standIn.issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'end_session_endpoint']) {
      assert.equal(typeof doc[endpoint], 'string', endpoint);
    }
    assert.ok((doc.scopes_supported as string[]).includes('scope_all'));
    assert.deepEqual(doc.acr_values_supported, ['eidas1']);
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(doc.backchannel_token_delivery_modes_supported, ['poll']);
    assert.ok((doc.grant_types_supported as string[]).includes(cibaGrantType));
    assert.match(String(doc.backchannel_authentication_endpoint), /^http:\/\/127\.0\.0\.1:\d+\//);

    const standard = await fetch(`${standIn.issuer}/.well-known/openid-configuration`);
    assert.deepEqual(await standard.json(), doc);
  });

  test('authorization code + PKCE: id_token with eidas1 and nonce, userinfo in PSC shape', async () => {
    const hugo = identityNamed('Bernard');
    const { tokens } = await logIn(jsonConfig, hugo, 'CARD');
    const claims = tokens.claims();
    assert.ok(claims);
    assert.equal(claims.acr, 'eidas1');
    assert.equal(typeof claims.nonce, 'string');
    assert.equal(tokens.expires_in, 120);
    assert.notEqual(claims.sub, hugo.idNat, 'sub is a federated id, not the idNat');

    const userinfo = (await client.fetchUserInfo(jsonConfig, tokens.access_token, claims.sub)) as unknown as PscUserinfoClaims;
    assert.equal(userinfo.SubjectNameID, hugo.idNat);
    assert.equal(userinfo.preferred_username, hugo.idNat);
    assert.equal(userinfo.family_name, 'BERNARD');
    assert.equal(userinfo.authMode, 'CARD');
    assert.deepEqual(userinfo.otherIds, [{ identifiant: hugo.idNat, origine: 'RPPS', qualite: 1 }]);
    const [exercice] = userinfo.SubjectRefPro.exercices;
    assert.equal(exercice?.codeProfession, '21');
    const [activity] = exercice?.activities ?? [];
    assert.equal(activity?.codeRole, 'FON-03');
    assert.equal(activity?.codeSectionPharmacien, 'A');
    assert.equal(activity?.codeSecteurDactivite, 'SA33');
    assert.equal(activity?.numeroFinessSite, hugo.activities[0]?.numeroFinessSite);
    assert.equal(activity?.numeroSiretSite, '', 'absent codes are empty strings');
  });

  test('e-CPS login says MOBILE, and a two-officine titulaire gets two activities', async () => {
    const claire = identityNamed('Martin');
    const { tokens } = await logIn(jsonConfig, claire, 'MOBILE');
    const userinfo = (await client.fetchUserInfo(jsonConfig, tokens.access_token, client.skipSubjectCheck)) as unknown as PscUserinfoClaims;
    assert.equal(userinfo.authMode, 'MOBILE');
    assert.equal(userinfo.SubjectRefPro.exercices[0]?.activities.length, 2);
  });

  test('a client with userinfoSigned gets a signed JWT userinfo that openid-client accepts', async () => {
    const paul = identityNamed('Muller');
    const { tokens } = await logIn(jwtConfig, paul, 'CARD');
    const sub = tokens.claims()?.sub;
    assert.ok(sub);

    const raw = await fetch(jwtConfig.serverMetadata().userinfo_endpoint ?? '', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    assert.match(raw.headers.get('content-type') ?? '', /^application\/jwt/);
    await raw.body?.cancel();

    const userinfo = (await client.fetchUserInfo(jwtConfig, tokens.access_token, sub)) as unknown as PscUserinfoClaims;
    assert.equal(userinfo.SubjectNameID, paul.idNat);
    const activity = userinfo.SubjectRefPro.exercices[0]?.activities[0];
    assert.equal(activity?.numeroFinessSite, '');
    assert.equal(activity?.numeroSiretSite, '12345678900017');
  });

  test('"Annuler" ends at the redirect_uri with error=access_denied', async () => {
    const { browser, loginPage, checks } = await startLogin(jsonConfig);
    assert.ok(loginPage.response);
    const html = await loginPage.response.text();
    assert.ok(html.includes('Annuler') && html.includes('Carte CPS') && html.includes('e-CPS'));
    const callback = await browser.navigate(loginPage.url, { form: { action: 'cancel' }, stopAt: redirectUri });
    assert.equal(callback.url.searchParams.get('error'), 'access_denied');
    assert.equal(callback.url.searchParams.get('state'), checks.expectedState);
  });

  test('the login page lists every test identity under a strict CSP, without scripts', async () => {
    const { loginPage } = await startLogin(jsonConfig);
    assert.ok(loginPage.response);
    const csp = loginPage.response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    const html = await loginPage.response.text();
    assert.doesNotMatch(html, /<script/i);
    for (const identity of testIdentities) assert.ok(html.includes(identity.idNat), identity.lastName);
  });

  test('an authorization request without PKCE is refused', async () => {
    const url = client.buildAuthorizationUrl(jsonConfig, { redirect_uri: redirectUri, scope: 'openid scope_all', state: 'x' });
    const visit = await new ScriptedBrowser().navigate(url, { stopAt: redirectUri });
    assert.equal(visit.url.searchParams.get('error'), 'invalid_request');
  });

  describe('CIBA (e-CPS push)', () => {
    const initiate = (loginHint: string, bindingMessage: string) =>
      client.initiateBackchannelAuthentication(jsonConfig, {
        scope: 'openid scope_all',
        login_hint: loginHint,
        binding_message: bindingMessage,
        acr_values: 'eidas1',
      });
    const poll = (authReqId: string) => client.genericGrantRequest(jsonConfig, cibaGrantType, { auth_req_id: authReqId });

    test('pending, then approved: tokens whose userinfo has the identity', async () => {
      const chloe = identityNamed('Lefebvre');
      const { auth_req_id: authReqId, expires_in: expiresIn } = await initiate(chloe.idNat, '42');
      assert.ok(expiresIn <= 120);

      const pending = standIn.pendingCiba().find((r) => r.authReqId === authReqId);
      assert.equal(pending?.loginHint, chloe.idNat);
      assert.equal(pending?.bindingMessage, '42');
      assert.equal(pending?.clientId, jsonClient.clientId);

      await assert.rejects(poll(authReqId), isOAuthError('authorization_pending'));

      await standIn.approveCiba(authReqId);
      assert.equal(standIn.pendingCiba().some((r) => r.authReqId === authReqId), false);
      const tokens = await poll(authReqId);
      const claims = tokens.claims();
      assert.equal(claims?.acr, 'eidas1');
      const userinfo = (await client.fetchUserInfo(jsonConfig, tokens.access_token, claims?.sub ?? '')) as unknown as PscUserinfoClaims;
      assert.equal(userinfo.SubjectNameID, chloe.idNat);
      assert.equal(userinfo.authMode, 'MOBILE');
      assert.equal(userinfo.SubjectRefPro.exercices[0]?.activities[0]?.codeSecteurDactivite, 'SA38');
    });

    test('denied: access_denied', async () => {
      const { auth_req_id: authReqId } = await initiate(identityNamed('Fournier').idNat, '07');
      await standIn.denyCiba(authReqId);
      await assert.rejects(poll(authReqId), isOAuthError('access_denied'));
      await assert.rejects(standIn.approveCiba(authReqId), 'a decided request cannot be decided again');
    });

    test("PSC's channel=CARD gives authMode CARD, and acr is there even without acr_values", async () => {
      const { auth_req_id: authReqId } = await client.initiateBackchannelAuthentication(jsonConfig, {
        scope: 'openid scope_all',
        login_hint: identityNamed('Bernard').idNat,
        binding_message: '05',
        channel: 'CARD',
      });
      await standIn.approveCiba(authReqId);
      const tokens = await poll(authReqId);
      assert.equal(tokens.claims()?.acr, 'eidas1');
      const userinfo = (await client.fetchUserInfo(jsonConfig, tokens.access_token, client.skipSubjectCheck)) as unknown as PscUserinfoClaims;
      assert.equal(userinfo.authMode, 'CARD');
    });

    test('a request left unanswered expires: expired_token, and it leaves the phone', async () => {
      const { auth_req_id: authReqId, expires_in: expiresIn } = await client.initiateBackchannelAuthentication(jsonConfig, {
        scope: 'openid scope_all',
        login_hint: identityNamed('Bernard').idNat,
        binding_message: '99',
        requested_expiry: '1',
      });
      assert.equal(expiresIn, 1);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      assert.equal(standIn.pendingCiba().some((r) => r.authReqId === authReqId), false);
      await assert.rejects(poll(authReqId), isOAuthError('expired_token'));
    });

    test('an unknown login_hint is refused at initiation', async () => {
      await assert.rejects(initiate('899999999999', '13'), isOAuthError('unknown_user_id'));
    });

    test('an over-long binding_message is refused', async () => {
      await assert.rejects(initiate(identityNamed('Petit').idNat, 'x'.repeat(21)), isOAuthError('invalid_binding_message'));
    });

    test('the phone page lists the request and approving through its form works', async () => {
      const louis = identityNamed('Petit');
      const { auth_req_id: authReqId } = await initiate(louis.idNat, '<b>86</b>');

      const phone = await fetch(`${standIn.issuer}/phone`);
      assert.match(phone.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const html = await phone.text();
      assert.doesNotMatch(html, /<script/i);
      assert.ok(html.includes('&lt;b&gt;86&lt;/b&gt;'), 'the binding message is shown, escaped');
      assert.ok(html.includes('Louis Petit'));

      const approveForm = new RegExp(`<form method="post" action="([^"]+)"><input type="hidden" name="auth_req_id" value="${authReqId}"><button type="submit">Approuver</button>`).exec(html);
      assert.ok(approveForm?.[1], 'an Approuver form for the request');
      const decision = await fetch(new URL(approveForm[1], standIn.issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ auth_req_id: authReqId }).toString(),
        redirect: 'manual',
      });
      assert.equal(decision.status, 303);

      const tokens = await poll(authReqId);
      const userinfo = (await client.fetchUserInfo(jsonConfig, tokens.access_token, client.skipSubjectCheck)) as unknown as PscUserinfoClaims;
      assert.equal(userinfo.SubjectNameID, louis.idNat);
      assert.equal(userinfo.SubjectRefPro.exercices[0]?.activities[0]?.codeRole, 'FON-07');
    });
  });
});
