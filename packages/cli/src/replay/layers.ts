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
import type { Zone } from '@tidewatch/geo';
import {
  assetLayerFromGeoJson,
  watchlist,
  watchlistFromCsv,
  zoneLayer,
  type Layers,
  type WatchlistEntry,
} from '@tidewatch/engine';
// The reference layers alone: the server's index would load its HTTP stack with them.
import { LayerCache, readReferenceLayers, zonesFromFile } from '@tidewatch/server/reference-layers';

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

/** Every file of a shipped folder with the given ending, sorted (so runs are repeatable). */
function shipped(dataDir: string, folder: string, ending: string): string[] {
  const dir = dataDir + folder;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ending))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/**
 * The layers the flags ask for. Coastline, anchorages and zone files go
 * through `cache` (parsed once, then loaded from packs: see the server's
 * layer-cache.ts); its note says what it did.
 */
export async function loadLayers(flags: LayerFlags, dataDir = DATA_DIR, cache = LayerCache.fromEnvironment()): Promise<LayersResult> {
  const notes: string[] = [];
  const layers: { -readonly [K in keyof Layers]: Layers[K] } = {};
  const builtin = (folder: string, ending: string): string[] => (flags.builtins ? shipped(dataDir, folder, ending) : []);

  if (flags.builtins) {
    const reference = readReferenceLayers(dataDir, cache);
    if (!reference.ok) return { ok: false, message: reference.error };
    const { anchorages, shore } = reference.layers;
    if (anchorages !== undefined) layers.anchorages = anchorages;
    if (shore !== undefined) layers.shore = shore;
    notes.push(...reference.layers.notes);
  }

  const zoneFiles = [...builtin('zones', '.geojson'), ...flags.zones];
  if (zoneFiles.length > 0) {
    const zones: Zone[] = [];
    for (const file of zoneFiles) {
      const read = zonesFromFile(file, cache);
      if (!read.ok) return { ok: false, message: `zones: ${read.error}` };
      zones.push(...read.value);
    }
    const layer = zoneLayer(zones);
    layers.zones = layer;
    notes.push(`zones: ${layer.zones.length} from ${zoneFiles.map((f) => basename(f)).join(', ')}`);
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
  if (cache.note !== undefined) notes.push(cache.note);
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
