/**
 * An event's evidence: what fired, when and where, the thresholds and measurements in its
 * details, and on the map the tracks of every vessel involved around the event's time, plus
 * the zone or asset (and its corridor) it concerns.
 */
import type { EventRecord, LayerInfo } from '@tidewatch/protocol';
import type { ApiClient, FeatureCollection } from '../api/client.js';
import { eventLabel } from '../map/event-style.js';
import { TRACK_RGB, type Evidence, type EvidencePoint, type EvidenceTrack } from '../map/evidence-layers.js';
import { h, replaceChildren } from './dom.js';
import { duration, position, utc } from './format.js';

/** Tracks are shown from this long before the event starts to this long after it ends. */
const TRACK_MARGIN_MS = 2 * 3_600_000;

export interface EvidenceHooks {
  layers(): LayerInfo[];
  layerFeatures(id: string): Promise<FeatureCollection | null>;
  /** The page's own record of positions, used when the server keeps no track. */
  localTrack(mmsi: number, from: number, to: number): [number, number][];
  show(evidence: Evidence): void;
  openVessel(mmsi: number): void;
  close(): void;
}

export class EvidencePanel {
  private request = 0;
  eventId: string | null = null;

  constructor(private readonly root: HTMLElement, private readonly api: ApiClient, private readonly hooks: EvidenceHooks) {}

  async open(e: EventRecord): Promise<void> {
    const ticket = ++this.request;
    this.eventId = e.id;
    this.root.hidden = false;
    this.render(e, null);
    const evidence = await this.gather(e);
    if (ticket !== this.request) return;
    this.render(e, evidence);
    this.hooks.show(evidence);
  }

  close(): void {
    this.request++;
    this.eventId = null;
    this.root.hidden = true;
    replaceChildren(this.root);
  }

  private async gather(e: EventRecord): Promise<Evidence> {
    const from = Date.parse(e.start) - TRACK_MARGIN_MS;
    const to = Date.parse(e.end) + TRACK_MARGIN_MS;
    const tracks: EvidenceTrack[] = await Promise.all(
      e.mmsi.map(async (mmsi) => {
        const r = await this.api.vessel(mmsi, from, to);
        const path: [number, number][] = r.ok && r.value.track.length > 0 ? r.value.track.map((p) => [p.lon, p.lat]) : this.hooks.localTrack(mmsi, from, to);
        return { mmsi, path };
      }),
    );
    const features = await this.referencedFeatures(e);
    return { event: e, tracks, features, corridorMeters: corridorOf(e.details), points: pointsOf(e.details) };
  }

  /** The zone or asset the event names, found in the layers the server lists. */
  private async referencedFeatures(e: EventRecord): Promise<FeatureCollection | null> {
    const inline = inlineGeometry(e.details);
    if (inline) return inline;
    const refs = referenceValues(e.details);
    if (refs.size === 0) return null;
    const candidates = this.hooks.layers().filter((l) => l.kind !== 'watchlist');
    // The layer itself may be named (e.g. details.layerId), narrowing the search.
    const named = candidates.filter((l) => refs.has(l.id) || refs.has(l.name));
    for (const layer of named.length ? named : candidates) {
      const fc = await this.hooks.layerFeatures(layer.id);
      if (!fc) continue;
      const hits = fc.features.filter((f) => featureKeys(f).some((k) => refs.has(k)));
      if (hits.length) return { type: 'FeatureCollection', features: hits };
    }
    return null;
  }

