/**
 * Reading zones and infrastructure assets out of GeoJSON FeatureCollections.
 *
 * Pure: takes a parsed JSON value, returns the zones or assets, or every
 * problem found (up to a limit), each with the JSON path of the offending
 * value and a message that shows it. It never throws on any input.
 */
import { areaFromRings, flatRing, type Area } from './polygon.js';

/** What a zone is in law of the sea terms; `user` for an area drawn by an operator. */
export const ZoneKind = {
  territorialSea: 'territorial_sea',
  contiguousZone: 'contiguous_zone',
  eez: 'eez',
  user: 'user',
} as const;
export type ZoneKind = (typeof ZoneKind)[keyof typeof ZoneKind];

/** What an asset on the seabed carries. */
export const AssetKind = { cable: 'cable', pipeline: 'pipeline', other: 'other' } as const;
export type AssetKind = (typeof AssetKind)[keyof typeof AssetKind];

/** Corridor half-width when a feature gives no `corridor_m`, metres. */
export const DEFAULT_CORRIDOR_METRES = 1000;

export type Zone = {
  readonly name: string;
  readonly kind: ZoneKind;
  /** ISO 3166-1 alpha-3 code of the coastal state, when given. */
  readonly country: string | null;
  readonly area: Area;
  /** The feature's properties as found, for provenance and display. */
  readonly properties: Readonly<Record<string, unknown>>;
};

export type Asset = {
  readonly name: string;
  readonly kind: AssetKind;
  /** Corridor half-width either side of the route, metres. */
  readonly corridorMetres: number;
  /** Each line as flat lon,lat pairs. */
  readonly lines: readonly Float64Array[];
  readonly properties: Readonly<Record<string, unknown>>;
};

/** One problem: where (a JSON path such as `$.features[2].geometry.coordinates[0][5]`) and what. */
export type GeoJsonIssue = { readonly path: string; readonly message: string };

export type ZonesResult = { ok: true; zones: Zone[] } | { ok: false; errors: GeoJsonIssue[] };
export type AssetsResult = { ok: true; assets: Asset[] } | { ok: false; errors: GeoJsonIssue[] };

export type GeoJsonLimits = {
  /** Most vertices accepted in one collection. Default 2 000 000. */
  maxVertices?: number;
  /** Most problems reported before giving up. Default 50. */
  maxErrors?: number;
  /** Widest corridor accepted, metres. Default 100 000. */
  maxCorridorMetres?: number;
};

type Json = Record<string, unknown>;
type Position = readonly [number, number];

/** Stops the walk once the error budget or the vertex budget is spent. */
class Budget {
  readonly errors: GeoJsonIssue[] = [];
  vertices = 0;
  exhausted = false;
  constructor(readonly limits: Required<GeoJsonLimits>) {}

  report(path: string, message: string): void {
    if (this.exhausted) return;
    if (this.errors.length >= this.limits.maxErrors) {
      this.errors.push({ path: '$', message: `more than ${this.limits.maxErrors} problems; the rest are not listed` });
      this.exhausted = true;
      return;
    }
    this.errors.push({ path, message });
  }

  /** Counts vertices; false (with one report) once the collection holds too many. */
  spend(path: string, vertices: number): boolean {
    this.vertices += vertices;
    if (this.vertices <= this.limits.maxVertices) return true;
    this.report(path, `too many vertices: the collection holds more than ${this.limits.maxVertices}`);
    this.exhausted = true;
    return false;
  }
}

/** Zones from a FeatureCollection of Polygon and MultiPolygon features. */
export function parseZones(value: unknown, limits: GeoJsonLimits = {}): ZonesResult {
  const budget = new Budget(withDefaults(limits));
  const zones: Zone[] = [];
  for (const [feature, path, index] of features(value, budget)) {
    const zone = readZone(feature, path, index, budget);
    if (zone !== null) zones.push(zone);
    if (budget.exhausted) break;
  }
  return budget.errors.length === 0 ? { ok: true, zones } : { ok: false, errors: budget.errors };
}

/** Assets from a FeatureCollection of LineString and MultiLineString features. */
export function parseAssets(value: unknown, limits: GeoJsonLimits = {}): AssetsResult {
  const budget = new Budget(withDefaults(limits));
  const assets: Asset[] = [];
  for (const [feature, path] of features(value, budget)) {
    const asset = readAsset(feature, path, budget);
    if (asset !== null) assets.push(asset);
    if (budget.exhausted) break;
  }
  return budget.errors.length === 0 ? { ok: true, assets } : { ok: false, errors: budget.errors };
}

