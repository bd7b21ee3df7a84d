/**
 * A message payload as an array of six-bit values, and the readers that take
 * fields out of it by bit offset (MSB first, as M.1371 numbers them).
 *
 * Readers never allocate except `text` and `hexBits`; they do not bounds-check
 * (decoders check `bitLength` once, up front, against the layout of their
 * type), but a read past the end yields zeros rather than garbage because
 * `Payload` keeps a zeroed margin behind the last character.
 */
import { SIXBIT_TEXT } from './armour.js';
import { LITTLE_ENDIAN, WordView } from './word-view.js';

/** Six-bit text value → character code. */
const SIXBIT_CODE = Uint16Array.from(SIXBIT_TEXT, (c) => c.charCodeAt(0));

/** Margin of zeroed six-bit values kept behind the payload (covers a 64-bit read). */
const MARGIN = 12;

export class Payload {
  /** Six-bit values, one per armour character. */
  sixbits: Uint8Array;
  /** Number of valid bits: characters × 6 − fill bits. */
  bitLength = 0;
  /** Number of six-bit values in use. */
  length = 0;
  /** `sixbits` as words, for zeroing the margin, appending and comparing (made anew when the array changes). */
  private readonly words = new WordView();

  constructor(capacityChars = 256) {
    this.sixbits = new Uint8Array(capacityChars + MARGIN);
  }

  /** Empties the payload, keeping its storage. */
  reset(): void {
    // No clearing needed: `seal` zeroes the margin behind whatever is pushed next.
    this.length = 0;
    this.bitLength = 0;
  }

  /** Ensures room for `extra` more characters. */
  reserve(extra: number): void {
    const need = this.length + extra + MARGIN;
    if (need <= this.sixbits.length) return;
    const grown = new Uint8Array(Math.max(need, this.sixbits.length * 2));
    grown.set(this.sixbits.subarray(0, this.length));
    this.sixbits = grown;
  }

  /** Appends one six-bit value (the caller has reserved room). */
  push(value: number): void {
    this.sixbits[this.length++] = value;
  }

  /**
   * Appends the first `count` six-bit values of `values`, whose memory
   * `words` shares (four values a word), four at a time: a fragment of a
   * static report carries sixty, and a byte loop pays V8's checks on every
   * load and store. The caller has reserved room.
   */
  append(values: Uint8Array, words: Int32Array, count: number): void {
    const six = this.sixbits;
    let n = this.length;
    let i = 0;
    if (LITTLE_ENDIAN) {
      const view = this.words.of(six);
      for (; i + 4 <= count; i += 4, n += 4) view.setInt32(n, words[i >> 2]!, true);
    }
    for (; i < count; i++) six[n++] = values[i]!;
    this.length = n;
  }

  /**
   * Values `4k` to `4k + 3` as one word, the first in the low byte; past the
   * end of a sealed payload they read as its zeroed margin.
   */
  word(k: number): number {
    return this.words.of(this.sixbits).getInt32(4 * k, true);
  }

  /** Closes the payload: trailing fill bits of the last character are not data. */
  seal(fillBits: number): void {
    this.bitLength = this.length * 6 - fillBits;
    // Three word stores: a byte loop costs twelve stores, each with its own checks,
    // and TypedArray.fill is a call into the runtime.
    const margin = this.words.of(this.sixbits);
    const at = this.length;
    margin.setInt32(at, 0);
    margin.setInt32(at + 4, 0);
    margin.setInt32(at + 8, 0);
  }

  /** A payload from six-bit values (tests and the encoder). */
  static of(sixbits: ArrayLike<number>, fillBits = 0): Payload {
    const p = new Payload(sixbits.length);
    for (let i = 0; i < sixbits.length; i++) p.push(sixbits[i]!);
    p.seal(fillBits);
    return p;
  }
}

/** Unsigned integer of `width` bits (1..53) starting at bit `start`. */
export function uint(p: Payload, start: number, width: number): number {
  const six = p.sixbits;
  const end = start + width;
  const first = (start / 6) | 0;
  const last = ((end - 1) / 6) | 0;
  // Bits of the last character that lie after the field.
  const after = last * 6 + 6 - end;
  // The first character without the bits before the field.
  let value = six[first]! & (63 >> (start - first * 6));
  if (first === last) return value >> after;
  if (width <= 30) {
    // Fits a small integer all along: shifts are cheapest.
    for (let i = first + 1; i < last; i++) value = (value << 6) | six[i]!;
    return (value << (6 - after)) | (six[last]! >> after);
  }
  // Wider fields (38-bit text chunks, 48-bit hex) exceed 31 bits: multiply instead.
  for (let i = first + 1; i < last; i++) value = value * 64 + six[i]!;
  return value * (1 << (6 - after)) + (six[last]! >> after);
}

/** Two's-complement signed integer of `width` bits (2..53) starting at bit `start`. */
export function int(p: Payload, start: number, width: number): number {
  const u = uint(p, start, width);
  if (width <= 32) {
    // Shift the field to the top of an int32 and back: sign-extended, and a small integer, not a float.
    const unused = 32 - width;
    return (u << unused) >> unused;
  }
  const half = 2 ** (width - 1);
  return u >= half ? u - 2 * half : u;
}

