/**
 * Anchorages (data/anchorages/anchorages.csv, columns `lat,lon,...`): the
 * reference points detectors use to tell a vessel waiting at anchor near a
 * port from one loitering or meeting another at sea. Read once at start,
 * through the layer cache when one is given.
 */
import { anchorageGrid, anchorageIndexOn, type AnchorageIndex } from '@tidewatch/engine';
import { PointGrid } from '@tidewatch/geo';
import { LayerCache, type LayerCodec, type Parsed } from './layer-cache.js';

export type AnchoragesResult = { ok: true; index: AnchorageIndex; count: number } | { ok: false; error: string };

/** The anchorages' grid, as the cache keeps it. */
const ANCHORAGES: LayerCodec<PointGrid> = {
  kind: 'anchorages.2',
  pack: (grid) => {
    const { cellDegrees, keys, starts, lats, lons } = grid.parts();
    return { meta: { cellDegrees }, arrays: [Float64Array.from(keys), Float64Array.from(starts), lats, lons] };
  },
  unpack: ({ meta, arrays: [keys, starts, lats, lons] }) => {
    const cellDegrees = (meta as { cellDegrees?: unknown } | null)?.cellDegrees;
    if (typeof cellDegrees !== 'number' || keys === undefined || starts === undefined || lats === undefined || lons === undefined) return undefined;
    return PointGrid.fromParts({ cellDegrees, keys: Int32Array.from(keys), starts: Int32Array.from(starts), lats, lons });
  },
};

export function readAnchorages(path: string, cache = new LayerCache(undefined)): AnchoragesResult {
  const read = cache.layer(ANCHORAGES, path, (source) => anchorageGridFrom(source, path));
  if (!read.ok) return read;
  const index = anchorageIndexOn(read.value);
  return { ok: true, index, count: index.size };
}

function anchorageGridFrom(bytes: Uint8Array, path: string): Parsed<PointGrid> {
  // As latin1: only the leading number columns are read, and every byte that delimits them is ASCII;
  // names in UTF-8 pass through unread, and the decode costs nothing per byte.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const headerEnd = lineEnd(text, 0);
  const header = text.slice(0, headerEnd).split(',').map((h) => h.trim().toLowerCase());
  const latAt = header.indexOf('lat');
  const lonAt = header.indexOf('lon');
  if (latAt < 0 || lonAt < 0) return { ok: false, error: `${path}: the header needs lat and lon columns` };
  // Lines and fields found with indexOf, not split: sixty thousand rows made as many arrays of strings.
  // Only the leading columns up to lat and lon are read, so a quoted name with a comma later in the row does not matter.
  const last = Math.max(latAt, lonAt);
  let lats: Float64Array = new Float64Array(1024);
  let lons: Float64Array = new Float64Array(1024);
  let n = 0;
  for (let from = nextLine(text, headerEnd); from < text.length; ) {
    const end = lineEnd(text, from);
    let lat = NaN;
    let lon = NaN;
    for (let field = 0, at = from; field <= last && at <= end && end > from; field++) {
      let comma = text.indexOf(',', at);
      if (comma < 0 || comma > end) comma = end;
      if (field === latAt) lat = Number(text.slice(at, comma));
      else if (field === lonAt) lon = Number(text.slice(at, comma));
      at = comma + 1;
    }
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      if (n === lats.length) [lats, lons] = [grown(lats), grown(lons)];
      lats[n] = lat;
      lons[n++] = lon;
    }
    from = nextLine(text, end);
  }
  return { ok: true, value: anchorageGrid(lats.subarray(0, n), lons.subarray(0, n)) };
}

/** Where the line starting at `from` ends: its newline, less a carriage return before it, or the end of the text. */
function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline < 0) return text.length;
  return newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

/** The start of the line after the one ending at `end`. */
function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 ? end + 2 : end + 1;
}

function grown(a: Float64Array): Float64Array {
  const b = new Float64Array(2 * a.length);
  b.set(a);
  return b;
}
