/**
 * NMEA 4.0 tag blocks: `\s:source,c:unixtime,g:1-2-42*hh\` in front of a sentence.
 *
 * The fields we use: `c` (UNIX time; providers send seconds, some send
 * milliseconds: values above 1e11 are taken as milliseconds, since 1e11
 * seconds lies in the year 5138), `s` (source: station or receiver name),
 * `g` (sentence-group: number-count-id, which ties fragments together more
 * reliably than the sentence's own sequence id). Other fields are checked
 * only for framing.
 */
import { Reject, type RejectReason } from './reasons.js';
import { HIGH_BITS, WordView, xorOfBytes } from './word-view.js';

/** Longest tag block we accept; real ones are under 100 bytes. */
export const MAX_TAG_BLOCK = 512;

/** A parsed tag block; reused between lines by its owner. */
export class TagBlock {
  /** Index just after the closing backslash. */
  end = 0;
  /** `c:` as ms since 1970 UTC, or NaN. */
  time = NaN;
  /** The byte range in the line of the `c:` value that gave `time`, or -1. */
  timeStart = -1;
  timeEnd = -1;
  /** `s:` byte range in the line, or -1. */
  sourceStart = -1;
  sourceEnd = -1;
  /** `g:` sentence number, count and group id, or -1 when absent or malformed. */
  groupNumber = -1;
  groupCount = -1;
  groupId = -1;
  /** The line being read, four bytes at a time. */
  readonly line = new WordView();
}

/**
 * A run of bytes seen last (a tag block), to tell whether the next line
 * starts with the very same bytes: comparing them costs less than reading
 * the block's checksum and fields again.
 */
export class RepeatedBytes {
  private readonly bytes: Uint8Array;
  private readonly kept: DataView;
  private size = 0;
  /** The array compared against, read eight (or four) bytes at a time. */
  private readonly words = new WordView();

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.kept = new DataView(this.bytes.buffer);
  }

  /** Keeps `buf[from..to)`; longer than the capacity, nothing is kept. */
  remember(buf: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n > this.bytes.length) {
      this.size = 0;
      return;
    }
    copyBlock(this.words.of(buf), buf, from, n, this.kept, this.bytes);
    this.size = n;
  }

  forget(): void {
    this.size = 0;
  }

  /** The length of the bytes kept when `buf[at..end)` starts with them, else 0. */
  length(buf: Uint8Array, at: number, end: number): number {
    const n = this.size;
    if (n === 0 || at + n > end) return 0;
    if (n < 8) return this.sameWords(buf, at, n) ? n : 0;
    const view = this.words.of(buf);
    const kept = this.kept;
    // Eight bytes at a time, read as doubles, last first (a new time or checksum shows at
    // the end); the first eight may overlap the next. Doubles compare as their bits do
    // except +0 and -0 (equal) and NaN (unequal to itself): those are settled word by word.
    for (let i = n - 8; ; i = i > 8 ? i - 8 : 0) {
      const x = kept.getFloat64(i);
      if (x !== view.getFloat64(at + i) || x === 0) {
        if ((x === x && x !== 0) || !this.sameWords(buf, at + i, 8, i)) return 0;
      }
      if (i === 0) return n;
    }
  }

  /** Whether `buf[at..at + n)` equals the kept bytes from `from`, four bytes at a time. */
  private sameWords(buf: Uint8Array, at: number, n: number, from = 0): boolean {
    const view = this.words.of(buf);
    const kept = this.kept;
    let i = n - 4;
    for (; i >= 0; i -= 4) if (kept.getInt32(from + i) !== view.getInt32(at + i)) return false;
    for (i += 3; i >= 0; i--) if (this.bytes[from + i] !== buf[at + i]) return false;
    return true;
  }
}

/**
 * The last tag block read, to read the next one from how it differs: a feed
 * stamps each sentence with a block that differs from the one before only in
 * the digits of its time and in its checksum (`\s:station,c:1527811200*56\`),
 * or not at all. A block with the bytes of the last one except those digits
 * (as many of them) has the same fields: its time is read and its checksum
 * checked, and nothing else parsed. Any other block is parsed afresh.
 *
 * The bytes either side of the time are compared eight at a time, read as
 * doubles, and the digits read four at a time (SWAR): a typed-array access
 * costs V8's checks whatever its width, so the fewer the better.
 */
