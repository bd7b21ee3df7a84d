/**
 * The fixed reference layers detectors use but operators do not upload: the
 * anchorages (data/anchorages/anchorages.csv) and the coastline
 * (data/coast/coastline.json). Read once at start by `tidewatch serve` and
 * `tidewatch replay` alike, so both judge "in port" and "near shore" the same
 * way. An absent file switches off the criterion that needs it (said in
 * `notes`); a file present but unreadable is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shoreLayerFromJson, type AnchorageIndex, type ShoreLayer } from '@tidewatch/engine';
import { readAnchorages } from './anchorages.js';

export const ANCHORAGES_FILE = join('anchorages', 'anchorages.csv');
export const COASTLINE_FILE = join('coast', 'coastline.json');

export interface ReferenceLayers {
  readonly anchorages?: AnchorageIndex;
  readonly shore?: ShoreLayer;
  /** What was loaded, or what is missing and what that switches off. */
  readonly notes: readonly string[];
}

export type ReferenceResult = { ok: true; layers: ReferenceLayers } | { ok: false; error: string };

export function readReferenceLayers(dataDir: string): ReferenceResult {
  const notes: string[] = [];
  let anchorages: AnchorageIndex | undefined;
  let shore: ShoreLayer | undefined;
  const anchoragePath = join(dataDir, ANCHORAGES_FILE);
  if (existsSync(anchoragePath)) {
    const read = readAnchorages(anchoragePath);
    if (!read.ok) return { ok: false, error: read.error };
    anchorages = read.index;
    notes.push(`anchorages: ${read.count} from ${ANCHORAGES_FILE}`);
  } else notes.push(`anchorages: none (${ANCHORAGES_FILE} not found): every place counts as open water`);

  const coastPath = join(dataDir, COASTLINE_FILE);
  if (existsSync(coastPath)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(coastPath, 'utf8'));
    } catch (e) {
      return { ok: false, error: `${coastPath}: ${(e as Error).message}` };
    }
    const built = shoreLayerFromJson(json);
    if (!built.ok) return { ok: false, error: `${coastPath}: ${built.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
    shore = built.layer;
    notes.push(`shore: ${built.layer.rings} coastline rings from ${COASTLINE_FILE}`);
  } else notes.push(`shore: none (${COASTLINE_FILE} not found): no distance-from-shore criterion`);

  return { ok: true, layers: { ...(anchorages ? { anchorages } : {}), ...(shore ? { shore } : {}), notes } };
}
