import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config';

const production = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://mail.example:25',
  PSC_DISCOVERY_URL: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
  PSC_CLIENT_SECRET: 'a-real-secret-from-the-vault',
  PUBLIC_URL: 'https://commande-vaccins.example',
};

describe('configuration from the environment', () => {
  test('defaults give the embedded SQLite service', () => {
    const config = loadConfig({});
    assert.deepEqual(config.database, { kind: 'sqlite', path: './data/vaccins.db' });
    assert.equal(config.port, 3000);
    assert.equal(config.seedDemo, true);
  });

  test('a postgres:// URL selects PostgreSQL', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://vaccins@db.internal:5432/vaccins' }).database, {
      kind: 'postgres',
      url: 'postgres://vaccins@db.internal:5432/vaccins',
      poolSize: 10,
    });
  });

  test('production does not seed demo data unless asked', () => {
    assert.equal(loadConfig(production).seedDemo, false);
  });

  test('production refuses to start without an SMTP server, with the PSC stand-in, or without the real PSC', () => {
    for (const [name, env] of [
      ['SMTP_URL', { ...production, SMTP_URL: undefined }],
      ['PSC_STAND_IN', { ...production, PSC_STAND_IN: 'true' }],
      ['PSC_DISCOVERY_URL', { ...production, PSC_DISCOVERY_URL: undefined }],
      ['PUBLIC_URL', { ...production, PUBLIC_URL: 'http://commande.example' }],
      ['PSC_CLIENT_SECRET', { ...production, PSC_CLIENT_SECRET: undefined }],
    ] as const) {
      assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && error.message.includes(name), name);
    }
  });

  for (const [name, value] of [
    ['PORT', 'huit mille'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['TOKEN_IDLE_MINUTES', '0'],
    ['NODE_ENV', 'staging'],
    ['SEED_DEMO', 'peut-être'],
    ['SMTP_URL', 'http://mail.example'],
    ['TRUST_PROXY', 'everyone'],
  ] as const) {
    test(`a wrong ${name} stops the start with the variable's name`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => error instanceof ConfigError && error.message.includes(name));
    });
  }
});
