/**
 * A parsed reference layer as bytes: what it holds as numbers (rings,
 * coordinates) in float64 arrays that load as views of the file, and the
 * rest (names, kinds, properties) as a JSON header.
 *
 * Layout: `TWLP`, the format version (u32), the header's length (u32), the
 * header (UTF-8 JSON: kind, byte order, array lengths, meta), zeros up to a
 * multiple of 8, then the arrays' values one array after another, in the
 * byte order of the machine that wrote them (the header says which; a pack
 * from the other order is not read).
 *
 * Unpacking checks everything it relies on and answers undefined for bytes
 * that are not a whole pack of this version and kind (a truncated write, a
 * pack from another release): the caller then parses the source again.
 */
const MAGIC = 0x504c5754; // "TWLP" read as a little-endian u32
const VERSION = 1;
const PREFIX = 12;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A layer's numbers and the rest of what it holds. */
export interface PackedLayer {
  readonly meta: unknown;
  readonly arrays: readonly Float64Array[];
}

export function packLayer(kind: string, layer: PackedLayer): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ kind, littleEndian: LITTLE_ENDIAN, lengths: layer.arrays.map((a) => a.length), meta: layer.meta }));
  const dataStart = align8(PREFIX + header.length);
  const values = layer.arrays.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(dataStart + 8 * values);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, PREFIX);
  const data = new Float64Array(bytes.buffer, dataStart, values);
  let at = 0;
  for (const a of layer.arrays) {
    data.set(a, at);
    at += a.length;
  }
  return bytes;
}

/** The layer packed in `bytes` by `packLayer(kind, …)`, or undefined when they are not one. */
export function unpackLayer(kind: string, bytes: Uint8Array): PackedLayer | undefined {
  if (bytes.length < PREFIX) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
  const headerLength = view.getUint32(8, true);
  if (PREFIX + headerLength > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + headerLength)));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.kind !== kind || header.littleEndian !== LITTLE_ENDIAN) return undefined;
  const dataStart = align8(PREFIX + headerLength);
  const values = header.lengths.reduce((n, l) => n + l, 0);
  if (bytes.length !== dataStart + 8 * values) return undefined;
  // Views of the bytes read, without a copy, when they lie on a multiple of 8 (a file read whole does).
  const offset = bytes.byteOffset + dataStart;
  const data = offset % 8 === 0 ? new Float64Array(bytes.buffer, offset, values) : new Float64Array(bytes.slice(dataStart).buffer);
  const arrays: Float64Array[] = [];
  let at = 0;
  for (const length of header.lengths) {
    arrays.push(data.subarray(at, at + length));
    at += length;
  }
  return { meta: header.meta, arrays };
}

interface Header {
  kind: string;
  littleEndian: boolean;
  lengths: number[];
  meta: unknown;
}

function isHeader(h: unknown): h is Header {
  if (typeof h !== 'object' || h === null) return false;
  const r = h as Record<string, unknown>;
  return (
    typeof r['kind'] === 'string' &&
    typeof r['littleEndian'] === 'boolean' &&
    Array.isArray(r['lengths']) &&
    r['lengths'].every((l) => Number.isInteger(l) && (l as number) >= 0)
  );
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Rings (flat Float64Arrays) as two arrays: where each ends, and all their values in turn. */
export function packRings(rings: readonly Float64Array[]): [ends: Float64Array, values: Float64Array] {
  const ends = new Float64Array(rings.length);
  let total = 0;
  rings.forEach((ring, i) => (ends[i] = total += ring.length));
  const values = new Float64Array(total);
  rings.forEach((ring, i) => values.set(ring, i === 0 ? 0 : ends[i - 1]!));
  return [ends, values];
}

/**
 * Rings `from` to `to` (exclusive) of what `packRings` made, as views of its
 * values; undefined when the ends do not fit the values (a damaged pack).
 */
export function unpackRings(ends: Float64Array, values: Float64Array, from = 0, to = ends.length): Float64Array[] | undefined {
  const rings: Float64Array[] = [];
  let start = from === 0 ? 0 : ends[from - 1]!;
  for (let i = from; i < to; i++) {
    const end = ends[i]!;
    if (!(Number.isInteger(end) && end >= start && end <= values.length)) return undefined;
    rings.push(values.subarray(start, end));
    start = end;
  }
  return rings;
}
