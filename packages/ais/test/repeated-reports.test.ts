/**
 * The cache of static reports against decoding afresh: any sequence of
 * payloads, repeated, altered in one value or in their fill bits, and more
 * of them than the cache has slots, decodes to what decodePayload says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Payload } from '../src/bits.js';
import { decodePayload } from '../src/messages/registry.js';
import { RepeatedReports } from '../src/repeated-reports.js';

/** Six-bit values of a type 5 or 24 payload (the first value is the type), often of the usual lengths. */
const values = fc
  .tuple(fc.constantFrom(5, 24), fc.oneof(fc.constantFrom(71, 71, 28, 27), fc.integer({ min: 1, max: 90 })), fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 90, maxLength: 90 }))
  .map(([type, length, rest]) => [type, ...rest.slice(0, length - 1)]);

/**
 * What a step of a feed does: a new payload, or an earlier one (often the one
 * just before, which a one-slot cache still holds) repeated, changed in one
 * value, or with other fill bits.
 */
const step = fc.oneof(
  values.map((v) => ({ kind: 'new' as const, v, pick: 0, at: 0, to: 0, fill: 0 })),
  fc.record({
    kind: fc.constantFrom('repeat' as const, 'changed' as const, 'refilled' as const),
    v: fc.constant([] as number[]),
    pick: fc.nat(),
    at: fc.oneof(fc.nat(), fc.constant(-1)),
    to: fc.integer({ min: 0, max: 63 }),
    fill: fc.integer({ min: 0, max: 5 }),
  }),
);

test('RepeatedReports (property): every payload decodes as decodePayload decodes it, repeats to the very same object', () => {
  fc.assert(
    // One slot as well as many: then every payload meets the one before it in the same slot.
    fc.property(fc.array(step, { minLength: 1, maxLength: 400 }), fc.integer({ min: 0, max: 1500 }), fc.constantFrom(1, 1024), (steps, filler, slots) => {
      const cache = new RepeatedReports(slots);
      const seen: Array<{ v: number[]; fill: number }> = [];
      // More distinct payloads than slots first, so that slots are overwritten and collide.
      for (let k = 0; k < filler; k++) {
        const p = Payload.of([5, ...Array.from({ length: 70 }, (_, j) => (k * 7 + j * 13 + (k >> 6)) & 63)], 2);
        assert.deepEqual(cache.decode(p), decodePayload(p));
      }
      for (const s of steps) {
        let v: number[];
        let fill = 0;
        if (s.kind === 'new' || seen.length === 0) v = s.v.length > 0 ? s.v : [24, 1, 2, 3];
        else {
          const earlier = s.pick % 2 === 0 ? seen[seen.length - 1]! : seen[(s.pick >> 1) % seen.length]!;
          v = earlier.v.slice();
          fill = s.kind === 'refilled' ? s.fill : earlier.fill;
          // at -1: the last value, whose word is the last one compared.
          if (s.kind === 'changed') v[s.at < 0 ? v.length - 1 : s.at % v.length] = s.to;
        }
        if (v.length === 1) fill = 0;
        const p = Payload.of(v, fill);
        const got = cache.decode(p);
        assert.deepEqual(got, decodePayload(p));
        // Kept: payloads of up to 80 values (a type 5 has 71, a type 24 28).
        if (!('reason' in got) && v.length <= 80) assert.equal(cache.decode(Payload.of(v, fill)), got, 'a repeat gives back the object decoded first');
        seen.push({ v, fill });
      }
    }),
  );
});
