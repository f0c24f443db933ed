import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertOfficine } from '../repositories/officines-repository';
import { withLuhnKey } from '../dev/identifiers';
import { clientFor, newKey, rejectsWith, startTestServer, type TestServer } from '../test-support/test-server';

describe('account and effecteurs', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  test('first login: every officine procedure asks for the e-mail until it is given', async () => {
    const at = new Date().toISOString();
    const officineId = await insertOfficine(s.db, {
      finess: withLuhnKey('44000123'),
      name: 'Pharmacie sans e-mail',
      address_line: '1 quai',
      postal_code: '44000',
      city: 'Nantes',
      departement: '44',
      kind: 'officine',
      email: null,
      created_at: at,
      updated_at: at,
    });
    const { token } = await s.services.auth.issuePharmacistToken(s.world.officines[0].pharmacistId, officineId, 'dev');
    const client = clientFor(s.url, token);
    assert.deepEqual((await client.auth.me.query()).required, ['email']);
    await rejectsWith(client.sessions.current.query(), 'EMAIL_REQUIRED', 412);
    await rejectsWith(client.orders.list.query(), 'EMAIL_REQUIRED', 412);
    await rejectsWith(client.account.listEffecteurs.query(), 'EMAIL_REQUIRED', 412);
    assert.equal((await client.account.get.query()).officine.email, null, 'the account itself stays readable');
    await rejectsWith(client.account.setEmail.mutate({ email: 'pas une adresse' }), 'INVALID_INPUT', 400);
    const saved = await client.account.setEmail.mutate({ email: 'premiere@pharmacie.example' });
    assert.equal(saved.officine.email, 'premiere@pharmacie.example');
    assert.equal(saved.notified, true);
    assert.deepEqual((await client.auth.me.query()).required, []);
    assert.equal((await client.sessions.current.query()).session.id, s.world.sessionId);
  });

  test('changing the e-mail tells the old and the new address, and is audited', async () => {
    const [a] = s.pharmacy;
    const sentBefore = s.services.mailer.captured().length;
    await a.account.setEmail.mutate({ email: 'nouvelle@pharmacie.example' });
    const sent = s.services.mailer.captured().slice(sentBefore);
    assert.deepEqual(sent.map((m) => m.to).sort(), ['a@pharmacie.example', 'nouvelle@pharmacie.example']);
    assert.ok(sent.every((m) => m.text.includes(s.world.officines[0].finess)));
  });

  test('effecteurs: add with checked identifiers, no duplicates, update, remove or deactivate', async () => {
    const [a] = s.pharmacy;
    const A = s.world.officines[0];
    const added = await a.account.addEffecteur.mutate({ type: 'sage_femme', name: 'Mme Sage', rpps: '10100394740', email: 'sage@example.org' });
    assert.deepEqual(added.warnings, []);
    assert.equal(added.effecteur.rpps, '10100394740');
    const warned = await a.account.addEffecteur.mutate({ type: 'medecin', name: 'Dr Test', rpps: '10003461033' });
    assert.deepEqual(warned.warnings, ['RPPS_CHECK_DIGIT'], 'a failed RPPS key warns but does not block');
    await rejectsWith(a.account.addEffecteur.mutate({ type: 'medecin', name: 'Dr Double', rpps: '10100394740' }), 'EFFECTEUR_DUPLICATE', 409);
    await rejectsWith(a.account.addEffecteur.mutate({ type: 'medecin', name: 'Dr Court', rpps: '123' }), 'RPPS_FORMAT', 400);
    await rejectsWith(a.account.addEffecteur.mutate({ type: 'medecin', name: 'Dr Sans' }), 'EFFECTEUR_IDENTIFIER_REQUIRED', 400);
    await rejectsWith(a.account.addEffecteur.mutate({ type: 'ehpad', name: 'EHPAD', finess: '750712185' }), 'FINESS_CHECK_DIGIT', 400);
    await rejectsWith(a.account.addEffecteur.mutate({ type: 'officine', name: 'Moi', finess: A.finess }), 'EFFECTEUR_SELF_LOCKED', 403);
    const ehpad = await a.account.addEffecteur.mutate({ type: 'ehpad', name: 'EHPAD Les Roses', finess: '750712184' });
    assert.equal(ehpad.effecteur.finess, '750712184');

    const updated = await a.account.updateEffecteur.mutate({ id: added.effecteur.id, type: 'sage_femme', name: 'Mme Sage-Femme', rpps: '10100394740', active: true, notifyByEmail: false });
    assert.equal(updated.effecteur.name, 'Mme Sage-Femme');
    assert.equal(updated.effecteur.notifyByEmail, false);
    await rejectsWith(a.account.updateEffecteur.mutate({ id: A.effecteurs.self, type: 'officine', name: 'Officine A', finess: A.finess, active: true }), 'EFFECTEUR_SELF_LOCKED', 403);

    assert.deepEqual(await a.account.removeEffecteur.mutate({ id: ehpad.effecteur.id }), { outcome: 'deleted' });
    await a.orders.create.mutate({
      sessionId: s.world.sessionId,
      idempotencyKey: newKey(),
      lines: [{ effecteurId: added.effecteur.id, productId: s.world.products.moderna, vials: 2 }],
    });
    assert.deepEqual(await a.account.removeEffecteur.mutate({ id: added.effecteur.id }), { outcome: 'deactivated' }, 'an effecteur with orders is kept');
    const kept = (await a.account.listEffecteurs.query()).find((e) => e.id === added.effecteur.id);
    assert.equal(kept?.active, false);
  });
});
