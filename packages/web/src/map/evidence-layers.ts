/**
 * What an event is shown with on the map: the tracks of the vessels involved (one colour
 * each), the zone or asset it concerns, the corridor around an asset (a path as wide as
 * the corridor, in metres), and the positions the details name (e.g. before and after a gap).
 */
import { GeoJsonLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { EventRecord } from '@tidewatch/protocol';
import type { FeatureCollection } from '../api/client.js';
import { eventRgb } from './event-style.js';

export interface EvidenceTrack {
  mmsi: number;
  path: [number, number][];
}

export interface EvidencePoint {
  position: [number, number];
  label: string;
}

export interface Evidence {
  event: EventRecord;
  tracks: EvidenceTrack[];
  /** The zone or asset the event concerns, when it names one. */
  features: FeatureCollection | null;
  corridorMeters: number | null;
  points: EvidencePoint[];
}

/** Track colours, one per vessel: high contrast with each other and with the sea. */
export const TRACK_RGB: [number, number, number][] = [
  [255, 255, 255],
  [255, 176, 0],
  [120, 200, 255],
  [255, 120, 200],
];

export function evidenceLayers(e: Evidence): Layer[] {
  const layers: Layer[] = [];
  if (e.features && e.corridorMeters) {
    layers.push(
      new GeoJsonLayer({
        id: 'evidence-corridor',
        data: e.features as never,
        stroked: true,
        filled: false,
        getLineColor: [230, 140, 255, 60],
        getLineWidth: e.corridorMeters * 2,
        lineWidthUnits: 'meters',
        lineWidthMinPixels: 6,
        lineCapRounded: true,
      }),
    );
  }
  if (e.features) {
    layers.push(
      new GeoJsonLayer({
        id: 'evidence-feature',
        data: e.features as never,
        stroked: true,
        filled: true,
        getFillColor: [90, 200, 255, 40],
        getLineColor: [90, 200, 255, 230],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        pointRadiusUnits: 'pixels',
        getPointRadius: 5,
      }),
    );
  }
  layers.push(
    new PathLayer<EvidenceTrack>({
      id: 'evidence-tracks',
      data: e.tracks,
      getPath: (t) => t.path,
      getColor: (_t, { index }) => [...TRACK_RGB[index % TRACK_RGB.length]!, 230] as [number, number, number, number],
      getWidth: 2,
      widthUnits: 'pixels',
      jointRounded: true,
    }),
    new ScatterplotLayer<EvidencePoint>({
      id: 'evidence-points',
      data: e.points,
      getPosition: (p) => p.position,
      getRadius: 5,
      radiusUnits: 'pixels',
      getFillColor: [255, 255, 255, 255],
      getLineColor: [0, 0, 0, 255],
      stroked: true,
      lineWidthMinPixels: 1,
    }),
    new ScatterplotLayer<EventRecord>({
      id: 'evidence-event',
      data: [e.event],
      getPosition: (ev) => [ev.lon, ev.lat],
      getRadius: 12,
      radiusUnits: 'pixels',
      stroked: true,
      filled: false,
      getLineColor: [...eventRgb(e.event.type), 255] as [number, number, number, number],
      lineWidthMinPixels: 3,
    }),
  );
  return layers;
}

/** West, south, east, north around everything the evidence shows. */
export function evidenceBounds(e: Evidence): [number, number, number, number] {
  let w = e.event.lon, s = e.event.lat, east = e.event.lon, n = e.event.lat;
  const add = (lon: number, lat: number): void => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    w = Math.min(w, lon);
    east = Math.max(east, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  };
  for (const t of e.tracks) for (const [lon, lat] of t.path) add(lon, lat);
  for (const p of e.points) add(p.position[0], p.position[1]);
  // The asset or zone too, when it is of a size to see at once with the vessels; a zone
  // can be a whole coast's territorial sea, and then the event is framed, not the zone.
  const f = featureBounds(e.features);
  if (f && f[2] - f[0] < MAX_FRAMED_DEGREES && f[3] - f[1] < MAX_FRAMED_DEGREES) {
    add(f[0], f[1]);
    add(f[2], f[3]);
  }
  return [w, s, east, n];
}

const MAX_FRAMED_DEGREES = 3;

function featureBounds(fc: FeatureCollection | null): [number, number, number, number] | null {
  if (!fc) return null;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const feature of fc.features) visit(feature.geometry?.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}
