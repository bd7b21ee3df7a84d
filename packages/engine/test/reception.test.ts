import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReceptionMap } from '../src/space/reception.js';

test('coverage agrees with a brute-force list of marks (oracle), within the ring', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 5 }), bucket: fc.integer({ min: 0, max: 200 }) }), { maxLength: 200 }),
      fc.record({ row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 5 }), from: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 0, max: 80 }) }),
      fc.integer({ min: 0, max: 2 }),
      (marks, q, radius) => {
        const ring = 64;
        const map = new ReceptionMap(1, 3_600_000, ring);
        // Marks arrive in time order, as the engine releases them.
        const sorted = [...marks].sort((a, b) => a.bucket - b.bucket);
        for (const m of sorted) map.mark(map.cellOf(m.row + 0.5, m.col + 0.5), m.bucket);
        const now = Math.max(q.from + q.len, sorted.at(-1)?.bucket ?? 0);
        const to = q.from + q.len;
        const got = map.coverage(q.row + 0.5, q.col + 0.5, radius, q.from, to, now, { heard: 0, buckets: 0 });
        const first = Math.max(q.from, now - ring + 1);
        let heard = 0;
        for (let b = first; b <= to; b++) {
          if (sorted.some((m) => m.bucket === b && Math.abs(m.row - q.row) <= radius && Math.abs(m.col - q.col) <= radius)) heard++;
        }
        assert.equal(got.buckets, Math.max(0, to - first + 1));
        assert.equal(got.heard, heard);
      },
    ),
    { numRuns: 300 },
  );
});

test('cells not heard for a whole ring are swept out', () => {
  const map = new ReceptionMap(0.1, 3_600_000, 32);
  map.mark(map.cellOf(10, 10), 100);
  map.mark(map.cellOf(20, 20), 120);
  map.sweep(140);
  assert.equal(map.size, 1);
  map.sweep(160);
  assert.equal(map.size, 0);
});
