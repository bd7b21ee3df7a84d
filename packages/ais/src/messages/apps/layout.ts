/**
 * Message layouts as data: each field is a row `[name, start bit, width in
 * bits, kind]`, listed in the order gpsd prints the fields (which is not
 * always bit order), so that one small loop fills an object whose keys come
 * out in gpsd's order. Fields past the payload end read as zero, as in gpsd.
 */
import type { Payload } from '../../bits.js';
import { fixedText, flagAt, intAt, uintAt } from './gpsd-readers.js';

/** How a field's bits read. */
export const FieldKind = {
  /** Unsigned integer. */
  UINT: 0,
  /** Two's-complement signed integer. */
  INT: 1,
  /** One bit, as a boolean. */
  FLAG: 2,
  /** Six-bit text, width a multiple of 6, gpsd's fixed-width rules (`fixedText`). */
  TEXT: 3,
} as const;
export type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

/** One field of `T`: its name must be a key of `T`. */
export type Field<T> = readonly [name: keyof T & string, start: number, width: number, kind: FieldKind];
export type Layout<T> = readonly Field<T>[];

/** Reads every field of `layout`, offset by `base` bits, into `out` in layout order. */
export function readLayout<T>(p: Payload, layout: Layout<T>, out: Record<string, unknown>, base = 0): void {
  for (let i = 0; i < layout.length; i++) {
    const [name, start, width, kind] = layout[i]!;
    const at = base + start;
    out[name] =
      kind === FieldKind.UINT ? uintAt(p, at, width)
      : kind === FieldKind.INT ? intAt(p, at, width)
      : kind === FieldKind.FLAG ? flagAt(p, at)
      : fixedText(p, at, width / 6);
  }
}

/**
 * Decodes one binary application (a DAC/FI pair of message 6 or 8) into
 * `out`, after the message's own fields. Returns false, having written
 * nothing, when gpsd would not take the payload for this application (e.g. a
 * length other than the fixed one): the message then carries raw data.
 */
export type ApplicationDecoder = (p: Payload, out: Record<string, unknown>) => boolean;
