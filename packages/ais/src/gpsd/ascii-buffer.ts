/**
 * A growable byte buffer that JSON is printed into directly: keys, integers,
 * booleans and gpsd's scaled numbers go in as bytes, with no intermediate
 * string per field or per message. Everything gpsd prints is ASCII (its
 * string escaping turns anything else into `\u00xx`), so one byte per
 * character.
 */
import { fixed, jsonString } from './printf.js';

/**
 * Every piece's bytes as 8-byte words, zero-padded, in one table that lives
 * as long as the process: `raw` copies 8 bytes a store from it through a
 * DataView. One table, rather than an array per piece, lets the compiled
 * copy loop take its address as a constant (measured by instruction count:
 * a per-piece array cost as much as `TypedArray.prototype.set`, which took a
 * quarter of the time to print a position report; the table costs under
 * half of that). ASCII never makes a NaN of 8 bytes (that needs a 0x7f or
 * 0xff byte on top), so the words carry the bytes through unchanged. The
 * printer makes a few tens of thousands of words of pieces; past the
 * table's size, pieces are copied with `set`.
 */
const WORDS = new Float64Array(1 << 18);
const WORD_BYTES = new Uint8Array(WORDS.buffer);
let wordsUsed = 0;

/** Constant text the printer copies into its output: keys, legends, whole openings of a line. */
export class Piece {
  readonly bytes: Uint8Array;
  readonly length: number;
  /** Index of the piece's first word in `WORDS`, or -1 when the table was full. */
  readonly at: number;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.length = bytes.length;
    const count = (bytes.length + 7) >> 3;
    if (wordsUsed + count > WORDS.length) {
      this.at = -1;
      return;
    }
    WORD_BYTES.set(bytes, wordsUsed * 8);
    this.at = wordsUsed;
    wordsUsed += count;
  }
}

/** ASCII text as a piece. */
export function piece(s: string): Piece {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Piece(bytes);
}

/** `,"name":false` and `,"name":true` for each name, indexed by 0 and 1. */
export function flagPieces<const N extends string>(names: readonly N[]): Readonly<Record<N, readonly [Piece, Piece]>> {
  const out = {} as Record<N, readonly [Piece, Piece]>;
  for (const n of names) out[n] = [piece(`,"${n}":false`), piece(`,"${n}":true`)];
  return out;
}

/** `,"name":` for each name: the keys a printer writes, prepared once. */
export function keyPieces<const N extends string>(names: readonly N[]): Readonly<Record<N, Piece>> {
  const out = {} as Record<N, Piece>;
  for (const n of names) out[n] = piece(`,"${n}":`);
  return out;
}

const TRUE = piece('true');
const INT32_MAX = 0x7fffffff;
/** The largest 1/10000 minute `degrees` takes on its int32 path: 10 × it + 3 stays below 2^31. */
const DEGREES_INT32_MAX = 214748364;

/** "00" to "99" as ASCII: the digits of i at 2i and 2i+1. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, j) => 0x30 + (j & 1 ? (j >> 1) % 10 : Math.floor((j >> 1) / 10)));

/** How many decimal digits `n` has (0 <= n < 2^31). */
function decimalLength(n: number): number {
  if (n < 100000) return n < 100 ? (n < 10 ? 1 : 2) : n < 1000 ? 3 : n < 10000 ? 4 : 5;
  return n < 10000000 ? (n < 1000000 ? 6 : 7) : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
}
const FALSE = piece('false');

/** Room reserved before each message: a fixed layout with its numbers takes far less. */
export const MESSAGE_ROOM = 4096;

