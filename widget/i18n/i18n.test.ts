import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areas as englishAreas } from './english';
import { isLanguageLoaded, loadLanguage, translator } from './index';
import * as frenchAreas from './messages/all-areas';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every screen has the same keys and placeholders in French and English, none empty', () => {
  assert.deepEqual(Object.keys(englishAreas).sort(), Object.keys(frenchAreas).sort());
  for (const [name, fr] of Object.entries(frenchAreas)) {
    const en: Record<string, string> = englishAreas[name as keyof typeof englishAreas];
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort(), name);
    for (const [key, value] of Object.entries(fr)) {
      assert.ok(value.trim().length > 0, `${name}: ${key} is empty in French`);
      assert.ok(en[key]?.trim(), `${name}: ${key} is empty in English`);
      assert.deepEqual(placeholders(en[key] ?? ''), placeholders(value), `${name}: ${key} placeholders`);
    }
  }
});

test('no key is defined by two screens', () => {
  const seen = new Map<string, string>();
  for (const [name, area] of Object.entries(frenchAreas)) {
    for (const key of Object.keys(area)) {
      assert.ok(!seen.has(key), `${key} is in ${seen.get(key)} and ${name}`);
      seen.set(key, name);
    }
  }
});

// These run in order: English is not loaded until the third one asks for it.
test('French needs no loading', async () => {
  assert.equal(isLanguageLoaded('fr'), true);
  await loadLanguage('fr');
  assert.equal(translator('fr')('error.code', { code: 'SESSION_CLOSED' }), 'Code : SESSION_CLOSED');
});

test('until English is loaded, its translator answers in French', () => {
  assert.equal(isLanguageLoaded('en'), false);
  assert.equal(translator('en')('common.back'), 'Retour');
});

test('once English is loaded, placeholders are filled in English, even by translators made before', async () => {
  const early = translator('en');
  await loadLanguage('en');
  assert.equal(isLanguageLoaded('en'), true);
  assert.equal(translator('en')('error.code', { code: 'X' }), 'Code: X');
  assert.equal(early('common.back'), 'Back');
});
