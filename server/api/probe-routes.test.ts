import assert from 'node:assert/strict';
import vm from 'node:vm';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from '../test-support/test-server';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s.close();
});

test('the cookie probe page loads its script from the same origin, under a strict policy that only extensions may frame', async () => {
  const response = await fetch(`${s.url}/probe/cookies`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const policy = response.headers.get('content-security-policy') ?? '';
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self'/);
  assert.match(policy, /frame-ancestors 'self' chrome-extension: moz-extension:/);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const html = await response.text();
  assert.match(html, /<script src="\/probe\/cookies.js" defer><\/script>/);
  assert.doesNotMatch(html, /<script>/, 'no inline script');
});

test('the probe script writes a cookie, tries both storages and posts its result to the page that framed it', async () => {
  const response = await fetch(`${s.url}/probe/cookies.js`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
  const script = await response.text();
  for (const part of ['document.cookie', 'localStorage', 'sessionStorage', 'hasStorageAccess', 'vop-cookie-probe', 'postMessage']) {
    assert.ok(script.includes(part), `the probe uses ${part}`);
  }
  assert.doesNotThrow(() => new vm.Script(script), 'the script parses');
});

test('the probe sets no cookie itself: the server still sets and reads none', async () => {
  const response = await fetch(`${s.url}/probe/cookies`);
  assert.equal(response.headers.get('set-cookie'), null);
});
