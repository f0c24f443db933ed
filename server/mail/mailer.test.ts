import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer } from './mailer';

describe('mailer', () => {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('sends through the configured SMTP server', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Commande <ne-pas-repondre@example.org>' });
    await mailer.send({ to: 'officine@example.org', subject: 'Adresse enregistrée', text: 'Bonjour, votre adresse est enregistrée.' });
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]?.to, ['officine@example.org']);
    assert.match(received[0]?.data ?? '', /Subject: =\?UTF-8\?Q\?Adresse_enregistr=C3=A9e\?=/);
    assert.deepEqual(mailer.captured(), [], 'real sending keeps nothing in memory');
  });

  test('without SMTP (development) keeps the message for the dev mail page', async () => {
    const mailer = createMailer({ smtpUrl: null, from: 'x@example.org' });
    await mailer.send({ to: 'a@example.org', subject: 'Sujet', text: 'Texte' });
    assert.equal(mailer.captured()[0]?.subject, 'Sujet');
  });
});
