import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SlotSet } from '../src/detect/slot-set.js';

test('a slot set holds what was added and not deleted since, listed in ascending order (property)', () => {
  const step = fc.tuple(fc.constantFrom('add', 'delete', 'list', 'where'), fc.integer({ min: 0, max: 199 }));
  fc.assert(
    fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
      const set = new SlotSet();
      set.grow(100);
      const plain = new Set<number>();
      for (const [what, n] of steps) {
        const slot = n % 100;
        if (what === 'add') {
          set.add(slot);
          plain.add(slot);
        } else if (what === 'delete') {
          set.delete(slot);
          plain.delete(slot);
        } else if (what === 'where') {
          // The members a tick finds due: a chosen few, in ascending order.
          const chosen = (s: number): boolean => (s + n) % 3 === 0;
          assert.deepEqual([...set.ascendingWhere(chosen)], [...plain].filter(chosen).sort((a, b) => a - b));
        } else {
          // Walking the list while deleting from the set, as a tick that ends runs does.
          const listed = [...set.ascending()];
          assert.deepEqual(listed, [...plain].sort((a, b) => a - b));
          for (const s of listed.filter((_, i) => i % 2 === 0)) {
            set.delete(s);
            plain.delete(s);
          }
        }
        assert.equal(set.size, plain.size);
        assert.deepEqual([...set.ascending()], [...plain].sort((a, b) => a - b));
      }
      // Growing keeps the members.
      set.grow(400);
      set.add(350);
      plain.add(350);
      assert.deepEqual([...set.ascending()], [...plain].sort((a, b) => a - b));
    }),
    { numRuns: 500 },
  );
});
