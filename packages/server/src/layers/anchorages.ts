/**
 * Anchorages (data/anchorages/anchorages.csv, columns `lat,lon,...`): the
 * reference points detectors use to tell a vessel waiting at anchor near a
 * port from one loitering or meeting another at sea. Read once at start.
 */
import { readFileSync } from 'node:fs';
import { anchorageIndex, type AnchorageIndex, type AnchoragePoint } from '@tidewatch/engine';

export type AnchoragesResult = { ok: true; index: AnchorageIndex; count: number } | { ok: false; error: string };

export function readAnchorages(path: string): AnchoragesResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as Error).message}` };
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const latAt = header.indexOf('lat');
  const lonAt = header.indexOf('lon');
  if (latAt < 0 || lonAt < 0) return { ok: false, error: `${path}: the header needs lat and lon columns` };
  const points: AnchoragePoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    // Only the leading numeric columns are read, so a quoted name with a comma later in the row does not matter.
    const fields = lines[i]!.split(',', Math.max(latAt, lonAt) + 1);
    const lat = Number(fields[latAt]);
    const lon = Number(fields[lonAt]);
    if (Number.isFinite(lat) && Number.isFinite(lon)) points.push({ lat, lon });
  }
  const index = anchorageIndex(points);
  return { ok: true, index, count: points.length - index.skipped };
}
