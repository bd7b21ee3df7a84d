/**
 * Reference layers for a replay: the ones shipped in `data/` (unless
 * `--layers none`) plus the files named on the command line. Reading files is
 * this module's job; parsing and indexing their contents is the engine's.
 * A layer file that cannot be read or parsed is an error naming the file and
 * the place in it, never a silent omission.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  anchorageIndex,
  assetLayerFromGeoJson,
  shoreLayerFromJson,
  watchlist,
  watchlistFromCsv,
  zoneLayerFromGeoJson,
  type Layers,
  type WatchlistEntry,
} from '@tidewatch/engine';

/** The product's shipped data folder (from packages/cli/dist/src/replay/). */
export const DATA_DIR = fileURLToPath(new URL('../../../../../data/', import.meta.url));

export interface LayerFlags {
  readonly builtins: boolean;
  readonly zones: readonly string[];
  readonly infrastructure: readonly string[];
  readonly watchlists: readonly string[];
}

export type LayersResult = { ok: true; layers: Layers; notes: string[] } | { ok: false; message: string };

type Failure = { ok: false; message: string };

const ANCHORAGES = 'anchorages/anchorages.csv';
const COASTLINE = 'coast/coastline.json';

/** Every file of a shipped folder with the given ending, sorted (so runs are repeatable). */
function shipped(dataDir: string, folder: string, ending: string): string[] {
  const dir = dataDir + folder;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ending))
    .sort()
    .map((f) => `${dir}/${f}`);
}

export async function loadLayers(flags: LayerFlags, dataDir = DATA_DIR): Promise<LayersResult> {
  const notes: string[] = [];
  const layers: { -readonly [K in keyof Layers]: Layers[K] } = {};
  const builtin = (folder: string, ending: string): string[] => (flags.builtins ? shipped(dataDir, folder, ending) : []);

  if (flags.builtins) {
    const path = dataDir + ANCHORAGES;
    if (existsSync(path)) {
      const points = readPoints(await readFile(path, 'utf8'));
      if (!points.ok) return { ok: false, message: `${path}: ${points.message}` };
      const index = anchorageIndex(points.points);
      layers.anchorages = index;
      notes.push(`anchorages: ${index.size} from ${ANCHORAGES}`);
    } else notes.push(`anchorages: none (${ANCHORAGES} not found): every place counts as open water`);
    const shore = await readShore(dataDir + COASTLINE);
    if (!shore.ok) return shore;
    if (shore.layer === undefined) notes.push(`shore: none (${COASTLINE} not found): no distance-from-shore criterion`);
    else {
      layers.shore = shore.layer;
      notes.push(`shore: ${shore.layer.rings} coastline rings from ${COASTLINE}`);
    }
  }

  const zoneFiles = [...builtin('zones', '.geojson'), ...flags.zones];
  if (zoneFiles.length > 0) {
    const docs = await readJsonFiles(zoneFiles);
    if (!docs.ok) return docs;
    const built = zoneLayerFromGeoJson(docs.values);
    if (!built.ok) return { ok: false, message: `zones: ${describeIssues(built.errors, zoneFiles)}` };
    layers.zones = built.layer;
    notes.push(`zones: ${built.layer.zones.length} from ${zoneFiles.map((f) => basename(f)).join(', ')}`);
  }

  const assetFiles = [...builtin('infrastructure', '.geojson'), ...flags.infrastructure];
  if (assetFiles.length > 0) {
    const docs = await readJsonFiles(assetFiles);
    if (!docs.ok) return docs;
    const built = assetLayerFromGeoJson(docs.values);
    if (!built.ok) return { ok: false, message: `infrastructure: ${describeIssues(built.errors, assetFiles)}` };
    layers.assets = built.layer;
    notes.push(`infrastructure: ${built.layer.assets.length} from ${assetFiles.map((f) => basename(f)).join(', ')}`);
  }

  const listFiles = [...builtin('watchlists', '.csv'), ...flags.watchlists];
  if (listFiles.length > 0) {
    const entries: WatchlistEntry[] = [];
    for (const file of listFiles) {
      const text = await readText(file);
      if (!text.ok) return text;
      const parsed = watchlistFromCsv(text.text, basename(file, '.csv'));
      if (!parsed.ok) return { ok: false, message: `${file}: ${parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}` };
      entries.push(...parsed.watchlist.entries);
    }
    layers.watchlist = watchlist(entries);
    notes.push(`watchlist: ${entries.length} entries from ${listFiles.map((f) => basename(f)).join(', ')}`);
  }
  return { ok: true, layers, notes };
}

async function readText(file: string): Promise<{ ok: true; text: string } | Failure> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

async function readJsonFiles(files: readonly string[]): Promise<{ ok: true; values: unknown[] } | Failure> {
  const values: unknown[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (!text.ok) return text;
    try {
      values.push(JSON.parse(text.text));
    } catch (e) {
      return { ok: false, message: `${file}: not JSON: ${(e as Error).message}` };
    }
  }
  return { ok: true, values };
}

/** GeoJSON issues carry `$[i]` paths by file ordinal: name the file instead. */
function describeIssues(issues: ReadonlyArray<{ path: string; message: string }>, files: readonly string[]): string {
  return issues
    .slice(0, 5)
    .map((e) => {
      const m = /^\$\[(\d+)\](.*)$/.exec(e.path);
      return m ? `${files[Number(m[1])]}: ${m[2] || '$'}: ${e.message}` : `${e.path}: ${e.message}`;
    })
    .join('; ');
}

type ShoreResult = { ok: true; layer: Layers['shore'] } | { ok: false; message: string };

/** The coastline layer (data/coast/, built by scripts/build-coastline.mjs); absent is not an error. */
async function readShore(path: string): Promise<ShoreResult> {
  if (!existsSync(path)) return { ok: true, layer: undefined };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return { ok: false, message: `${path}: ${(e as Error).message}` };
  }
  const shore = shoreLayerFromJson(json);
  if (!shore.ok) return { ok: false, message: `${path}: ${shore.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
  return { ok: true, layer: shore.layer };
}

type PointsResult = { ok: true; points: Array<{ lat: number; lon: number }> } | Failure;

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