function withDefaults(limits: GeoJsonLimits): Required<GeoJsonLimits> {
  return { maxVertices: 2_000_000, maxErrors: 50, maxCorridorMetres: 100_000, ...limits };
}

/** Each well-formed Feature object of a FeatureCollection, with its path and index. */
function* features(value: unknown, budget: Budget): Generator<[Json, string, number]> {
  if (!isObject(value)) return budget.report('$', `expected a GeoJSON FeatureCollection object, got ${show(value)}`);
  if (value['type'] !== 'FeatureCollection') return budget.report('$.type', `expected "FeatureCollection", got ${show(value['type'])}`);
  const list = value['features'];
  if (!Array.isArray(list)) return budget.report('$.features', `expected an array of features, got ${show(list)}`);
  for (let i = 0; i < list.length; i++) {
    const path = `$.features[${i}]`;
    const feature: unknown = list[i];
    if (!isObject(feature)) budget.report(path, `expected a Feature object, got ${show(feature)}`);
    else if (feature['type'] !== 'Feature') budget.report(`${path}.type`, `expected "Feature", got ${show(feature['type'])}`);
    else if (feature['properties'] !== undefined && feature['properties'] !== null && !isObject(feature['properties'])) {
      budget.report(`${path}.properties`, `expected an object or null, got ${show(feature['properties'])}`);
    } else yield [feature, path, i];
    if (budget.exhausted) return;
  }
}

function readZone(feature: Json, path: string, index: number, budget: Budget): Zone | null {
  const properties = propertiesOf(feature);
  const before = budget.errors.length;
  const kind = readChoice(properties, 'kind', Object.values(ZoneKind), ZoneKind.user, path, budget);
  const country = readCountry(properties, path, budget);
  const name = readName(properties, path, budget) ?? derivedZoneName(country, kind, index);
  const area = readPolygonal(feature['geometry'], `${path}.geometry`, budget);
  if (area === null || budget.errors.length > before) return null;
  return { name, kind, country, area, properties };
}

function readAsset(feature: Json, path: string, budget: Budget): Asset | null {
  const properties = propertiesOf(feature);
  const before = budget.errors.length;
  const name = readName(properties, path, budget);
  if (name === undefined) budget.report(`${path}.properties.name`, 'an asset needs a name');
  const kind = readChoice(properties, 'kind', Object.values(AssetKind), AssetKind.other, path, budget);
  const corridorMetres = readCorridor(properties, path, budget);
  const lines = readLinear(feature['geometry'], `${path}.geometry`, budget);
  if (lines === null || name === undefined || budget.errors.length > before) return null;
  return { name, kind, corridorMetres, lines, properties };
}

function propertiesOf(feature: Json): Json {
  const properties = feature['properties'];
  return isObject(properties) ? properties : {};
}

/** The name, or undefined when absent; reports a name that is there but not a non-empty string. */
function readName(properties: Json, path: string, budget: Budget): string | undefined {
  const name = properties['name'];
  if (name === undefined || name === null) return undefined;
  if (typeof name === 'string' && name.trim() !== '') return name;
  budget.report(`${path}.properties.name`, `expected a non-empty string, got ${show(name)}`);
  return undefined;
}

/** A name for a zone that has none: its country and kind, or its place in the collection. */
function derivedZoneName(country: string | null, kind: ZoneKind, index: number): string {
  return country === null ? `${kind} ${index + 1}` : `${country} ${kind}`;
}

