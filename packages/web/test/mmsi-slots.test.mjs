import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importSource } from './support/import-source.mjs';

const { MmsiSlots } = await importSource('live/mmsi-slots.ts');

// Brute-force oracle: a Map given the same operations.
test('any sequence of sets and deletes agrees with a Map', () => {
  const mmsi = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 1, max: 50 }).map((k) => 244_000_000 + k * 1000));
  const op = fc.oneof(fc.tuple(fc.constant('set'), mmsi, fc.integer({ min: 0, max: 1e6 })), fc.tuple(fc.constant('delete'), mmsi, fc.constant(0)));
  fc.assert(
    fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (ops, expected) => {
      const slots = new MmsiSlots(expected);
      const model = new Map();
      for (const [kind, key, value] of ops) {
        if (kind === 'set') {
          slots.set(key, value);
          model.set(key, value);
        } else {
          assert.equal(slots.delete(key), model.delete(key));
        }
        assert.equal(slots.size, model.size);
      }
      for (const [, key] of ops) assert.equal(slots.get(key), model.get(key) ?? -1);
    }),
    { numRuns: 300 },
  );
});

test('MMSIs that share their low digits still find their slots after many deletions', () => {
  const slots = new MmsiSlots(16);
  const keys = Array.from({ length: 5000 }, (_, i) => 200_000_000 + i * 1000);
  keys.forEach((k, i) => slots.set(k, i));
  keys.forEach((k, i) => i % 3 === 0 && slots.delete(k));
  keys.forEach((k, i) => assert.equal(slots.get(k), i % 3 === 0 ? -1 : i));
  assert.equal(slots.size, keys.length - Math.ceil(keys.length / 3));
});
