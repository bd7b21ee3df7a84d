/**
 * Reference layers: zones (territorial seas, EEZs, areas drawn by an
 * operator), infrastructure (cables, pipelines) and watchlists.
 *
 * Builtin layers are the files shipped in the product's `data/` folders,
 * loaded at every start; uploaded layers live in the store. Each is kept as
 * uploaded (so it can be served back byte for byte) and parsed once into the
 * geometry the engine's detectors use. An upload is validated in full before
 * anything is stored: a malformed layer is refused with every problem found,
 * each located by a JSON path or line number.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { watchlistFromCsv, type WatchlistEntry } from '@tidewatch/engine';
import { parseAssets, parseZones, type Asset, type GeoJsonIssue, type Zone } from '@tidewatch/geo';
import type { LayerInfo, LayerKind } from '@tidewatch/protocol';
import type { Store, StoredLayer } from '../store/store.js';

/** One problem in a layer: where (a JSON path, or `line 3 imo`) and what. */
export interface LayerIssue {
  path: string;
  message: string;
}

export type LayerFormat = StoredLayer['format'];

export type ParsedLayer =
  | { kind: 'zones'; id: string; name: string; zones: Zone[] }
  | { kind: 'infrastructure'; id: string; name: string; assets: Asset[] }
  | { kind: 'watchlist'; id: string; name: string; entries: readonly WatchlistEntry[] };

/** Every layer in force, parsed: what an engine is built with. */
export interface LayerSet {
  readonly zones: ReadonlyArray<Extract<ParsedLayer, { kind: 'zones' }>>;
  readonly infrastructure: ReadonlyArray<Extract<ParsedLayer, { kind: 'infrastructure' }>>;
  readonly watchlists: ReadonlyArray<Extract<ParsedLayer, { kind: 'watchlist' }>>;
}

export type LayerParse = { ok: true; layer: ParsedLayer; size: number } | { ok: false; code: 'TW_BAD_GEOJSON' | 'TW_BAD_CSV'; issues: LayerIssue[] };

export type UploadResult = { ok: true; info: LayerInfo } | { ok: false; code: 'TW_BAD_GEOJSON' | 'TW_BAD_CSV'; message: string; issues: LayerIssue[] };

/** Where each kind's builtin files lie under the data directory, and which files count. */
const BUILTIN_FOLDERS: ReadonlyArray<{ kind: LayerKind; folder: string; extensions: readonly string[] }> = [
  { kind: 'zones', folder: 'zones', extensions: ['.geojson', '.json'] },
  { kind: 'infrastructure', folder: 'infrastructure', extensions: ['.geojson', '.json'] },
  { kind: 'watchlist', folder: 'watchlists', extensions: ['.csv'] },
];

/** Parses a layer's text as its kind requires. */
export function parseLayer(kind: LayerKind, format: LayerFormat, id: string, name: string, body: string): LayerParse {
  if (kind === 'watchlist') {
    if (format !== 'csv') return { ok: false, code: 'TW_BAD_CSV', issues: [{ path: '$', message: 'a watchlist is CSV (text/csv)' }] };
    // The engine's reader: a watchlist is accepted exactly when the engine can use it. Rows without a `list` column are on this layer's list.
    const w = watchlistFromCsv(body, name);
    return w.ok
      ? { ok: true, layer: { kind, id, name, entries: w.watchlist.entries }, size: w.watchlist.entries.length }
      : { ok: false, code: 'TW_BAD_CSV', issues: w.errors.map((e) => ({ path: e.path, message: e.message })) };
  }
  if (format !== 'geojson') return { ok: false, code: 'TW_BAD_GEOJSON', issues: [{ path: '$', message: `${kind} layers are GeoJSON (application/geo+json)` }] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, code: 'TW_BAD_GEOJSON', issues: [{ path: '$', message: `not JSON: ${(e as Error).message}` }] };
  }
  if (kind === 'zones') {
    const z = parseZones(json);
    return z.ok ? { ok: true, layer: { kind, id, name, zones: z.zones }, size: z.zones.length } : { ok: false, code: 'TW_BAD_GEOJSON', issues: issues(z.errors) };
  }
  const a = parseAssets(json);
  return a.ok ? { ok: true, layer: { kind: 'infrastructure', id, name, assets: a.assets }, size: a.assets.length } : { ok: false, code: 'TW_BAD_GEOJSON', issues: issues(a.errors) };
}

function issues(errors: readonly GeoJsonIssue[]): LayerIssue[] {
  return errors.map((e) => ({ path: e.path, message: e.message }));
}