export class AsciiBuffer {
  bytes: Uint8Array;
  length = 0;
  /** `bytes` seen as a DataView, for `raw`'s 8-byte stores. */
  private view: DataView;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
    this.view = viewOf(this.bytes);
  }

  /**
   * Makes room for `n` more bytes. The writers of bounded things (`raw`,
   * `int`, `bool`, `degrees`, `tenths`) do not check for room: whoever prints
   * a message reserves `MESSAGE_ROOM` first, more than any fixed layout takes;
   * `ascii` and `str`, whose length is the text's, reserve for themselves.
   */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + n, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = viewOf(grown);
  }

  /** The bytes printed so far, given up; printing goes on from the start of `fresh`. */
  swap(fresh: Uint8Array): Uint8Array {
    const printed = this.bytes.subarray(0, this.length);
    this.bytes = fresh;
    this.view = viewOf(fresh);
    this.length = 0;
    return printed;
  }

  /** ASCII text as it is (keys, legends already quoted, numbers already printed). */
  ascii(s: string): void {
    const n = s.length;
    this.reserve(n);
    const b = this.bytes;
    let p = this.length;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.length = p;
  }

  /**
   * A piece as it is (keys and legends prepared at module load), 8 bytes a
   * store. The last store may write up to 7 bytes of padding past the piece,
   * which whatever is printed next overwrites; where the buffer ends before
   * those 7 bytes, the piece is copied with `set`.
   */
  raw(src: Piece): void {
    let p = this.length;
    const end = p + src.length;
    let w = src.at;
    if (w < 0 || end + 7 > this.bytes.length) this.bytes.set(src.bytes, p);
    else {
      const view = this.view;
      for (; p < end; p += 8) view.setFloat64(p, WORDS[w++]!, true);
    }
    this.length = end;
  }

  /** A decimal integer. */
  int(n: number): void {
    if (n >= 0 && n <= INT32_MAX && (n | 0) === n) {
      this.digits(n);
      return;
    }
    if (n < 0 && n >= -INT32_MAX && (n | 0) === n) {
      this.bytes[this.length++] = 0x2d;
      this.digits(-n);
      return;
    }
    this.ascii(String(n)); // beyond 32 bits: rare (no AIS field is that wide), and String prints integers exactly
  }

  /**
   * The decimal digits of `n` (0 <= n < 2^31), two at a time from a table:
   * integer arithmetic only, half the divisions of one digit at a time.
   */
  private digits(n: number): void {
    const b = this.bytes;
    const end = this.length + decimalLength(n);
    let i = end;
    while (n >= 100) {
      const q = (n / 100) | 0;
      const r = (n - q * 100) << 1;
      b[--i] = DIGIT_PAIRS[r + 1]!;
      b[--i] = DIGIT_PAIRS[r]!;
      n = q;
    }
    if (n >= 10) {
      b[--i] = DIGIT_PAIRS[(n << 1) + 1]!;
      b[--i] = DIGIT_PAIRS[n << 1]!;
    } else b[--i] = 0x30 + n;
    this.length = end;
  }

  bool(v: boolean): void {
    this.raw(v ? TRUE : FALSE);
  }

  /** A JSON string, escaped as gpsd escapes it. */
  str(s: string): void {
    const n = s.length;
    this.reserve(n + 2);
    const b = this.bytes;
    const start = this.length;
    let p = start;
    b[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x7f) {
        // Rare: something to escape. Start over with the escaping printer.
        this.length = start;
        this.ascii(jsonString(s));
        return;
      }
      b[p++] = c;
    }
    b[p++] = 0x22;
    this.length = p;
  }

  /**
   * printf `%.6f` of `n / 600000` for an integer `n` (1/10000 minute to
   * degrees), by integer arithmetic. Exact: (n / 600000) × 10^6 is n × 5/3,
   * whose fraction is 0, 1/3 or 2/3, never near the rounding boundary, so the
   * tiny error of the double gpsd divides into cannot change the rounding.
   * A property test holds it to `fixed`, which C printf holds to account.
   */
  degrees(n: number): void {
    // Every real position (|n| <= 181 × 600000) takes the int32 path, where
    // the divisions by constants compile to multiplications.
    const a = n < 0 ? -n : n;
    if ((n | 0) !== n || a > DEGREES_INT32_MAX) {
      this.wideDegrees(n);
      return;
    }
    const micro = ((10 * a + 3) / 6) | 0; // round(a × 5/3)
    const whole = (micro / 1000000) | 0;
    if (n < 0) this.bytes[this.length++] = 0x2d;
    this.digits(whole);
    this.sixDecimals(micro - whole * 1000000);
  }

  /** `degrees` beyond int32: the same arithmetic in doubles, exact up to 2^48. */
  private wideDegrees(n: number): void {
    if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 48) {
      this.ascii(fixed(n / 600000, 6));
      return;
    }
    const a = n < 0 ? -n : n;
    const micro = Math.floor((10 * a + 3) / 6);
    const whole = Math.floor(micro / 1e6);
    if (n < 0) this.bytes[this.length++] = 0x2d;
    this.whole(whole);
    this.sixDecimals(micro - whole * 1e6);
  }

  /** printf `%.1f` of `n / 10` for an integer `n`: the digits of n with a point before the last. */
  tenths(n: number): void {
    // Beyond 32 bits n / 10 is not exact in a double, and gpsd prints the double.
    const a = n < 0 ? -n : n;
    if ((n | 0) !== n || a > INT32_MAX) {
      this.ascii(fixed(n / 10, 1));
      return;
    }
    const whole = (a / 10) | 0;
    if (n < 0) this.bytes[this.length++] = 0x2d;
    this.digits(whole);
    const b = this.bytes;
    const p = this.length;
    b[p] = 0x2e;
    b[p + 1] = 0x30 + (a - whole * 10);
    this.length = p + 2;
  }

  /** The integer part of a scaled number (non-negative, up to 2^48 / 10). */
  private whole(n: number): void {
    if (n <= INT32_MAX) this.digits(n);
    else this.ascii(String(n));
  }

  /** `.` and six zero-padded decimals of `frac` (0 <= frac < 10^6). */
  private sixDecimals(frac: number): void {
    const b = this.bytes;
    const p = this.length;
    b[p] = 0x2e;
    for (let i = p + 6; i > p; i -= 2) {
      const q = (frac / 100) | 0;
      const r = (frac - q * 100) << 1;
      b[i] = DIGIT_PAIRS[r + 1]!;
      b[i - 1] = DIGIT_PAIRS[r]!;
      frac = q;
    }
    this.length = p + 7;
  }

  /** The bytes printed so far as a string. */
  text(from = 0): string {
    let s = '';
    const b = this.bytes;
    for (let i = from; i < this.length; i += 4096) s += String.fromCharCode(...b.subarray(i, Math.min(i + 4096, this.length)));
    return s;
  }
}

