/**
 * RepeatedBytes, the test of whether a line starts with the tag block of the
 * line before, against a plain byte comparison: on any bytes, including the
 * patterns a wide comparison could mistake (+0 and -0, NaN).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RepeatedBytes } from '../src/tagblock.js';

/** Bytes that make doubles of +0, -0 and NaN likely, and any other byte. */
const byte = fc.oneof(fc.constantFrom(0x00, 0x80, 0x7f, 0xff, 0xf8, 0x5c), fc.integer({ min: 0, max: 255 }));

test('a line starts with the kept bytes exactly when every byte is the same (property)', () => {
  fc.assert(
    fc.property(
      fc.array(byte, { minLength: 1, maxLength: 64 }),
      fc.array(fc.tuple(fc.nat(), byte), { maxLength: 3 }),
      fc.integer({ min: 0, max: 7 }),
      fc.array(byte, { maxLength: 8 }),
      (kept, edits, offset, tail) => {
        const block = Uint8Array.from(kept);
        const line = new Uint8Array(offset + kept.length + tail.length);
        line.set(block, offset);
        line.set(tail, offset + kept.length);
        for (const [at, v] of edits) line[offset + (at % kept.length)] = v;
        const r = new RepeatedBytes(512);
        // Kept from within a longer array, at the same offset as the line's copy.
        const source = new Uint8Array(offset + block.length + 3).fill(0xa5);
        source.set(block, offset);
        r.remember(source, offset, offset + block.length);
        const same = block.every((b, i) => line[offset + i] === b);
        assert.equal(r.length(line, offset, line.length), same ? block.length : 0);
      },
    ),
    { numRuns: 5000 },
  );
});

test('eight zero bytes and a negative zero differ; the same NaN bytes are the same', () => {
  const r = new RepeatedBytes(512);
  r.remember(new Uint8Array(16), 0, 16);
  const negativeZero = new Uint8Array(16);
  negativeZero[7] = 0x80;
  assert.equal(r.length(negativeZero, 0, 16), 0);
  negativeZero[0] = 0; // still -0 in the first eight read one way or the other
  negativeZero[7] = 0;
  negativeZero[8] = 0x80;
  assert.equal(r.length(negativeZero, 0, 16), 0);
  assert.equal(r.length(new Uint8Array(16), 0, 16), 16);
  const nan = Uint8Array.from([0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 1, 2, 3]);
  r.remember(nan, 0, nan.length);
  assert.equal(r.length(Uint8Array.from(nan), 0, nan.length), nan.length);
  const otherNan = Uint8Array.from(nan);
  otherNan[0] = 1;
  assert.equal(r.length(otherNan, 0, nan.length), 0);
});
