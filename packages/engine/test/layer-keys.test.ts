import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugOf, uniqueKeys } from '../src/space/layer-keys.js';

test('keys: names folded to lower-case ASCII and dashes, diacritics dropped, repeats numbered in order', () => {
  assert.equal(slugOf('Finland EEZ'), 'finland-eez');
  assert.equal(slugOf('  Senkaku: 12 nm (territorial sea) '), 'senkaku-12-nm-territorial-sea');
  assert.equal(slugOf('Île de Sein – Chaussée'), 'ile-de-sein-chaussee');
  assert.equal(slugOf('Señora del Mar'), 'senora-del-mar');
  assert.equal(slugOf('—'), 'unnamed');
  assert.equal(slugOf('x'.repeat(70)), 'x'.repeat(64));
  assert.deepEqual(uniqueKeys(['Balticconnector', 'Estlink 2', 'Balticconnector', 'balticconnector-2']), ['balticconnector', 'estlink-2', 'balticconnector-2', 'balticconnector-2-2']);
});