export class RepeatedTagBlock {
  private readonly bytes = new Uint8Array(MAX_TAG_BLOCK);
  private readonly kept = new DataView(this.bytes.buffer);
  private readonly words = new WordView();
  /** Length of the block kept, backslash to backslash; 0 when none is. */
  private size = 0;
  /** Offsets in the block of its time's digits (both at the star when it has no time), and of its star. */
  private timeStart = 0;
  private timeEnd = 0;
  private star = 0;
  /** The XOR of the bytes the checksum covers, less the time's digits. */
  private fixedSum = 0;

  /** Keeps the block `out` was just parsed from, at `buf[from..out.end)` (its checksum holds). */
  remember(buf: Uint8Array, from: number, out: TagBlock): void {
    const n = out.end - from;
    const star = n - 4;
    const timeStart = out.timeStart >= 0 ? out.timeStart - from : star;
    const timeEnd = out.timeStart >= 0 ? out.timeEnd - from : star;
    // Past 15 digits, four at a time and one at a time may round differently.
    if (n > this.bytes.length || star < 1 || timeEnd - timeStart > 15) {
      this.size = 0;
      return;
    }
    copyBlock(this.words.of(buf), buf, from, n, this.kept, this.bytes);
    let sum = (HEX_VALUE[buf[from + star + 1]!]! << 4) | HEX_VALUE[buf[from + star + 2]!]!;
    for (let k = timeStart; k < timeEnd; k++) sum ^= this.bytes[k]!;
    this.fixedSum = sum;
    this.timeStart = timeStart;
    this.timeEnd = timeEnd;
    this.star = star;
    // Doubles compare as their bits do except +0 and -0 (equal) and NaN (unequal to itself):
    // a block holding such bytes where a double is compared is not kept.
    this.size = this.comparable(0, timeStart) && this.comparable(timeEnd, star + 1) ? n : 0;
  }

  /**
   * When `buf[at..end)` starts with a block of the kept one's shape whose
   * checksum holds: sets `out.end` and `out.time` (its other fields are the
   * kept block's already) and returns the block's length; else 0.
   */
  read(buf: Uint8Array, at: number, end: number, out: TagBlock): number {
    const n = this.size;
    if (n === 0 || at + n > end) return 0;
    const view = this.words.of(buf);
    const timeStart = this.timeStart;
    const timeEnd = this.timeEnd;
    const star = this.star;
    // After the time (up to and with the star: the part that tells a block of another shape), then before it.
    if (!this.same(view, buf, at, timeEnd, star + 1) || !this.same(view, buf, at, 0, timeStart)) return 0;
    let i = at + timeStart;
    const last = at + timeEnd;
    let time = 0;
    let sum4 = 0;
    for (; i + 4 <= last; i += 4) {
      const x = view.getInt32(i, true);
      const digits = fourDigits(x);
      if (digits < 0) return 0;
      time = time * 10000 + digits;
      sum4 ^= x;
    }
    let sum = this.fixedSum ^ xorOfBytes(sum4);
    for (; i < last; i++) {
      const b = buf[i]!;
      if (b < 48 || b > 57) return 0;
      time = time * 10 + (b - 48);
      sum ^= b;
    }
    const hi = HEX_VALUE[buf[at + star + 1]!]!;
    const lo = HEX_VALUE[buf[at + star + 2]!]!;
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== sum || buf[at + star + 3] !== 0x5c) return 0;
    if (timeEnd > timeStart) out.time = time > 1e11 ? time : time * 1000;
    out.end = at + n;
    return n;
  }

  /** Whether `buf[at + from..at + to)` holds the kept bytes `from..to`: eight at a time, the last eight overlapping. */
  private same(view: DataView, buf: Uint8Array, at: number, from: number, to: number): boolean {
    const kept = this.kept;
    if (to - from < 8) {
      for (let i = from; i < to; i++) if (this.bytes[i] !== buf[at + i]) return false;
      return true;
    }
    // Little-endian reads, the order of most machines (no byte swap); `comparable` reads the same way.
    for (let i = from; i < to - 8; i += 8) if (kept.getFloat64(i, true) !== view.getFloat64(at + i, true)) return false;
    return kept.getFloat64(to - 8, true) === view.getFloat64(at + to - 8, true);
  }

  /** Whether every double `same` reads of the kept bytes `from..to` is neither zero nor NaN. */
  private comparable(from: number, to: number): boolean {
    if (to - from < 8) return true;
    const kept = this.kept;
    for (let i = from; ; i += 8) {
      if (i > to - 8) i = to - 8;
      const x = kept.getFloat64(i, true);
      if (x === 0 || x !== x) return false;
      if (i === to - 8) return true;
    }
  }
}

