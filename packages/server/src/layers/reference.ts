/**
 * The fixed reference layers detectors use but operators do not upload: the
 * anchorages (data/anchorages/anchorages.csv) and the coastline
 * (data/coast/coastline.json). Read once at start by `tidewatch serve` and
 * `tidewatch replay` alike, so both judge "in port" and "near shore" the same
 * way. An absent file switches off the criterion that needs it (said in
 * `notes`); a file present but unreadable is an error. Both go through the
 * layer cache when one is given (see layer-cache.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkedShoreOutline, coastlineRings, shoreLayer, shoreOutline, type AnchorageIndex, type ShoreLayer, type ShoreOutline } from '@tidewatch/engine';
import { readAnchorages } from './anchorages.js';
import { LayerCache, type LayerCodec, type Parsed } from './layer-cache.js';
import { packRings, unpackRings } from './layer-pack.js';

// The other layer files a run reads at start go through the same cache.
export { LayerCache } from './layer-cache.js';
export { zonesFromFile } from './zone-files.js';

export const ANCHORAGES_FILE = join('anchorages', 'anchorages.csv');
export const COASTLINE_FILE = join('coast', 'coastline.json');

export interface ReferenceLayers {
  readonly anchorages?: AnchorageIndex;
  readonly shore?: ShoreLayer;
  /** What was loaded, or what is missing and what that switches off. */
  readonly notes: readonly string[];
}

export type ReferenceResult = { ok: true; layers: ReferenceLayers } | { ok: false; error: string };

export function readReferenceLayers(dataDir: string, cache = new LayerCache(undefined)): ReferenceResult {
  const notes: string[] = [];
  let anchorages: AnchorageIndex | undefined;
  let shore: ShoreLayer | undefined;
  const anchoragePath = join(dataDir, ANCHORAGES_FILE);
  if (existsSync(anchoragePath)) {
    const read = readAnchorages(anchoragePath, cache);
    if (!read.ok) return { ok: false, error: read.error };
    anchorages = read.index;
    notes.push(`anchorages: ${read.count} from ${ANCHORAGES_FILE}`);
  } else notes.push(`anchorages: none (${ANCHORAGES_FILE} not found): every place counts as open water`);

  const coastPath = join(dataDir, COASTLINE_FILE);
  if (existsSync(coastPath)) {
    const read = cache.layer(COASTLINE, coastPath, (source) => coastlineFrom(source, coastPath));
    if (!read.ok) return read;
    shore = shoreLayer(read.value);
    notes.push(`shore: ${shore.rings} coastline rings from ${COASTLINE_FILE}`);
  } else notes.push(`shore: none (${COASTLINE_FILE} not found): no distance-from-shore criterion`);

  return { ok: true, layers: { ...(anchorages ? { anchorages } : {}), ...(shore ? { shore } : {}), notes } };
}

/** The coastline's rings and what the shore layer derives from them, as the cache keeps them. */
const COASTLINE: LayerCodec<ShoreOutline> = {
  kind: 'coastline.2',
  pack: (outline) => ({ meta: null, arrays: [...packRings(outline.rings), outline.ringBoxes, outline.pieces, outline.pieceBoxes] }),
  unpack: ({ arrays: [ends, values, ringBoxes, pieces, pieceBoxes] }) => {
    if (ends === undefined || values === undefined || ringBoxes === undefined || pieces === undefined || pieceBoxes === undefined) return undefined;
    const rings = unpackRings(ends, values);
    return rings === undefined ? undefined : checkedShoreOutline({ rings, ringBoxes, pieces, pieceBoxes });
  },
};

function coastlineFrom(bytes: Uint8Array, path: string): Parsed<ShoreOutline> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return { ok: false, error: `${path}: ${(e as Error).message}` };
  }
  const read = coastlineRings(json);
  return read.ok ? { ok: true, value: shoreOutline(read.rings) } : { ok: false, error: `${path}: ${read.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
}
