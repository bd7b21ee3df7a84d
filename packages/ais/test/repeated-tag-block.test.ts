/**
 * RepeatedTagBlock, the reading of a tag block from how it differs from the
 * one before, against a full parse of the same block: whatever the two
 * blocks hold (bytes that make doubles of +0, -0 or NaN included), a block
 * it reads must give what the parse gives, and a block that differs from
 * the kept one only in its time's digits must be read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTagBlock, RepeatedTagBlock, TagBlock } from '../src/tagblock.js';
import { tagBlock } from './support/nmea.js';

/** Bytes that make a double compare oddly (+0, -0, NaN) or end a field, and any byte. */
const oddByte = fc.oneof(fc.constantFrom(0x00, 0x80, 0x7f, 0xff, 0xf8, 0x2c, 0x2a, 0x5c, 0x3a, 0x2e), fc.integer({ min: 0, max: 255 }));
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
/** Fields as feeds write them, and the odd one out. */
const field = fc.oneof(
  digits(1, 16).map((d) => `c:${d}`),
  fc.constantFrom('s:sbarc', 's:rORBCOMM000', 's:', 'g:1-2-901', 'g:2-2-901', 'x:1', 'c:1527811200.5', 'c:', 'q'),
  fc.array(oddByte, { minLength: 1, maxLength: 12 }).map((bytes) => `s:${String.fromCharCode(...bytes)}`),
);
const body = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));

/** The block at `offset` in an array with bytes around it, as a line would hold it. */
function placed(block: string, offset: number): Uint8Array {
  const bytes = new Uint8Array(offset + block.length + 9).fill(0x21);
  bytes.set(Buffer.from(block, 'latin1'), offset);
  return bytes;
}

function parsed(bytes: Uint8Array, at: number): TagBlock | undefined {
  const out = new TagBlock();
  return readTagBlock(bytes, at, bytes.length, out) === null ? out : undefined;
}

test('a block read from the kept one gives what parsing it gives (property)', () => {
  // The second block is the first with its digits changed, a character or two changed (its
  // checksum made right), and a byte or two changed after that (its checksum then most
  // likely wrong); or another block altogether.
  const change = fc.tuple(fc.nat(), oddByte);
  const second = fc.tuple(fc.boolean(), fc.array(change, { maxLength: 2 }), fc.array(change, { maxLength: 1 }), body, fc.nat());
  fc.assert(
    fc.property(body, second, fc.nat(7), fc.nat(7), (first, [related, characters, bytes, other, seed], at1, at2) => {
      const kept = placed(tagBlock(first), at1);
      const keptBlock = parsed(kept, at1);
      if (keptBlock === undefined) return;
      let text = first.replace(/[0-9]/g, (d) => String((Number(d) + seed) % 10));
      for (const [where, value] of characters) text = text.slice(0, where % text.length) + String.fromCharCode(value) + text.slice((where % text.length) + 1);
      const next = Buffer.from(tagBlock(related ? text : other), 'latin1');
      for (const [where, value] of bytes) next[where % next.length] = value;
      const line = placed(next.toString('latin1'), at2);
      const repeated = new RepeatedTagBlock();
      repeated.remember(kept, at1, keptBlock);
      const out = Object.assign(new TagBlock(), keptBlock);
      const n = repeated.read(line, at2, line.length, out);
      if (n === 0) return;
      const fresh = parsed(line, at2);
      assert.ok(fresh !== undefined, 'read a block that does not parse');
      assert.equal(out.end, fresh.end);
      assert.equal(out.time, fresh.time);
      assert.deepEqual([out.groupNumber, out.groupCount, out.groupId], [fresh.groupNumber, fresh.groupCount, fresh.groupId]);
      assert.equal(
        Buffer.from(line.subarray(fresh.sourceStart, fresh.sourceEnd)).toString('latin1'),
        Buffer.from(kept.subarray(keptBlock.sourceStart, keptBlock.sourceEnd)).toString('latin1'),
      );
    }),
    { numRuns: 10000 },
  );
});

test('eight zero bytes and a negative zero are different bytes, not the same double', () => {
  // Bytes 3-34 are zeros; block offsets 0, 8, 16, 24 and 30 are compared as little-endian
  // doubles before the time at 38. Two negative zeros, sign bytes 15 and 23, leave the
  // checksum as it was.
  const zeros = Array.from({ length: 32 }, () => '\0');
  const kept = placed(tagBlock(`s:${zeros.join('')},c:1527811200`), 0);
  const repeated = new RepeatedTagBlock();
  repeated.remember(kept, 0, parsed(kept, 0)!);
  zeros[12] = zeros[20] = '\x80';
  const line = placed(tagBlock(`s:${zeros.join('')},c:1527811201`), 0);
  assert.equal(repeated.read(line, 0, line.length, parsed(kept, 0)!), 0);
});

test('a block that differs from the kept one only in its time is read, with its time (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('s:sbarc,c:', 'c:', 'g:1-2-901,s:x,c:', 's:rORBCOMM000,c:'),
      fc.constantFrom('', ',s:sbarc', ',g:2-2-7'),
      fc.integer({ min: 1, max: 15 }).chain((length) => fc.tuple(digits(length, length), digits(length, length))),
      fc.nat(7),
      (before, after, [time1, time2], at) => {
        const kept = placed(tagBlock(`${before}${time1}${after}`), 0);
        const keptBlock = parsed(kept, 0)!;
        const repeated = new RepeatedTagBlock();
        repeated.remember(kept, 0, keptBlock);
        const line = placed(tagBlock(`${before}${time2}${after}`), at);
        const out = Object.assign(new TagBlock(), keptBlock);
        assert.equal(repeated.read(line, at, line.length, out), line.length - 9 - at);
        assert.equal(out.time, parsed(line, at)!.time);
      },
    ),
    { numRuns: 2000 },
  );
});

test('a time of twenty digits reads as parsing reads it (four digits a step would round it differently)', () => {
  // 96201011046878622848 parses to 96201011046878610000; taken four digits a step it comes to …630000.
  const kept = placed(tagBlock('s:sbarc,c:96201011046878622840'), 0);
  const repeated = new RepeatedTagBlock();
  repeated.remember(kept, 0, parsed(kept, 0)!);
  const line = placed(tagBlock('s:sbarc,c:96201011046878622848'), 0);
  const out = parsed(kept, 0)!;
  if (repeated.read(line, 0, line.length, out) > 0) assert.equal(out.time, parsed(line, 0)!.time);
  assert.equal(parsed(line, 0)!.time, 96201011046878610000);
});
