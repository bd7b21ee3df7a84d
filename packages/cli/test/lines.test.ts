import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSplitter } from '../src/decode/lines.js';

/** The lines a splitter hands on, as text, for input cut into the given chunks. */
function split(chunks: readonly Uint8Array[], maxLine?: number): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((buf, start, end) => {
    // Plain Uint8Arrays only: a decoder that met Node Buffers too would be compiled twice.
    assert.equal(buf.constructor, Uint8Array);
    lines.push(Buffer.from(buf.subarray(start, end)).toString('latin1'));
  }, maxLine);
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return lines;
}

/**
 * The reference: split the whole text on LF, no line after a final LF (or in an empty
 * text), then drop one CR at the end of each line (a last line of a lone CR is empty).
 */
function reference(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** `bytes` cut at the given offsets. */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const o of [...at, bytes.length]) {
    chunks.push(bytes.subarray(from, o));
    from = o;
  }
  return chunks;
}

test('lines come out the same however the input is cut into chunks (LF, CRLF, no final newline)', () => {
  // Any byte but LF, favouring those next to it in value (line ends are searched four bytes at a time).
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x0a), fc.constantFrom(0x00, 0x09, 0x0b, 0x0d, 0x7f, 0x80, 0x8a, 0xff));
  const line = fc.array(byte, { maxLength: 30 }).map((bytes) => String.fromCharCode(...bytes));
  const text = fc.tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 20, size: 'max' }), line).map(([ls, last]) => ls.map(([l, end]) => l + end).join('') + last);
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (t, offsets, plain) => {
      const bytes = Buffer.from(t, 'latin1');
      // Chunks come as Node Buffers from files and pipes, as plain Uint8Arrays from other callers.
      const chunks = cut(bytes, offsets).map((c) => (plain ? new Uint8Array(c.buffer, c.byteOffset, c.length) : c));
      assert.deepEqual(split(chunks), reference(t));
    }),
  );
});

test('a line longer than the limit is cut there and the rest of it dropped; the next line is intact', () => {
  const long = 'x'.repeat(50);
  const bytes = Buffer.from(`${long}\nnext\n`, 'latin1');
  for (const offsets of [[], [7], [3, 20, 49, 50, 51]]) {
    assert.deepEqual(split(cut(bytes, offsets), 16), ['x'.repeat(16), 'next']);
  }
});

test('an empty input has no lines; a lone newline is one empty line', () => {
  assert.deepEqual(split([]), []);
  assert.deepEqual(split([new Uint8Array(0)]), []);
  assert.deepEqual(split([Buffer.from('\n')]), ['']);
});
