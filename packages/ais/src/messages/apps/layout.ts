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
  let read = COMPILED.get(layout);
  if (read === undefined) {
    read = compile(layout);
    COMPILED.set(layout, read);
  }
  read(p, out, base, uintAt, intAt, flagAt, fixedText);
}

type CompiledLayout = (
  p: Payload,
  out: Record<string, unknown>,
  base: number,
  u: typeof uintAt,
  i: typeof intAt,
  f: typeof flagAt,
  t: typeof fixedText,
) => void;

const COMPILED = new WeakMap<object, CompiledLayout>();

/**
 * A layout as straight-line code, built once per layout: one store per field
 * under a constant key. A loop storing under computed keys was the decoder's
 * hottest spot (every object it filled became a dictionary); constant keys
 * keep one hidden class per layout. Names come from our own tables, quoted
 * with JSON.stringify, and positions are numbers, so nothing foreign is compiled.
 */
function compile<T>(layout: Layout<T>): CompiledLayout {
  const body = layout
    .map(([name, start, width, kind]) => {
      const at = `base + ${Number(start)}`;
      const value =
        kind === FieldKind.UINT ? `u(p, ${at}, ${Number(width)})`
        : kind === FieldKind.INT ? `i(p, ${at}, ${Number(width)})`
        : kind === FieldKind.FLAG ? `f(p, ${at})`
        : `t(p, ${at}, ${Number(width) / 6})`;
      return `out[${JSON.stringify(name)}] = ${value};`;
    })
    .join('\n');
  return new Function('p', 'out', 'base', 'u', 'i', 'f', 't', body) as CompiledLayout;
}

/**
 * Decodes one binary application (a DAC/FI pair of message 6 or 8) into
 * `out`, after the message's own fields. Returns false, having written
 * nothing, when gpsd would not take the payload for this application (e.g. a
 * length other than the fixed one): the message then carries raw data.
 */
export type ApplicationDecoder = (p: Payload, out: Record<string, unknown>) => boolean;
