import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SlotIndex } from '../src/track/slot-index.js';

test('SlotIndex agrees with a Map under random sets and deletes (oracle)', () => {
  const op = fc.record({ del: fc.boolean(), mmsi: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 2 ** 30 - 1 })), slot: fc.nat(1000) });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
      const index = new SlotIndex(4);
      const oracle = new Map<number, number>();
      for (const o of ops) {
        if (o.del) assert.equal(index.delete(o.mmsi), oracle.delete(o.mmsi));
        else {
          index.set(o.mmsi, o.slot);
          oracle.set(o.mmsi, o.slot);
        }
        assert.equal(index.size, oracle.size);
      }
      for (const o of ops) assert.equal(index.get(o.mmsi), oracle.get(o.mmsi) ?? -1);
    }),
    { numRuns: 60 },
  );
});
