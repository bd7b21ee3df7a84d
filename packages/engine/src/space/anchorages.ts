/**
 * Anchorages as a layer: fixed points (GFW's anchorage list, port positions)
 * answering "how far is the nearest one", which is how detectors tell port
 * and anchorage areas from open water.
 */
import { CellGrid, haversineMetres } from '@tidewatch/geo';
import type { AnchorageIndex } from './vessel-index.js';

/** About 11 km: a 10-40 km query touches a handful of cells. */
const CELL_DEGREES = 0.1;

export interface AnchoragePoint {
  readonly lat: number;
  readonly lon: number;
}

/** Builds the index; points with a position out of range are skipped and counted in `skipped`. */
export function anchorageIndex(points: readonly AnchoragePoint[]): AnchorageIndex & { readonly skipped: number } {
  const grid = new CellGrid({ cellDegrees: CELL_DEGREES, initialIds: Math.max(1, points.length) });
  const lat = new Float64Array(points.length);
  const lon = new Float64Array(points.length);
  let skipped = 0;
  points.forEach((p, i) => {
    if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) {
      skipped++;
      return;
    }
    lat[i] = p.lat;
    lon[i] = p.lon;
    grid.update(i, p.lat, p.lon);
  });
  const found: number[] = [];
  return {
    size: grid.size,
    skipped,
    nearestMetres(qlat: number, qlon: number, maxMetres: number): number {
      const n = grid.near(qlat, qlon, maxMetres, found);
      let best = Infinity;
      for (let i = 0; i < n; i++) best = Math.min(best, haversineMetres(qlat, qlon, lat[found[i]!]!, lon[found[i]!]!));
      return best;
    },
  };
}
