import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  test('defaults give the embedded SQLite service', () => {
    const config = loadConfig({});
    assert.equal(config.database.path, './data/vaccins.db');
    assert.equal(config.port, 3000);
    assert.equal(config.seedDemo, true);
  });

  test('production does not seed demo data unless asked', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:25' }).seedDemo, false);
  });

  test('production refuses to start without an SMTP server', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (error: unknown) => error instanceof ConfigError && error.message.includes('SMTP_URL'));
  });

  for (const [name, value] of [
    ['PORT', 'huit mille'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['TOKEN_IDLE_MINUTES', '0'],
    ['NODE_ENV', 'staging'],
    ['SEED_DEMO', 'peut-être'],
    ['SMTP_URL', 'http://mail.example'],
  ] as const) {
    test(`a wrong ${name} stops the start with the variable's name`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => error instanceof ConfigError && error.message.includes(name));
    });
  }
});