export class LayerRegistry {
  private readonly parsed = new Map<string, ParsedLayer>();
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Parses every stored layer; returns the problems of any that no longer parse (they are skipped). */
  load(): string[] {
    const problems: string[] = [];
    for (const l of this.store.layers()) {
      const p = parseLayer(l.kind, l.format, l.id, l.name, l.body);
      if (p.ok) this.parsed.set(l.id, p.layer);
      else problems.push(`layer ${l.id}: ${p.issues[0]?.path} ${p.issues[0]?.message}`);
    }
    return problems;
  }

  /**
   * Makes the builtin layers match the files under `dataDir` (zones/,
   * infrastructure/, watchlists/): new and changed files are stored, layers
   * whose file is gone are removed. Returns the problems of files that did not parse.
   */
  syncBuiltins(dataDir: string): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const { kind, folder, extensions } of BUILTIN_FOLDERS) {
      const dir = join(dataDir, folder);
      for (const file of filesIn(dir, extensions)) {
        const id = `builtin-${kind}-${basename(file, extname(file))}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
        const body = readFileSync(join(dir, file), 'utf8');
        const format: LayerFormat = extname(file) === '.csv' ? 'csv' : 'geojson';
        const p = parseLayer(kind, format, id, basename(file), body);
        if (!p.ok) {
          problems.push(`${folder}/${file}: ${p.issues[0]?.path} ${p.issues[0]?.message}`);
          continue;
        }
        seen.add(id);
        const stored = this.store.layer(id);
        if (stored === undefined || stored.body !== body) {
          this.store.putLayer({ id, kind, name: basename(file), origin: 'builtin', size: p.size, format, body, createdMs: this.now() });
        }
        this.parsed.set(id, p.layer);
      }
    }
    for (const l of this.store.layers()) {
      if (l.origin === 'builtin' && !seen.has(l.id)) {
        this.store.deleteLayer(l.id);
        this.parsed.delete(l.id);
      }
    }
    return problems;
  }

  list(): LayerInfo[] {
    return this.store.layers().map(info);
  }

  get(id: string): StoredLayer | undefined {
    return this.store.layer(id);
  }

  upload(kind: LayerKind, name: string, format: LayerFormat, body: string): UploadResult {
    const id = `${slug(name)}-${createHash('sha256').update(kind).update('\0').update(body).digest('hex').slice(0, 10)}`;
    const p = parseLayer(kind, format, id, name, body);
    if (!p.ok) {
      const first = p.issues[0];
      const more = p.issues.length > 1 ? ` (and ${p.issues.length - 1} more problems)` : '';
      return { ok: false, code: p.code, message: `${kind} layer ${JSON.stringify(name)} is malformed at ${first?.path}: ${first?.message}${more}`, issues: p.issues };
    }
    const stored: StoredLayer = { id, kind, name, origin: 'upload', size: p.size, format, body, createdMs: this.now() };
    this.store.putLayer(stored);
    this.parsed.set(id, p.layer);
    this.changed();
    return { ok: true, info: info(stored) };
  }

  /** Removes an uploaded layer; builtin layers are removed by removing their file. */
  remove(id: string): 'removed' | 'missing' | 'builtin' {
    const l = this.store.layer(id);
    if (l === undefined) return 'missing';
    if (l.origin === 'builtin') return 'builtin';
    this.store.deleteLayer(id);
    this.parsed.delete(id);
    this.changed();
    return 'removed';
  }

  /** The layers in force, parsed. */
  set(): LayerSet {
    const all = [...this.parsed.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      zones: all.filter((l): l is Extract<ParsedLayer, { kind: 'zones' }> => l.kind === 'zones'),
      infrastructure: all.filter((l): l is Extract<ParsedLayer, { kind: 'infrastructure' }> => l.kind === 'infrastructure'),
      watchlists: all.filter((l): l is Extract<ParsedLayer, { kind: 'watchlist' }> => l.kind === 'watchlist'),
    };
  }

  /** Called after an upload or a removal. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

function info(l: StoredLayer): LayerInfo {
  return { id: l.id, kind: l.kind, name: l.name, size: l.size, origin: l.origin };
}

function filesIn(dir: string, extensions: readonly string[]): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => extensions.includes(extname(f).toLowerCase()) && statSync(join(dir, f)).isFile())
      .sort();
  } catch {
    return []; // no such folder: no builtin layers of that kind
  }
}

function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return s === '' ? 'layer' : s;
}