/**
 * Copies `buf[from..from + n)` into `bytes` (`kept` being its DataView), four
 * bytes a step: a block is a few dozen bytes, and set(subarray) makes an object.
 */
function copyBlock(view: DataView, buf: Uint8Array, from: number, n: number, kept: DataView, bytes: Uint8Array): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) kept.setInt32(i, view.getInt32(from + i));
  for (; i < n; i++) bytes[i] = buf[from + i]!;
}

export interface TagBlockFault {
  reason: RejectReason;
  detail: string;
}

const HEX_VALUE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();
export { HEX_VALUE };

/**
 * Parses the tag block starting at `buf[start]` (a backslash) into `out`.
 * Returns null on success, or the fault.
 */
export function readTagBlock(buf: Uint8Array, start: number, end: number, out: TagBlock): TagBlockFault | null {
  out.time = NaN;
  out.timeStart = out.timeEnd = -1;
  out.sourceStart = out.sourceEnd = -1;
  out.groupNumber = out.groupCount = out.groupId = -1;
  const limit = Math.min(end, start + MAX_TAG_BLOCK);
  // One pass: the checksum, and each field read as its comma is met. A field's
  // fault is kept until the checksum has been checked, which is reported first.
  // Four bytes at a time while none of them is a comma, star or backslash (a
  // feed's blocks differ line to line in their time, so each is read whole):
  // one load and one test a word, where byte by byte each costs a load and
  // three tests, each with V8's checks.
  const view = out.line.of(buf);
  let star = -1;
  let sum = 0;
  let sum4 = 0;
  let field = start + 1;
  let fault: TagBlockFault | null = null;
  let i = start + 1;
  scan: while (i < limit) {
    for (; i + 4 <= limit; i += 4) {
      const x = view.getInt32(i, true);
      if (hasFieldEnd(x)) break;
      sum4 ^= x;
    }
    // The bytes up to the next comma, star or backslash.
    for (; i < limit; i++) {
      const b = buf[i]!;
      if (b === 0x2a /* * */) {
        star = i;
        break scan;
      }
      if (b === 0x5c /* \ */) break scan;
      sum ^= b;
      if (b === 0x2c /* , */) {
        fault ??= readField(buf, field, i, out);
        field = ++i;
        continue scan;
      }
    }
  }
  sum ^= xorOfBytes(sum4);
  if (star < 0) return { reason: Reject.BAD_TAG_BLOCK, detail: 'tag block without *hh checksum' };
  if (star + 3 >= end || buf[star + 3] !== 0x5c) {
    return { reason: Reject.BAD_TAG_BLOCK, detail: 'tag block not closed by a backslash after its checksum' };
  }
  const hi = HEX_VALUE[buf[star + 1]!]!;
  const lo = HEX_VALUE[buf[star + 2]!]!;
  if (hi < 0 || lo < 0) return { reason: Reject.BAD_TAG_BLOCK, detail: 'tag block checksum is not hex' };
  if (((hi << 4) | lo) !== sum) {
    return {
      reason: Reject.BAD_TAG_BLOCK,
      detail: `tag block checksum ${hex2(hi * 16 + lo)}, computed ${hex2(sum)}`,
    };
  }
  out.end = star + 4;
  if (field < star) fault ??= readField(buf, field, star, out);
  return fault;
}

