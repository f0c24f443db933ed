import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostPatternFor } from './build-defaults';
import { buildConfig, loadServiceConfig, resetServiceConfig, saveServiceConfig, zServiceConfig } from './service-config';

beforeEach(() => fakeBrowser.reset());

const valid = { serviceUrl: 'https://commande.example/', pscDiscoveryUrl: 'https://auth.psc.example/.well-known/openid-configuration', orderPagePath: '/' };

test('a service URL is https, or http on the machine itself; its trailing slash is dropped', () => {
  assert.equal(zServiceConfig.parse(valid).serviceUrl, 'https://commande.example');
  assert.ok(zServiceConfig.safeParse({ ...valid, serviceUrl: 'http://127.0.0.1:3000' }).success);
  assert.ok(zServiceConfig.safeParse({ ...valid, serviceUrl: 'http://localhost:8080' }).success);
  assert.equal(zServiceConfig.safeParse({ ...valid, serviceUrl: 'http://commande.example' }).success, false);
  assert.equal(zServiceConfig.safeParse({ ...valid, serviceUrl: 'https://user:pw@commande.example' }).success, false);
  assert.equal(zServiceConfig.safeParse({ ...valid, serviceUrl: 'javascript:alert(1)' }).success, false);
  assert.equal(zServiceConfig.safeParse({ ...valid, orderPagePath: 'commande' }).success, false);
});

test('the options page choice is used when valid; a corrupt one falls back to the build', async () => {
  const area = fakeBrowser.storage.local;
  assert.deepEqual(await loadServiceConfig(area), buildConfig);
  await saveServiceConfig(area, zServiceConfig.parse(valid));
  assert.equal((await loadServiceConfig(area)).serviceUrl, 'https://commande.example');
  await area.set({ serviceConfig: { serviceUrl: 'ftp://x' } });
  assert.deepEqual(await loadServiceConfig(area), buildConfig);
  await saveServiceConfig(area, zServiceConfig.parse(valid));
  await resetServiceConfig(area);
  assert.deepEqual(await loadServiceConfig(area), buildConfig);
});

test('one host permission pattern per host covers all its ports', () => {
  assert.equal(hostPatternFor('http://127.0.0.1:3000/x'), 'http://127.0.0.1/*');
  assert.equal(hostPatternFor('https://auth.esw.esante.gouv.fr/auth/realms/x'), 'https://auth.esw.esante.gouv.fr/*');
});