function readChoice<T extends string>(properties: Json, key: string, allowed: readonly T[], fallback: T, path: string, budget: Budget): T {
  const value = properties[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  budget.report(`${path}.properties.${key}`, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(value)}`);
  return fallback;
}

function readCountry(properties: Json, path: string, budget: Budget): string | null {
  const country = properties['country'];
  if (country === undefined || country === null) return null;
  if (typeof country === 'string' && /^[A-Z]{3}$/.test(country)) return country;
  budget.report(`${path}.properties.country`, `expected an ISO 3166-1 alpha-3 code such as "FIN", got ${show(country)}`);
  return null;
}

function readCorridor(properties: Json, path: string, budget: Budget): number {
  const corridor = properties['corridor_m'];
  if (corridor === undefined || corridor === null) return DEFAULT_CORRIDOR_METRES;
  const limit = budget.limits.maxCorridorMetres;
  if (typeof corridor === 'number' && corridor > 0 && corridor <= limit) return corridor;
  budget.report(`${path}.properties.corridor_m`, `expected a number of metres in (0, ${limit}], got ${show(corridor)}`);
  return DEFAULT_CORRIDOR_METRES;
}

function readPolygonal(geometry: unknown, path: string, budget: Budget): Area | null {
  if (!isObject(geometry)) {
    budget.report(path, `expected a Polygon or MultiPolygon geometry, got ${show(geometry)}`);
    return null;
  }
  const coordinates = geometry['coordinates'];
  const at = `${path}.coordinates`;
  if (geometry['type'] === 'Polygon') {
    const rings = readPolygon(coordinates, at, budget);
    return rings === null ? null : areaFromRings(rings);
  }
  if (geometry['type'] === 'MultiPolygon') {
    if (!nonEmptyArray(coordinates, at, 'a non-empty array of polygons', budget)) return null;
    const rings: Float64Array[] = [];
    for (let p = 0; p < coordinates.length && !budget.exhausted; p++) rings.push(...(readPolygon(coordinates[p], `${at}[${p}]`, budget) ?? []));
    return areaFromRings(rings);
  }
  budget.report(`${path}.type`, `a zone needs a Polygon or MultiPolygon geometry, got ${show(geometry['type'])}`);
  return null;
}

function readPolygon(coordinates: unknown, path: string, budget: Budget): Float64Array[] | null {
  if (!nonEmptyArray(coordinates, path, 'a non-empty array of linear rings', budget)) return null;
  const rings: Float64Array[] = [];
  for (let r = 0; r < coordinates.length && !budget.exhausted; r++) {
    const ring = readPositions(coordinates[r], `${path}[${r}]`, 4, budget);
    if (ring === null) continue;
    const first = ring[0]!, last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      budget.report(`${path}[${r}]`, `ring is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]`);
      continue;
    }
    rings.push(flatRing(ring));
  }
  return rings;
}

function readLinear(geometry: unknown, path: string, budget: Budget): Float64Array[] | null {
  if (!isObject(geometry)) {
    budget.report(path, `expected a LineString or MultiLineString geometry, got ${show(geometry)}`);
    return null;
  }
  const coordinates = geometry['coordinates'];
  const at = `${path}.coordinates`;
  if (geometry['type'] === 'LineString') {
    const line = readPositions(coordinates, at, 2, budget);
    return line === null ? null : [flatLine(line)];
  }
  if (geometry['type'] === 'MultiLineString') {
    if (!nonEmptyArray(coordinates, at, 'a non-empty array of lines', budget)) return null;
    const lines: Float64Array[] = [];
    for (let l = 0; l < coordinates.length && !budget.exhausted; l++) {
      const line = readPositions(coordinates[l], `${at}[${l}]`, 2, budget);
      if (line !== null) lines.push(flatLine(line));
    }
    return lines;
  }
  budget.report(`${path}.type`, `an asset needs a LineString or MultiLineString geometry, got ${show(geometry['type'])}`);
  return null;
}

function flatLine(positions: readonly Position[]): Float64Array {
  const flat = new Float64Array(2 * positions.length);
  positions.forEach((p, i) => flat.set(p, 2 * i));
  return flat;
}

/** An array of at least `min` valid positions, or null after reporting what is wrong. */
function readPositions(value: unknown, path: string, min: number, budget: Budget): Position[] | null {
  if (!Array.isArray(value)) {
    budget.report(path, `expected an array of positions, got ${show(value)}`);
    return null;
  }
  if (value.length < min) {
    budget.report(path, `expected at least ${min} positions, got ${value.length}`);
    return null;
  }
  if (!budget.spend(path, value.length)) return null;
  const positions: Position[] = [];
  let valid = true;
  for (let i = 0; i < value.length && !budget.exhausted; i++) {
    const position = readPosition(value[i], `${path}[${i}]`, budget);
    if (position === null) valid = false;
    else positions.push(position);
  }
  return valid ? positions : null;
}

function readPosition(value: unknown, path: string, budget: Budget): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    budget.report(path, `expected a position [longitude, latitude], got ${show(value)}`);
    return null;
  }
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || !Number.isFinite(lon) || typeof lat !== 'number' || !Number.isFinite(lat)) {
    budget.report(path, `expected two finite numbers, got ${show(value)}`);
    return null;
  }
  if (lon < -180 || lon > 180) {
    budget.report(path, `longitude ${lon} is outside [-180, 180]`);
    return null;
  }
  if (lat < -90 || lat > 90) {
    budget.report(path, `latitude ${lat} is outside [-90, 90]`);
    return null;
  }
  return [lon, lat];
}

function nonEmptyArray(value: unknown, path: string, what: string, budget: Budget): value is unknown[] {
  if (Array.isArray(value) && value.length > 0) return true;
  budget.report(path, `expected ${what}, got ${show(value)}`);
  return false;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of an offending value for a message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return value.length <= 3 && value.every((v) => typeof v !== 'object' || v === null) ? `[${value.map(show).join(', ')}]` : `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
