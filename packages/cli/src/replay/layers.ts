/**
 * Reference layers for a replay: the ones shipped in `data/` (unless
 * `--layers none`) plus the files named on the command line. Reading files is
 * this module's job; building indexes from their contents is the engine's.
 * A layer file that cannot be read or parsed is an error naming the file and
 * the place in it, never a silent omission.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { anchorageIndex, type Layers } from '@tidewatch/engine';

/** The product's shipped data folder (from packages/cli/dist/src/replay/). */
export const DATA_DIR = fileURLToPath(new URL('../../../../../data/', import.meta.url));

export interface LayerFlags {
  readonly builtins: boolean;
  readonly zones: readonly string[];
  readonly infrastructure: readonly string[];
  readonly watchlists: readonly string[];
}

export type LayersResult = { ok: true; layers: Layers; notes: string[] } | { ok: false; message: string };

const DEFAULT_ANCHORAGES = 'anchorages/anchorages.csv';

export async function loadLayers(flags: LayerFlags, dataDir = DATA_DIR): Promise<LayersResult> {
  const notes: string[] = [];
  const layers: { -readonly [K in keyof Layers]: Layers[K] } = {};
  if (flags.builtins) {
    const path = dataDir + DEFAULT_ANCHORAGES;
    if (existsSync(path)) {
      const points = readPoints(await readFile(path, 'utf8'));
      if (!points.ok) return { ok: false, message: `${path}: ${points.message}` };
      const index = anchorageIndex(points.points);
      layers.anchorages = index;
      notes.push(`anchorages: ${index.size} from ${DEFAULT_ANCHORAGES}`);
    } else notes.push(`anchorages: none (${DEFAULT_ANCHORAGES} not found): every place counts as open water`);
  }
  return { ok: true, layers, notes };
}

type PointsResult = { ok: true; points: Array<{ lat: number; lon: number }> } | { ok: false; message: string };

/** A CSV with `lat` and `lon` columns. */
export function readPoints(text: string): PointsResult {
  const rows = text.split(/\r?\n/);
  const header = rows[0]!.split(',').map((h) => h.trim().toLowerCase());
  const latAt = header.indexOf('lat');
  const lonAt = header.indexOf('lon');
  if (latAt < 0 || lonAt < 0) return { ok: false, message: `needs lat and lon columns, has ${header.join(', ')}` };
  const points: Array<{ lat: number; lon: number }> = [];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i] === '') continue;
    const cells = rows[i]!.split(',');
    points.push({ lat: Number(cells[latAt]), lon: Number(cells[lonAt]) });
  }
  return { ok: true, points };
}
