/**
 * The byte printer's copy of constant pieces: 8 bytes a store from one table
 * of words, or `set` where the table is full or the buffer ends too soon.
 * Every path must print exactly the piece's bytes, wherever it lands.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AsciiBuffer, joinPieces, piece, type Piece } from '../src/gpsd/ascii-buffer.js';

const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 90 });

/** Prints `texts` as pieces into a buffer of `capacity` bytes, after `offset` bytes of x. */
function printed(texts: readonly string[], pieces: readonly Piece[], capacity: number, offset: number): string {
  const w = new AsciiBuffer(capacity);
  w.reserve(offset);
  for (let i = 0; i < offset; i++) w.bytes[w.length++] = 0x78;
  for (const p of pieces) {
    w.reserve(p.length);
    w.raw(p);
  }
  return w.text(offset);
}

test('pieces print their bytes at any offset, in any buffer, up to its last byte', () => {
  fc.assert(
    fc.property(fc.array(ascii, { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 15 }), (texts, capacity, offset) => {
      assert.equal(printed(texts, texts.map(piece), capacity, offset), texts.join(''));
    }),
  );
});

test('joined pieces print as their parts do', () => {
  fc.assert(
    fc.property(fc.array(ascii, { maxLength: 6 }), (texts) => {
      assert.equal(printed([], [joinPieces(...texts.map(piece))], 8, 3), texts.join(''));
    }),
  );
});

test('when the table of words is full, new pieces still print (copied with set)', () => {
  const early = piece(',"early":');
  let late = piece('x'.repeat(4096));
  // Fill the table: 2^18 words are 2 MiB of pieces.
  for (let i = 0; i < 600 && late.at >= 0; i++) late = piece('y'.repeat(4096));
  let small = piece('z');
  for (let i = 0; i < 600 && small.at >= 0; i++) small = piece('z');
  assert.equal(late.at, -1, 'the table should be full by now');
  assert.equal(small.at, -1, 'the table should be full to the last word');
  const after = piece(',"after":"the table filled"');
  assert.equal(after.at, -1);
  assert.equal(printed([], [early, after, early], 16, 5), ',"early":,"after":"the table filled","early":');
});
