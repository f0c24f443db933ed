import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRPCClientError } from '@trpc/client';
import { catalogueError, extensionError, toUserError, UserFacingError, zUserError } from './user-error';

test('an API error keeps the server message (placeholders filled) with the catalogue motif and contact', () => {
  const error = new TRPCClientError('Votre session a expiré. Veuillez vous reconnecter.', {
    result: { error: { message: 'x', code: -32001, data: { appCode: 'TOKEN_EXPIRED', httpStatus: 401 } } },
  });
  const user = toUserError(error);
  assert.equal(user.code, 'TOKEN_EXPIRED');
  assert.equal(user.motif, 'connexion');
  assert.equal(user.contact, 'spf_support');
  assert.ok(zUserError.safeParse(user).success);
});

test('a failure without an answer is the extension’s own, in French', () => {
  const user = toUserError(new TRPCClientError('fetch failed'));
  assert.equal(user.code, 'SERVICE_UNREACHABLE');
  assert.match(user.message, /joindre/);
  assert.equal(toUserError(new Error('boom')).code, 'UNEXPECTED');
  assert.equal(toUserError(new UserFacingError(extensionError('CIBA_DENIED'))).code, 'CIBA_DENIED');
  assert.equal(catalogueError('PSC_CANCELLED').contact, 'spf_support');
});
