import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rateRules } from '../services/rate-limiter';
import { clientFor, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

function lastPassword(s: TestServer, to: string): string {
  const mail = [...s.services.mailer.captured()].reverse().find((m) => m.to === to);
  const match = /mot de passe : ([A-Z0-9]{10})/.exec(mail?.text ?? '');
  assert.ok(match?.[1], `no password mail to ${to}`);
  return match[1];
}

describe('e-mail fallback while Pro Santé Connect is down', () => {
  let s: TestServer;
  const email = 'a@pharmacie.example';
  before(async () => {
    s = await startTestServer({ psc: 'dead' });
  });
  after(async () => {
    await s.close();
  });

  test('a one-time password sent to the officine e-mail logs in once, for that officine', async () => {
    assert.deepEqual(await s.anonymous.auth.requestEmailPassword.mutate({ email: 'A@Pharmacie.example' }), { sent: true });
    const password = lastPassword(s, email);
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email, password: 'WRONGPASS1' }), 'EMAIL_LOGIN_FAILED', 401);
    const result = await s.anonymous.auth.emailLogin.mutate({ email, password: password.toLowerCase() });
    assert.ok(result.status === 'authenticated');
    assert.equal(result.me.method, 'email');
    assert.equal(result.me.officine.id, s.world.officines[0].officineId);
    assert.equal((await clientFor(s.url, result.token).orders.list.query()).length, 0);
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email, password }), 'EMAIL_LOGIN_FAILED', 401);
    assert.ok(!s.logs().includes(password), 'the password never reaches the logs');
  });

  test('the answer never tells whether an e-mail is registered', async () => {
    const sent = s.services.mailer.captured().length;
    assert.deepEqual(await s.anonymous.auth.requestEmailPassword.mutate({ email: 'inconnu@example.org' }), { sent: true });
    assert.equal(s.services.mailer.captured().length, sent, 'no mail for an unknown address');
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email: 'inconnu@example.org', password: 'ABCDEFGHJK' }), 'EMAIL_LOGIN_FAILED', 401);
  });

  test('a password expires after 15 minutes', async () => {
    const email2 = 'b@pharmacie.example';
    await s.anonymous.auth.requestEmailPassword.mutate({ email: email2 });
    const password = lastPassword(s, email2);
    s.clock.advance(16 * 60_000);
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email: email2, password }), 'EMAIL_LOGIN_FAILED', 401);
  });

  test('brute force is stopped by the rate limit, even for the right password', async () => {
    s.clock.advance(60 * 60_000);
    await s.anonymous.auth.requestEmailPassword.mutate({ email });
    const password = lastPassword(s, email);
    for (let i = 0; i < rateRules.emailLoginPerEmail.max; i++) {
      await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email, password: `WRONG${String(i).padStart(5, '0')}` }), 'EMAIL_LOGIN_FAILED', 401);
    }
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email, password }), 'RATE_LIMITED', 429);
    for (let i = 0; i < rateRules.emailPasswordPerEmail.max; i++) await s.anonymous.auth.requestEmailPassword.mutate({ email: 'c@example.org' });
    await rejectsWith(s.anonymous.auth.requestEmailPassword.mutate({ email: 'c@example.org' }), 'RATE_LIMITED', 429);
  });

  test('support tickets from one address are rate-limited too', async () => {
    const ticket = { motif: 'connexion' as const, message: 'Je ne reçois pas le mot de passe', contactEmail: 'x@example.org' };
    for (let i = 0; i < rateRules.ticketsPerAddress.max; i++) await s.anonymous.support.createTicket.mutate(ticket);
    await rejectsWith(s.anonymous.support.createTicket.mutate(ticket), 'RATE_LIMITED', 429);
  });
});

describe('e-mail fallback while Pro Santé Connect is up', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ psc: 'stand-in' });
  });
  after(async () => {
    await s.close();
  });

  test('the path is closed', async () => {
    await rejectsWith(s.anonymous.auth.requestEmailPassword.mutate({ email: 'a@pharmacie.example' }), 'EMAIL_LOGIN_CLOSED', 403);
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email: 'a@pharmacie.example', password: 'ABCDEFGHJK' }), 'EMAIL_LOGIN_CLOSED', 403);
  });
});
