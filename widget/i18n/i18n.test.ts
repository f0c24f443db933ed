import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from './index';
import * as areas from './messages/all-areas';

test('every screen has the same keys in French and English, none empty', () => {
  for (const [name, area] of Object.entries(areas)) {
    assert.deepEqual(Object.keys(area.en).sort(), Object.keys(area.fr).sort(), name);
    for (const [key, value] of [...Object.entries(area.fr), ...Object.entries(area.en)]) {
      assert.ok(value.trim().length > 0, `${name}: ${key} is empty`);
    }
  }
});

test('no key is defined by two screens', () => {
  const seen = new Map<string, string>();
  for (const [name, area] of Object.entries(areas)) {
    for (const key of Object.keys(area.fr)) {
      assert.ok(!seen.has(key), `${key} is in ${seen.get(key)} and ${name}`);
      seen.set(key, name);
    }
  }
});

test('placeholders are filled', () => {
  assert.equal(translator('fr')('error.code', { code: 'SESSION_CLOSED' }), 'Code : SESSION_CLOSED');
  assert.equal(translator('en')('error.code', { code: 'X' }), 'Code: X');
});
