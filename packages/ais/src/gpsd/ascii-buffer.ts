/**
 * A growable byte buffer that JSON is printed into directly: keys, integers,
 * booleans and gpsd's scaled numbers go in as bytes, with no intermediate
 * string per field or per message. Everything gpsd prints is ASCII (its
 * string escaping turns anything else into `\u00xx`), so one byte per
 * character.
 */
import { fixed, jsonString } from './printf.js';

/** ASCII text as bytes. */
export function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** `,"name":false` and `,"name":true` as bytes for each name, indexed by 0 and 1. */
export function flagBytes<const N extends string>(names: readonly N[]): Readonly<Record<N, readonly [Uint8Array, Uint8Array]>> {
  const out = {} as Record<N, readonly [Uint8Array, Uint8Array]>;
  for (const n of names) out[n] = [asciiBytes(`,"${n}":false`), asciiBytes(`,"${n}":true`)];
  return out;
}

/** `,"name":` as bytes for each name: the keys a printer writes, prepared once. */
export function keyBytes<const N extends string>(names: readonly N[]): Readonly<Record<N, Uint8Array>> {
  const out = {} as Record<N, Uint8Array>;
  for (const n of names) out[n] = asciiBytes(`,"${n}":`);
  return out;
}

const TRUE = asciiBytes('true');
const FALSE = asciiBytes('false');

/** Room reserved before each message: a fixed layout with its numbers takes far less. */
export const MESSAGE_ROOM = 4096;

export class AsciiBuffer {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
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

  /** Bytes as they are (keys and legends prepared at module load). */
  raw(src: Uint8Array): void {
    const n = src.length;
    const b = this.bytes;
    if (n > 24) {
      // Long legends: a native copy beats the loop; short keys are faster copied by hand.
      b.set(src, this.length);
      this.length += n;
      return;
    }
    let p = this.length;
    for (let i = 0; i < n; i++) b[p++] = src[i]!;
    this.length = p;
  }

  /** A decimal integer. */
  int(n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.ascii(String(n));
      return;
    }
    const b = this.bytes;
    let p = this.length;
    if (n < 0) {
      b[p++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    p += digits;
    let i = p;
    do {
      const q = Math.floor(n / 10);
      b[--i] = 0x30 + (n - q * 10);
      n = q;
    } while (n > 0);
    this.length = p;
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
    if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 48) {
      this.ascii(fixed(n / 600000, 6));
      return;
    }
    const a = n < 0 ? -n : n;
    const micro = Math.floor((10 * a + 3) / 6); // round(a × 5/3)
    const whole = Math.floor(micro / 1e6);
    if (n < 0) this.ascii('-');
    this.int(whole);
    this.decimals(micro - whole * 1e6, 6);
  }

  /** printf `%.1f` of `n / 10` for an integer `n`: the digits of n with a point before the last. */
  tenths(n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.ascii(fixed(n / 10, 1));
      return;
    }
    const a = n < 0 ? -n : n;
    const whole = Math.floor(a / 10);
    if (n < 0) this.ascii('-');
    this.int(whole);
    this.decimals(a - whole * 10, 1);
  }

  /** `.` and `digits` decimals of `frac` (0 <= frac < 10^digits), zero-padded. */
  private decimals(frac: number, digits: number): void {
    const b = this.bytes;
    const p = this.length;
    b[p] = 0x2e;
    for (let i = digits; i > 0; i--) {
      const q = Math.floor(frac / 10);
      b[p + i] = 0x30 + (frac - q * 10);
      frac = q;
    }
    this.length = p + digits + 1;
  }

  /** The bytes printed so far as a string. */
  text(from = 0): string {
    let s = '';
    const b = this.bytes;
    for (let i = from; i < this.length; i += 4096) s += String.fromCharCode(...b.subarray(i, Math.min(i + 4096, this.length)));
    return s;
  }
}

/**
 * A small coded field printed in one copy: `,"key":n` (with `,"key_text":...`
 * when it has a legend) prepared for every n below `count`. Values outside
 * fall back to printing key, number and gpsd's word for an invalid code.
 */
export interface CodeTable {
  readonly bytes: readonly Uint8Array[];
  readonly key: Uint8Array;
  readonly text: Uint8Array | undefined;
  readonly invalid: Uint8Array | undefined;
}

export function codeTable(name: string, count: number, legends?: readonly Uint8Array[], invalid?: Uint8Array): CodeTable {
  const text = legends === undefined ? undefined : asciiBytes(`,"${name}_text":`);
  const bytes = Array.from({ length: count }, (_, n) => {
    const head = asciiBytes(`,"${name}":${n}`);
    if (text === undefined) return head;
    const legend = legends![n] ?? invalid!;
    const all = new Uint8Array(head.length + text.length + legend.length);
    all.set(head);
    all.set(text, head.length);
    all.set(legend, head.length + text.length);
    return all;
  });
  return { bytes, key: asciiBytes(`,"${name}":`), text, invalid };
}

export function code(t: CodeTable, n: number, w: AsciiBuffer): void {
  const b = t.bytes[n];
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
}
