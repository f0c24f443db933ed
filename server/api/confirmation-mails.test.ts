import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { updateEffecteur } from '../repositories/effecteurs-repository';
import { newKey, startTestServer, type TestServer } from '../test-support/test-server';

const hour = 3_600_000;

/** A real SMTP server in-process, which can refuse the next message to test retries. */
const inbox: { to: string; body: string }[] = [];
let refuseNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onRcptTo(address, _session, callback) {
    if (refuseNext > 0) {
      refuseNext--;
      callback(new Error('451 boîte temporairement indisponible'));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    stream.on('end', () => {
      const body = raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      for (const r of session.envelope.rcptTo) inbox.push({ to: r.address, body: Buffer.from(body, 'latin1').toString('utf8') });
      callback();
    });
  },
});

describe('confirmation e-mails', () => {
  let s: TestServer;
  before(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    s = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` } });
  });
  after(async () => {
    await s.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test('sent once to each officine and each effecteur with an e-mail, retried after a failure, visible in tracking', async () => {
    const A = s.world.officines[0];
    const B = s.world.officines[1];
    const { pfizer, medecinOnly } = s.world.products;
    await updateEffecteur(s.db, A.effecteurs.medecin1, { email: 'dr.un@example.org' });
    await updateEffecteur(s.db, A.effecteurs.medecin2, { email: 'dr.deux@example.org', notify_by_email: 0 });
    await s.pharmacy[0].orders.create.mutate({
      sessionId: s.world.sessionId,
      idempotencyKey: newKey(),
      lines: [
        { effecteurId: A.effecteurs.self, productId: pfizer, vials: 4 },
        { effecteurId: A.effecteurs.medecin1, productId: pfizer, vials: 2 },
        { effecteurId: A.effecteurs.medecin2, productId: medecinOnly, vials: 1 },
      ],
    });
    await s.pharmacy[1].orders.create.mutate({ sessionId: s.world.sessionId, idempotencyKey: newKey(), lines: [{ effecteurId: B.effecteurs.self, productId: pfizer, vials: 3 }] });

    s.clock.advance(3 * hour);
    await s.admin.admin.sessions.closeAndAllocate.mutate({ sessionId: s.world.sessionId });
    assert.deepEqual(await s.services.confirmationMails.run(), { sent: 0, failed: 0 }, 'nothing before the confirmation time');

    s.clock.advance(2 * hour);
    refuseNext = 1;
    // Two sweeps at once (two processes): each mail is claimed by one of them only.
    const [first, second] = await Promise.all([s.services.confirmationMails.run(), s.services.confirmationMails.run()]);
    assert.equal(first.sent + second.sent, 2);
    assert.equal(first.failed + second.failed, 1);
    assert.deepEqual((await s.services.confirmationMails.run()), { sent: 0, failed: 0 }, 'the failed one waits for its retry time');

    s.clock.advance(2 * 60_000);
    assert.deepEqual(await s.services.confirmationMails.run(), { sent: 1, failed: 0 }, 'retried');
    assert.deepEqual(await s.services.confirmationMails.run(), { sent: 0, failed: 0 }, 'a second run sends nothing new');
    assert.deepEqual(inbox.map((m) => m.to).sort(), ['a@pharmacie.example', 'b@pharmacie.example', 'dr.un@example.org'], 'the opted-out effecteur gets nothing');

    const toA = inbox.find((m) => m.to === 'a@pharmacie.example')?.body ?? '';
    assert.match(toA, /Pharmacie A/);
    assert.match(toA, new RegExp(A.finess));
    assert.match(toA, /Pfizer test : commandé 4, confirmé 4/);
    assert.match(toA, /Dr Un A/);
    assert.match(toA, /2030-01-10/, 'the expected delivery date');
    const toDoctor = inbox.find((m) => m.to === 'dr.un@example.org')?.body ?? '';
    assert.match(toDoctor, /Pfizer test : commandé 2, confirmé 2/);
    assert.match(toDoctor, /1 rue de la Paix/, 'where to collect');
    assert.doesNotMatch(toDoctor, /commandé 4/, 'only its own volumes');

    const tracking = await s.pharmacy[0].tracking.get.query({ sessionId: s.world.sessionId });
    assert.equal(tracking.confirmationMail?.status, 'sent');
  });
});
