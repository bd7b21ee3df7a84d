/**
 * The bit readers against a brute-force oracle: the payload as a string of
 * 0s and 1s, fields read with parseInt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Payload, int, text, uint, untrimmedText } from '../src/bits.js';

/** Random payloads: six-bit values and fill bits. */
const payload = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 5 }))
  .map(([values, fill]) => Payload.of(values, values.length === 1 ? 0 : fill));

function bitsOf(p: Payload): string {
  let s = '';
  for (let i = 0; i < p.length; i++) s += p.sixbits[i]!.toString(2).padStart(6, '0');
  return s;
}

function oracleText(p: Payload, start: number, width: number): string {
  const bits = bitsOf(p).slice(0, p.bitLength);
  let s = '';
  for (let pos = start; pos + 6 <= start + width && pos + 6 <= bits.length; pos += 6) {
    const v = parseInt(bits.slice(pos, pos + 6), 2);
    if (v === 0) break;
    s += String.fromCharCode(v < 32 ? v + 64 : v);
  }
  return s;
}

test('uint and int (property): every start and width up to 53 bits read what the bit string says', () => {
  fc.assert(
    fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 53 }), (p, at, width) => {
      fc.pre(p.length * 6 >= width);
      const start = at % (p.length * 6 - width + 1);
      const field = bitsOf(p).slice(start, start + width);
      const expected = parseInt(field, 2);
      assert.equal(uint(p, start, width), expected);
      if (width >= 2) assert.equal(int(p, start, width), field[0] === '1' ? expected - 2 ** width : expected);
    }),
    { numRuns: 5000 },
  );
});

test('text and untrimmedText (property): cut at @, within the payload, trailing spaces trimmed or kept', () => {
  fc.assert(
    fc.property(payload, fc.nat(), fc.integer({ min: 0, max: 30 }), (p, at, chars) => {
      const start = at % (p.length * 6 + 1);
      const raw = oracleText(p, start, chars * 6);
      // Twice: the second read may come from the memo.
      for (let k = 0; k < 2; k++) {
        assert.equal(untrimmedText(p, start, chars * 6), raw);
        assert.equal(text(p, start, chars * 6), raw.replace(/ +$/, ''));
      }
    }),
    { numRuns: 5000 },
  );
});

test('text: many more distinct texts than memo slots, read again, are still exact', () => {
  const rng = fc.sample(fc.array(fc.integer({ min: 1, max: 63 }), { minLength: 1, maxLength: 20 }), { numRuns: 20_000, seed: 42 });
  const payloads = rng.map((values) => Payload.of(values));
  const first = payloads.map((p) => untrimmedText(p, 0, 120));
  payloads.forEach((p, k) => {
    assert.equal(untrimmedText(p, 0, 120), first[k]);
    assert.equal(first[k], oracleText(p, 0, 120));
  });
});

test('a payload refilled shorter than before reads zeros past its end, whatever it held there (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 63 }), { minLength: 1, maxLength: 80 }),
      fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 80 }),
      (before, after) => {
        const p = new Payload(4);
        p.reserve(before.length);
        for (const v of before) p.push(v);
        p.seal(0);
        p.reset();
        p.reserve(after.length);
        for (const v of after) p.push(v);
        p.seal(0);
        // The margin behind the payload covers a 64-bit read: twelve six-bit values, all zero.
        for (let k = 0; k < 12; k++) assert.equal(p.sixbits[after.length + k], 0, `value ${k} past the end`);
        assert.equal(uint(p, after.length * 6, 53), 0);
      },
    ),
  );
});

test('append (property): fragments appended four values a word give the values pushed one by one, and a zeroed margin once sealed', () => {
  const fragments = fc.array(fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 0, maxLength: 70 }), { minLength: 1, maxLength: 5 });
  fc.assert(
    fc.property(fragments, fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 40 }), (parts, leftover) => {
      // One source array reused for every fragment, as the receiver's sentence is: values
      // beyond a fragment's count are what an earlier, longer fragment left there.
      const source = new Uint8Array(128);
      const words = new Int32Array(source.buffer);
      const p = new Payload(4);
      // A payload used before, longer: what it held must not show through.
      for (const v of leftover) {
        p.reserve(1);
        p.push(v);
      }
      p.reset();
      const expected: number[] = [];
      for (const part of parts) {
        source.fill(63);
        source.set(part);
        p.reserve(part.length);
        p.append(source, words, part.length);
        expected.push(...part);
      }
      p.seal(0);
      assert.deepEqual(Array.from(p.sixbits.subarray(0, p.length)), expected);
      assert.deepEqual(Array.from(p.sixbits.subarray(p.length, p.length + 12)), new Array(12).fill(0));
    }),
  );
});
