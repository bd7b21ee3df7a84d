/** The export formats by the name the API takes in `format=`. */
import { CSV } from './csv.js';
import type { ExportFormat } from './format.js';
import { GEOJSON } from './geojson.js';
import { KML } from './kml.js';

export const EXPORT_FORMATS: Readonly<Record<'geojson' | 'kml' | 'csv', ExportFormat>> = { geojson: GEOJSON, kml: KML, csv: CSV };
export type ExportFormatName = keyof typeof EXPORT_FORMATS;
