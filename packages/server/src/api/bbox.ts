/**
 * Bounding boxes as the API takes them: `west,south,east,north` in degrees.
 * West greater than east crosses the antimeridian (170,-10,-170,10 is the
 * 20° around it); south must not exceed north.
 */
import type { BBox } from '@tidewatch/protocol';

export type BBoxResult = { ok: true; bbox: BBox } | { ok: false; message: string };

/** From the query string form `w,s,e,n`. */
export function parseBBox(text: string): BBoxResult {
  const parts = text.split(',');
  if (parts.length !== 4) return { ok: false, message: `bbox "${clip(text)}" needs 4 comma-separated numbers west,south,east,north; it has ${parts.length}` };
  const names = ['west', 'south', 'east', 'north'];
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const v = part.trim() === '' ? NaN : Number(part);
    if (!Number.isFinite(v)) return { ok: false, message: `bbox ${names[i]} ${JSON.stringify(clip(part))} is not a number` };
    values.push(v);
  }
  return checkBBox(values, text);
}

/** From a JSON array (the live protocol). */
export function checkBBox(value: unknown, shown = JSON.stringify(value) ?? String(value)): BBoxResult {
  if (!Array.isArray(value) || value.length !== 4) return { ok: false, message: `bbox ${clip(shown)} is not [west, south, east, north]` };
  const [w, s, e, n] = value as unknown[];
  for (const [name, v] of [['west', w], ['south', s], ['east', e], ['north', n]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, message: `bbox ${name} ${clip(String(v))} is not a number` };
  }
  const [west, south, east, north] = value as number[];
  for (const [name, v] of [['west', west!], ['east', east!]] as const) {
    if (v < -180 || v > 180) return { ok: false, message: `bbox ${name} ${v} is outside -180..180` };
  }
  for (const [name, v] of [['south', south!], ['north', north!]] as const) {
    if (v < -90 || v > 90) return { ok: false, message: `bbox ${name} ${v} is outside -90..90` };
  }
  if (south! > north!) return { ok: false, message: `bbox south ${south} is north of north ${north}` };
  return { ok: true, bbox: [west!, south!, east!, north!] };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
