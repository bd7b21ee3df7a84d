/**
 * Anchorages as a layer: fixed points (GFW's anchorage list, port positions)
 * answering "how far is the nearest one", which is how detectors tell port
 * and anchorage areas from open water.
 */
import { PointGrid } from '@tidewatch/geo';
import type { AnchorageIndex } from './vessel-index.js';

/** About 11 km: a 10-40 km query touches a handful of cells. */
const CELL_DEGREES = 0.1;

export interface AnchoragePoint {
  readonly lat: number;
  readonly lon: number;
}

/** Builds the index; points with a position out of range are left out (`size` counts the rest). */
export function anchorageIndex(points: readonly AnchoragePoint[]): AnchorageIndex {
  return anchorageIndexOn(
    anchorageGrid(
      Float64Array.from(points, (p) => p.lat),
      Float64Array.from(points, (p) => p.lon),
    ),
  );
}

/** The grid the index searches, over the points' coordinates as two arrays (as a reader collects them: no object per point). */
export function anchorageGrid(lats: ArrayLike<number>, lons: ArrayLike<number>): PointGrid {
  return PointGrid.of(lats, lons, CELL_DEGREES);
}

/** The index over a grid `anchorageGrid` built, possibly in an earlier run (a cache of built layers keeps `PointGrid.parts`). */
export function anchorageIndexOn(grid: PointGrid): AnchorageIndex {
  return {
    size: grid.size,
    nearestMetres: (lat, lon, maxMetres) => grid.nearestMetres(lat, lon, maxMetres),
  };
}