/** Pieces joined into one, so that they print in one copy. */
export function joinPieces(...pieces: readonly Piece[]): Piece {
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p.bytes, at);
    at += p.length;
  }
  return new Piece(all);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A small coded field printed in one copy: `,"key":n` (with `,"key_text":...`
 * when it has a legend, and the key of the field that follows when `then` is
 * given) prepared for every n below `count`. Values outside fall back to
 * printing key, number and gpsd's word for an invalid code.
 */
export class CodeTable {
  readonly key: Piece;
  readonly text: Piece | undefined;
  readonly invalid: Piece | undefined;
  readonly then: Piece | undefined;
  /** Pieces made so far, by code: a table is made piece by piece as codes occur, so start-up pays for none. */
  private readonly made: (Piece | undefined)[];

  constructor(
    private readonly name: string,
    private readonly count: number,
    private readonly legends?: readonly Piece[],
    invalid?: Piece,
    then?: Piece,
  ) {
    this.key = piece(`,"${name}":`);
    this.text = legends === undefined ? undefined : piece(`,"${name}_text":`);
    this.invalid = invalid;
    this.then = then;
    this.made = new Array(count);
  }

  /** The whole piece for code `n`, or undefined for a code outside the table. */
  pieceFor(n: number): Piece | undefined {
    if ((n | 0) !== n || n < 0 || n >= this.count) return undefined;
    return (this.made[n] ??= this.make(n));
  }

  private make(n: number): Piece {
    const head = piece(`,"${this.name}":${n}`);
    const legend = this.text === undefined ? [] : [this.text, this.legends![n] ?? this.invalid!];
    return joinPieces(head, ...legend, ...(this.then === undefined ? [] : [this.then]));
  }
}

export function code(t: CodeTable, n: number, w: AsciiBuffer): void {
  const b = t.pieceFor(n);
  if (b !== undefined) {
    w.raw(b);
    return;
  }
  w.raw(t.key);
  w.int(n);
  if (t.text !== undefined) {
    w.raw(t.text);
    w.raw(t.invalid!);
  }
  if (t.then !== undefined) w.raw(t.then);
}
