/**
 * Readers that take fields out of a payload the way gpsd 3.22 does, where
 * that differs from the plain readers in bits.ts. Our output is gpsd's JSON,
 * so these reproduce gpsd's edge behaviour bit for bit:
 *
 * - Fields are read whole even when the payload ends inside or before them:
 *   the bits past the end are the fill bits of the last armour character,
 *   then zeros (gpsd clears its bit buffer per message). `Payload` only zeroes
 *   a short margin, so reads that may reach past the end go through
 *   `uintAt`/`intAt`/`flagAt`, which stop at the armoured end themselves.
 * - Undecoded binary data is printed as whole bytes, `"<bits>:<hex>"`, and the
 *   bits of the last byte beyond the data are whatever follows it in the
 *   payload (fill bits, radio status) unless gpsd masks them (type 8 only).
 */
import { uint, bool, type Payload } from '../../bits.js';
import { SIXBIT_TEXT } from '../../armour.js';

/** Unsigned field of `width` bits (≤ 53) at `start`; bits past the armoured end (payload and fill bits) read as zero. */
export function uintAt(p: Payload, start: number, width: number): number {
  const end = p.length * 6;
  if (start + width <= end) return uint(p, start, width);
  if (start >= end) return 0;
  const have = end - start;
  return uint(p, start, have) * 2 ** (width - have);
}

/** Two's-complement field, as `uintAt`. */
export function intAt(p: Payload, start: number, width: number): number {
  const u = uintAt(p, start, width);
  const half = 2 ** (width - 1);
  return u >= half ? u - 2 * half : u;
}

/** One bit, as `uintAt`. */
export function flagAt(p: Payload, start: number): boolean {
  return start < p.length * 6 && bool(p, start);
}

/**
 * gpsd's fixed-width six-bit text (`UCHARS`): `chars` characters from
 * `start`, cut at the first `@`, trailing spaces removed.
 */
export function fixedText(p: Payload, start: number, chars: number): string {
  let s = '';
  for (let i = 0; i < chars; i++) {
    const v = uintAt(p, start + 6 * i, 6);
    if (v === 0) break;
    s += SIXBIT_TEXT[v];
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * gpsd's text to the end of the payload (`endchars`): every whole character
 * from `start` on, then as `fixedText`. Empty when nothing is left.
 */
export function trailingText(p: Payload, start: number): string {
  const chars = Math.floor((p.bitLength - start) / 6);
  return chars > 0 ? fixedText(p, start, chars) : '';
}

const HEX = '0123456789abcdef';

/**
 * Undecoded binary data as gpsd prints it: `"<bitCount>:<hex>"` with
 * ceil(bitCount / 8) bytes read from bit `start`. Bits at or after `limit`
 * read as zero: gpsd copies only the bytes that hold the data (and type 8
 * masks the last one), so `limit` says where its copy ended.
 */
export function rawData(p: Payload, start: number, bitCount: number, limit: number): string {
  let s = `${bitCount}:`;
  const end = start + bitCount;
  for (let pos = start; pos < end; pos += 8) {
    const byte = pos + 8 <= limit ? uintAt(p, pos, 8) : pos < limit ? uintAt(p, pos, limit - pos) << (8 - (limit - pos)) : 0;
    s += HEX[byte >> 4]! + HEX[byte & 15]!;
  }
  return s;
}

/** Where gpsd's copy of `bitCount` data bits from `copyStart` ends: it copies whole bytes. */
export function byteCopyEnd(copyStart: number, bitCount: number): number {
  return copyStart + 8 * Math.ceil(bitCount / 8);
}

/** A number as gpsd's `%02u` prints it. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * gpsd's `"%02u-%02uT%02u:%02uZ"` partial date from the usual contiguous
 * month (4 bits), day (5), hour (5) and minute (6) fields starting at `at`.
 */
export function monthDayTime(p: Payload, at: number): string {
  return `${pad2(uintAt(p, at, 4))}-${pad2(uintAt(p, at + 4, 5))}T${pad2(uintAt(p, at + 9, 5))}:${pad2(uintAt(p, at + 14, 6))}Z`;
}

/** gpsd's unpadded `"%u-%uT%u:%u"` form of the same fields (Inland AIS and IMO 289 berthing). */
export function monthDayTimeUnpadded(p: Payload, at: number): string {
  return `${uintAt(p, at, 4)}-${uintAt(p, at + 4, 5)}T${uintAt(p, at + 9, 5)}:${uintAt(p, at + 14, 6)}`;
}
