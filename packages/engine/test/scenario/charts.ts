/**
 * Reference layers for scenarios, drawn as GeoJSON the way an operator or a
 * data file would give them, and the product's own shipped layers (data/ at
 * the repository root) read as text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's data/ folder (from dist/test/scenario/). */
export const REPO_DATA = fileURLToPath(new URL('../../../../../data/', import.meta.url));

/** A box as a GeoJSON Polygon feature (south-west and north-east corners, degrees). */
export function boxZone(properties: Record<string, unknown>, south: number, west: number, north: number, east: number): object {
  const ring = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** A route as a GeoJSON LineString feature from [lat, lon] points. */
export function route(properties: Record<string, unknown>, points: ReadonlyArray<readonly [number, number]>): object {
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: points.map(([lat, lon]) => [lon, lat]) } };
}

export function collection(...features: object[]): object {
  return { type: 'FeatureCollection', features };
}

/** The files of a data/ subfolder with one of the extensions, parsed as JSON or read as text; [] when the folder is absent. */
export function shippedFiles(folder: string, extension: string): Array<{ file: string; text: string }> {
  const dir = `${REPO_DATA}${folder}/`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((file) => ({ file, text: readFileSync(dir + file, 'utf8') }));
}
