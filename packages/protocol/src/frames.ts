/**
 * Binary position frames: a 24-byte header, then columns.
 *
 *   offset  size  field
 *   0       4     magic 'TWPF' (0x46505754 little-endian)
 *   4       2     version (1)
 *   6       2     flags (bit 0: this frame is a full snapshot of the box, not a delta)
 *   8       4     count n
 *   12      4     reserved (0)
 *   16      8     data time, ms since 1970 UTC (float64)
 *   24      4n    mmsi          Uint32
 *           4n    lat           Float32 degrees
 *           4n    lon           Float32 degrees
 *           4n    sog           Float32 knots, NaN when not available
 *           4n    cog           Float32 degrees, NaN when not available
 *           4n    heading       Float32 degrees, NaN when not available
 *           4n    age           Float32 seconds since the vessel's last position
 *           n     shipType      Uint8 (0 unknown)
 *           n     navStatus     Uint8 (15 not defined)
 *
 * Little-endian throughout; the 4-byte columns come first so every typed-array
 * view is aligned and zero-copy on both sides. Float32 keeps positions to about
 * a metre, which is finer than AIS reports them on screen.
 */
export const FRAME_MAGIC = 0x46505754;
export const FRAME_VERSION = 1;
export const FRAME_HEADER_BYTES = 24;
export const FRAME_SNAPSHOT = 1;

export interface PositionColumns {
  count: number;
  time: number;
  snapshot: boolean;
  mmsi: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  sog: Float32Array;
  cog: Float32Array;
  heading: Float32Array;
  age: Float32Array;
  shipType: Uint8Array;
  navStatus: Uint8Array;
}

export function frameBytes(count: number): number {
  return FRAME_HEADER_BYTES + count * (7 * 4 + 2);
}

/** Views of a frame's columns over `buffer` (no copy). */
export function frameColumns(buffer: ArrayBuffer, byteOffset: number, count: number, time: number, snapshot: boolean): PositionColumns {
  let o = byteOffset + FRAME_HEADER_BYTES;
  const f32 = (): Float32Array => {
    const a = new Float32Array(buffer, o, count);
    o += 4 * count;
    return a;
  };
  const mmsi = new Uint32Array(buffer, o, count);
  o += 4 * count;
  const lat = f32(), lon = f32(), sog = f32(), cog = f32(), heading = f32(), age = f32();
  const shipType = new Uint8Array(buffer, o, count);
  o += count;
  const navStatus = new Uint8Array(buffer, o, count);
  return { count, time, snapshot, mmsi, lat, lon, sog, cog, heading, age, shipType, navStatus };
}

/** A new frame with room for `count` vessels; fill its columns, then send `buffer`. */
export function allocateFrame(count: number, time: number, snapshot: boolean): { buffer: ArrayBuffer; columns: PositionColumns } {
  const buffer = new ArrayBuffer(frameBytes(count));
  const header = new DataView(buffer);
  header.setUint32(0, FRAME_MAGIC, true);
  header.setUint16(4, FRAME_VERSION, true);
  header.setUint16(6, snapshot ? FRAME_SNAPSHOT : 0, true);
  header.setUint32(8, count, true);
  header.setFloat64(16, time, true);
  return { buffer, columns: frameColumns(buffer, 0, count, time, snapshot) };
}

export type FrameResult = { ok: true; columns: PositionColumns } | { ok: false; error: string };

/** Reads a received frame; a value, never an exception, for a malformed one. */
export function readFrame(buffer: ArrayBuffer, byteOffset = 0, byteLength = buffer.byteLength - byteOffset): FrameResult {
  if (byteLength < FRAME_HEADER_BYTES) return { ok: false, error: `frame of ${byteLength} bytes, header needs ${FRAME_HEADER_BYTES}` };
  if (byteOffset % 4 !== 0) return { ok: false, error: 'frame not 4-byte aligned' };
  const header = new DataView(buffer, byteOffset, FRAME_HEADER_BYTES);
  if (header.getUint32(0, true) !== FRAME_MAGIC) return { ok: false, error: 'not a position frame (bad magic)' };
  const version = header.getUint16(4, true);
  if (version !== FRAME_VERSION) return { ok: false, error: `frame version ${version}, expected ${FRAME_VERSION}` };
  const count = header.getUint32(8, true);
  if (frameBytes(count) > byteLength) return { ok: false, error: `frame says ${count} vessels but has ${byteLength} bytes` };
  const time = header.getFloat64(16, true);
  const snapshot = (header.getUint16(6, true) & FRAME_SNAPSHOT) !== 0;
  return { ok: true, columns: frameColumns(buffer, byteOffset, count, time, snapshot) };
}