const ONES = 0x01010101;

/** Whether a byte of the word is a comma, a star or a backslash (a zero byte after XOR with each). */
function hasFieldEnd(x: number): boolean {
  const comma = x ^ 0x2c2c2c2c;
  const star = x ^ 0x2a2a2a2a;
  const slash = x ^ 0x5c5c5c5c;
  return ((((comma - ONES) & ~comma) | ((star - ONES) & ~star) | ((slash - ONES) & ~slash)) & HIGH_BITS) !== 0;
}

/** One `key:value` field, `buf[from..to)`. */
function readField(buf: Uint8Array, from: number, to: number, out: TagBlock): TagBlockFault | null {
  if (to - from < 2 || buf[from + 1] !== 0x3a /* : */) {
    return { reason: Reject.BAD_TAG_BLOCK, detail: `tag block field at byte ${from} is not key:value` };
  }
  const key = buf[from]!;
  const v = from + 2;
  if (key === 0x63 /* c */) {
    const n = readDecimal(buf, v, to, out.line.of(buf));
    if (Number.isNaN(n)) return { reason: Reject.BAD_TAG_BLOCK, detail: 'tag block time c: is not a number' };
    out.time = n > 1e11 ? n : n * 1000;
    out.timeStart = v;
    out.timeEnd = to;
  } else if (key === 0x73 /* s */) {
    out.sourceStart = v;
    out.sourceEnd = to;
  } else if (key === 0x67 /* g */) {
    readGroup(buf, v, to, out);
  }
  return null;
}

/** `g:number-count-id`; a malformed group is ignored (the sentence's own sequence id still applies). */
function readGroup(buf: Uint8Array, from: number, to: number, out: TagBlock): void {
  let number = -1;
  let count = -1;
  let value = -1;
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b === 0x2d /* - */) {
      if (value < 0 || count >= 0) return;
      if (number < 0) number = value;
      else count = value;
      value = -1;
    } else if (b >= 48 && b <= 57) {
      value = (value < 0 ? 0 : value * 10) + (b - 48);
      if (value > 1e9) return;
    } else return;
  }
  if (count < 0 || value < 0) return;
  if (number < 1 || count < 1 || number > count) return;
  out.groupNumber = number;
  out.groupCount = count;
  out.groupId = value;
}

/**
 * Non-negative decimal number (digits with an optional fraction), or NaN.
 * `view` is a DataView of `buf`: leading digits are read four at a time
 * (SWAR), where byte by byte each costs a load and tests with V8's checks.
 */
export function readDecimal(buf: Uint8Array, from: number, to: number, view: DataView): number {
  if (from >= to) return NaN;
  let n = 0;
  let i = from;
  // Below 1e11, n·10000 + four digits is exact, as four steps of n·10 + digit are.
  for (; i + 4 <= to && n < 1e11; i += 4) {
    const digits = fourDigits(view.getInt32(i, true));
    if (digits < 0) break;
    n = n * 10000 + digits;
  }
  let scale = 0;
  for (; i < to; i++) {
    const b = buf[i]!;
    if (b >= 48 && b <= 57) {
      n = n * 10 + (b - 48);
      if (scale) scale *= 10;
    } else if (b === 0x2e /* . */ && scale === 0) scale = 1;
    else return NaN;
  }
  return scale ? n / scale : n;
}

/**
 * The number four ASCII digits make, read as one little-endian word (the
 * first digit in its low byte), or -1 when a byte is not a digit.
 */
function fourDigits(x: number): number {
  // Every byte 0x30-0x39: its high nibble is 3, and still 3 with 6 added.
  if ((((x & 0xf0f0f0f0) ^ 0x30303030) | ((((x + 0x06060606) | 0) & 0xf0f0f0f0) ^ 0x30303030)) !== 0) return -1;
  // Pairs d0·10 + d1 and d2·10 + d3, then the four.
  let d = x & 0x0f0f0f0f;
  d = (d * 10 + (d >>> 8)) & 0x00ff00ff;
  return (d & 0xffff) * 100 + (d >>> 16);
}

export function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
