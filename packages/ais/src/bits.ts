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

/** Margin of zeroed six-bit values kept behind the payload (covers a 64-bit read). */
const MARGIN = 12;

export class Payload {
  /** Six-bit values, one per armour character. */
  sixbits: Uint8Array;
  /** Number of valid bits: characters × 6 − fill bits. */
  bitLength = 0;
  /** Number of six-bit values in use. */
  length = 0;

  constructor(capacityChars = 256) {
    this.sixbits = new Uint8Array(capacityChars + MARGIN);
  }

  /** Empties the payload, keeping its storage. */
  reset(): void {
    this.sixbits.fill(0, 0, this.length + MARGIN);
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

  /** Closes the payload: trailing fill bits of the last character are not data. */
  seal(fillBits: number): void {
    this.bitLength = this.length * 6 - fillBits;
    this.sixbits.fill(0, this.length, this.length + MARGIN);
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
  let value = 0;
  let pos = start;
  const end = start + width;
  while (pos < end) {
    const index = (pos / 6) | 0;
    const offset = pos - index * 6;
    const avail = 6 - offset;
    const left = end - pos;
    const take = avail < left ? avail : left;
    const chunk = (six[index]! >> (avail - take)) & ((1 << take) - 1);
    // Multiply rather than shift: fields may exceed 31 bits (e.g. 38-bit text chunks).
    value = value * (1 << take) + chunk;
    pos += take;
  }
  return value;
}

/** Two's-complement signed integer of `width` bits (2..53) starting at bit `start`. */
export function int(p: Payload, start: number, width: number): number {
  const u = uint(p, start, width);
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
  return untrimmedText(p, start, width).trimEnd();
}

/**
 * Like `text`, but keeps trailing spaces: for a field that another one may
 * continue (the type 21 name and its extension).
 */
export function untrimmedText(p: Payload, start: number, width: number): string {
  let end = start + width;
  if (end > p.bitLength) end = start + Math.floor((p.bitLength - start) / 6) * 6;
  let s = '';
  for (let pos = start; pos + 6 <= end; pos += 6) {
    const v = uint(p, pos, 6);
    if (v === 0) break;
    s += SIXBIT_TEXT[v];
  }
  return s;
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