  private render(e: EventRecord, evidence: Evidence | null): void {
    const start = Date.parse(e.start), end = Date.parse(e.end);
    replaceChildren(
      this.root,
      h(
        'div',
        { class: 'panel-head' },
        h('h2', { id: 'evidence-title', tabindex: -1 }, eventLabel(e.type)),
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close evidence panel', onclick: () => this.hooks.close() }, '×'),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'From'),
        h('dd', {}, utc(start)),
        h('dt', {}, 'To'),
        h('dd', {}, `${utc(end)} (${duration(end - start)})`),
        h('dt', {}, 'Where'),
        h('dd', {}, position(e.lat, e.lon)),
        h('dt', {}, 'Profile'),
        h('dd', {}, `${e.profile.id} v${e.profile.version}`),
      ),
      h('h3', {}, 'Vessels'),
      h(
        'ul',
        { class: 'vessel-list' },
        ...e.mmsi.map((mmsi, i) =>
          h(
            'li',
            {},
            h('span', { class: 'swatch', style: `background: rgb(${TRACK_RGB[i % TRACK_RGB.length]!.join(' ')})`, 'aria-hidden': 'true' }),
            h('button', { type: 'button', class: 'link', onclick: () => this.hooks.openVessel(mmsi) }, `MMSI ${mmsi}`),
            evidence ? ` — ${evidence.tracks[i]?.path.length ?? 0} track points` : '',
          ),
        ),
      ),
      evidence?.features ? h('p', { class: 'evidence-feature' }, `Shown: ${featureNames(evidence.features)}${evidence.corridorMeters ? `, corridor ${Math.round(evidence.corridorMeters)} m` : ''}`) : null,
      h('h3', {}, 'Details'),
      detailsList(e.details),
      evidence ? null : h('p', { class: 'muted' }, 'Loading evidence…'),
    );
  }
}

/** The details as terms and values; an object one level down (thresholds, a zone, a position) as its own list. */
function detailsList(details: Record<string, unknown>, depth = 0): HTMLElement {
  const value = (v: unknown): HTMLElement | string => {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'object' && !Array.isArray(v) && depth === 0) return detailsList(v as Record<string, unknown>, 1);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const items = Object.entries(details).map(([k, v]) => [h('dt', {}, k), h('dd', {}, value(v))]);
  return h('dl', { class: depth === 0 ? 'facts details' : '' }, ...items.flat());
}

const REFERENCE_KEY = /^(zone|zoneid|zonename|asset|assetid|assetname|feature|featureid|layer|layerid|cable|pipeline|area|eez)$/i;

/** String values under keys that name a zone, asset or layer, one level deep. */
function referenceValues(details: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const visit = (o: Record<string, unknown>, depth: number): void => {
    for (const [k, v] of Object.entries(o)) {
      if ((typeof v === 'string' || typeof v === 'number') && REFERENCE_KEY.test(k)) out.add(String(v));
      else if (v && typeof v === 'object' && !Array.isArray(v) && depth === 0) {
        if (REFERENCE_KEY.test(k)) for (const key of ['id', 'name']) if (typeof (v as Record<string, unknown>)[key] === 'string') out.add((v as Record<string, string>)[key]!);
        visit(v as Record<string, unknown>, 1);
      }
    }
  };
  visit(details, 0);
  return out;
}

function featureKeys(f: FeatureCollection['features'][number]): string[] {
  const keys: string[] = [];
  if (f.id !== undefined) keys.push(String(f.id));
  for (const k of ['id', 'name', 'NAME', 'A3', 'code']) {
    const v = f.properties?.[k];
    if (typeof v === 'string' || typeof v === 'number') keys.push(String(v));
  }
  return keys;
}

function featureNames(fc: FeatureCollection): string {
  return fc.features.map((f) => String(f.properties?.['name'] ?? f.id ?? 'feature')).join(', ');
}

function inlineGeometry(details: Record<string, unknown>): FeatureCollection | null {
  const g = details['geometry'];
  if (g && typeof g === 'object' && 'type' in g && 'coordinates' in g) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g as { type: string; coordinates: unknown } }] };
  }
  return null;
}

/** The corridor half-width in metres, at the top of the details or in the asset they name (`asset.corridorM`). */
function corridorOf(details: Record<string, unknown>, depth = 0): number | null {
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'number' && /corridor|buffer/i.test(k)) return /km/i.test(k) ? v * 1000 : v;
    if (depth === 0 && v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = corridorOf(v as Record<string, unknown>, 1);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** Positions the details name: any object with numeric lat and lon (e.g. last and next positions around a gap). */
function pointsOf(details: Record<string, unknown>): EvidencePoint[] {
  const out: EvidencePoint[] = [];
  for (const [k, v] of Object.entries(details)) {
    if (v && typeof v === 'object' && typeof (v as { lat?: unknown }).lat === 'number' && typeof (v as { lon?: unknown }).lon === 'number') {
      const p = v as { lat: number; lon: number };
      out.push({ position: [p.lon, p.lat], label: k });
    }
  }
  return out;
}
