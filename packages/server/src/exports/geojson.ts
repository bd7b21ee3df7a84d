/**
 * GeoJSON (RFC 7946): a FeatureCollection of Point features, one per track
 * position or event, properties flat where GIS tools expect columns. The
 * event id is a property, not the feature `id`: GDAL would take a string
 * feature id for the `id` column and lose the property.
 */
import type { EventRecord } from '@tidewatch/protocol';
import type { ExportFormat, TrackPointRow } from './format.js';

export const GEOJSON: ExportFormat = {
  mediaType: 'application/geo+json',
  extension: 'geojson',
  track: {
    head: (title) => `{"type":"FeatureCollection","name":${JSON.stringify(title)},"features":[\n`,
    row: (p: TrackPointRow, i) =>
      `${i === 0 ? '' : ',\n'}${JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { mmsi: p.mmsi, time: p.time, sog: p.sog, cog: p.cog, heading: p.heading, navStatus: p.navStatus },
      })}`,
    tail: () => '\n]}\n',
  },
  events: {
    head: (title) => `{"type":"FeatureCollection","name":${JSON.stringify(title)},"features":[\n`,
    row: (e: EventRecord, i) =>
      `${i === 0 ? '' : ',\n'}${JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
        properties: {
          id: e.id,
          type: e.type,
          start: e.start,
          end: e.end,
          mmsi: e.mmsi.join(' '),
          profile: `${e.profile.id}@${e.profile.version}`,
          details: e.details,
        },
      })}`,
    tail: () => '\n]}\n',
  },
};
