import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { after, before, describe, test } from 'node:test';
import { rateRules } from '../services/rate-limiter';
import { clientFor, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

/** A real SMTP server in-process: the service sends to it as it would to the production relay. */
const inbox: { to: string[]; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    stream.on('end', () => {
      // Quoted-printable: soft line breaks removed; the password itself is plain ASCII.
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body: raw.replace(/=\r\n/g, '') });
      callback();
    });
  },
});

function lastPassword(to: string): string {
  const mail = [...inbox].reverse().find((m) => m.to.includes(to));
  const match = /mot de passe : ([A-Z0-9]{10})/.exec(mail?.body ?? '');
  assert.ok(match?.[1], `no password mail to ${to}`);
  return match[1];
}

async function startSmtp(): Promise<string> {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}

describe('e-mail fallback while Pro Santé Connect is down', () => {
  let s: TestServer;
  const email = 'a@pharmacie.example';
  before(async () => {
    s = await startTestServer({ psc: 'dead', env: { SMTP_URL: await startSmtp() } });
  });
  after(async () => {
    await s.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test('a one-time password sent to the officine e-mail logs in once, for that officine', async () => {
    assert.deepEqual(await s.anonymous.auth.requestEmailPassword.mutate({ email: 'A@Pharmacie.example' }), { sent: true });
    const password = lastPassword(email);
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
    const sent = inbox.length;
    assert.deepEqual(await s.anonymous.auth.requestEmailPassword.mutate({ email: 'inconnu@example.org' }), { sent: true });
    assert.equal(inbox.length, sent, 'no mail for an unknown address');
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email: 'inconnu@example.org', password: 'ABCDEFGHJK' }), 'EMAIL_LOGIN_FAILED', 401);
  });

  test('a password expires after 15 minutes', async () => {
    const email2 = 'b@pharmacie.example';
    await s.anonymous.auth.requestEmailPassword.mutate({ email: email2 });
    const password = lastPassword(email2);
    s.clock.advance(16 * 60_000);
    await rejectsWith(s.anonymous.auth.emailLogin.mutate({ email: email2, password }), 'EMAIL_LOGIN_FAILED', 401);
  });

  test('brute force is stopped by the rate limit, even for the right password', async () => {
    s.clock.advance(60 * 60_000);
    await s.anonymous.auth.requestEmailPassword.mutate({ email });
    const password = lastPassword(email);
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
