/**
 * @tidewatch/geo — geometry and spatial indexes for maritime zones,
 * seabed infrastructure corridors and moving vessels. No dependencies, no I/O.
 * Every public name is listed here; nothing else is part of the API.
 */
export {
  EARTH_RADIUS_METRES,
  METRES_PER_NAUTICAL_MILE,
  METRES_PER_SECOND_PER_KNOT,
  RAD,
  DEG,
  normaliseLongitude,
  haversineMetres,
  initialBearingDegrees,
  destinationPoint,
  destinationPointInto,
  equirectangularMetres,
  pointToArcMetres,
  type LatLon,
} from './distance.js';
export {
  areaContains,
  areaEdges,
  areaFromPolygon,
  areaFromMultiPolygon,
  areaFromRings,
  areaVertexCount,
  flatRing,
  ringParity,
  type Area,
  type RingCoordinates,
} from './polygon.js';
export { ZoneIndex, type ZoneIndexOptions } from './zone-index.js';
export { CorridorIndex, type Corridor, type CorridorHit, type CorridorIndexOptions } from './corridor-index.js';
export { CellGrid, MAX_CELL_GRID_ID, type CellGridOptions } from './cell-grid.js';
export { PointGrid, type PointGridParts } from './point-grid.js';
export { segmentMeetsBox } from './segment-box.js';
export {
  parseZones,
  parseAssets,
  ZoneKind,
  AssetKind,
  DEFAULT_CORRIDOR_METRES,
  type Zone,
  type Asset,
  type GeoJsonIssue,
  type GeoJsonLimits,
  type ZonesResult,
  type AssetsResult,
} from './geojson.js';