/** One bit as a boolean. */
export function bool(p: Payload, start: number): boolean {
  const index = (start / 6) | 0;
  return ((p.sixbits[index]! >> (5 - (start - index * 6))) & 1) === 1;
}

/**
 * Six-bit ASCII text of `width` bits (a multiple of 6) starting at `start`,
 * cut at the first `@` (the "no more text" padding) and without trailing spaces,
 * as gpsd reports it. Reads only whole characters that lie inside the payload.
 */
export function text(p: Payload, start: number, width: number): string {
  return readText(p, start, width, true);
}

/**
 * Like `text`, but keeps trailing spaces: for a field that another one may
 * continue (the type 21 name and its extension).
 */
export function untrimmedText(p: Payload, start: number, width: number): string {
  return readText(p, start, width, false);
}

/*
 * Names, call signs and destinations repeat: every vessel sends the same static
 * data every few minutes. Building a string costs an allocation per character,
 * so texts of up to 20 characters are memoised by their six-bit values (packed
 * five to a word) in a direct-mapped table; a hit allocates nothing. The memo
 * is invisible: a slot holds the exact values it was built from.
 */
const MEMO_MAX_CHARS = 20;
const MEMO_SLOTS = 16384;
/** Per slot: character count (-1 empty), then four words of five characters. */
const memoKey = new Int32Array(MEMO_SLOTS * 5).fill(-1);
const memoUntrimmed: string[] = new Array<string>(MEMO_SLOTS).fill('');
const memoTrimmed: string[] = new Array<string>(MEMO_SLOTS).fill('');
const key = new Int32Array(4);

function readText(p: Payload, start: number, width: number, trim: boolean): string {
  let end = start + width;
  if (end > p.bitLength) end = start + Math.floor((p.bitLength - start) / 6) * 6;
  // Whole characters only: a width that is not a multiple of 6 (a name extension cut by fill bits) drops the partial one, as gpsd does.
  const chars = Math.floor((end - start) / 6);
  if (chars <= 0) return '';
  if (chars > MEMO_MAX_CHARS) return build(p, start, chars, trim);
  // Character j is the low 6 - shift bits of six[first + j] and the high `shift` bits of the next value.
  const six = p.sixbits;
  const first = (start / 6) | 0;
  const shift = start - first * 6;
  const back = 6 - shift;
  key[0] = key[1] = key[2] = key[3] = 0;
  let word = 0;
  let n = 0;
  while (n < chars) {
    const v = ((six[first + n]! << shift) | (six[first + n + 1]! >> back)) & 63;
    if (v === 0) break;
    word = (word << 6) | v;
    n++;
    if (n % 5 === 0) {
      key[n / 5 - 1] = word;
      word = 0;
    }
  }
  if (n === 0) return '';
  if (n % 5 !== 0) key[(n / 5) | 0] = word;
  let h = Math.imul(key[0]! ^ n, 0x9e3779b1) ^ key[1]!;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ key[2]!;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ key[3]!;
  const slot = (h ^ (h >>> 16)) & (MEMO_SLOTS - 1);
  const at = slot * 5;
  if (memoKey[at] !== n || memoKey[at + 1] !== key[0] || memoKey[at + 2] !== key[1] || memoKey[at + 3] !== key[2] || memoKey[at + 4] !== key[3]) {
    const untrimmed = build(p, start, n, false);
    memoKey[at] = n;
    memoKey.set(key, at + 1);
    memoUntrimmed[slot] = untrimmed;
    memoTrimmed[slot] = untrimmed.trimEnd();
  }
  return trim ? memoTrimmed[slot]! : memoUntrimmed[slot]!;
}

/** Character codes of the text being built: one string made from them, not one per character. */
let codes = new Uint16Array(64);

/** The text of at most `chars` characters from `start`, cut at the first `@`. */
function build(p: Payload, start: number, chars: number, trim: boolean): string {
  if (chars > codes.length) codes = new Uint16Array(Math.max(chars, codes.length * 2));
  let n = 0;
  for (let pos = start; n < chars; n++, pos += 6) {
    const v = uint(p, pos, 6);
    if (v === 0) break;
    codes[n] = SIXBIT_CODE[v]!;
  }
  if (trim) while (n > 0 && codes[n - 1] === 0x20) n--;
  return n === 0 ? '' : String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
}

const HEX = '0123456789abcdef';

/**
 * Raw bits as gpsd prints undecoded binary data: `"<bit count>:<hex>"`, the
 * hex digits left-aligned (a last partial nibble padded with zero bits).
 */
export function hexBits(p: Payload, start: number, width: number): string {
  let s = `${width}:`;
  for (let pos = 0; pos < width; pos += 4) {
    const take = width - pos < 4 ? width - pos : 4;
    s += HEX[uint(p, start + pos, take) << (4 - take)];
  }
  return s;
}
