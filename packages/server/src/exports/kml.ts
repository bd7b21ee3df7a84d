/**
 * KML 2.2: one Placemark per track position or event, with its time
 * (TimeStamp, or TimeSpan for an event) so Google Earth and QGIS can animate
 * it, and the attributes as ExtendedData.
 */
import type { EventRecord } from '@tidewatch/protocol';
import type { ExportFormat, TrackPointRow } from './format.js';

const head = (title: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${xml(title)}</name>\n`;
const tail = (): string => '</Document>\n</kml>\n';

export const KML: ExportFormat = {
  mediaType: 'application/vnd.google-earth.kml+xml',
  extension: 'kml',
  track: {
    head,
    row: (p: TrackPointRow) =>
      `<Placemark><name>${p.mmsi} ${p.time}</name><TimeStamp><when>${p.time}</when></TimeStamp>` +
      data({ mmsi: p.mmsi, time: p.time, sog: p.sog, cog: p.cog, heading: p.heading, nav_status: p.navStatus }) +
      `<Point><coordinates>${p.lon},${p.lat}</coordinates></Point></Placemark>\n`,
    tail,
  },
  events: {
    head,
    row: (e: EventRecord) =>
      `<Placemark id="${xml(e.id)}"><name>${xml(`${e.type} ${e.mmsi.join(' ')}`)}</name>` +
      `<TimeSpan><begin>${e.start}</begin><end>${e.end}</end></TimeSpan>` +
      data({ id: e.id, type: e.type, start: e.start, end: e.end, mmsi: e.mmsi.join(' '), profile: `${e.profile.id}@${e.profile.version}`, details: JSON.stringify(e.details) }) +
      `<Point><coordinates>${e.lon},${e.lat}</coordinates></Point></Placemark>\n`,
    tail,
  },
};

function data(fields: Record<string, string | number | null>): string {
  let out = '<ExtendedData>';
  for (const [name, value] of Object.entries(fields)) out += `<Data name="${name}"><value>${value === null ? '' : xml(String(value))}</value></Data>`;
  return `${out}</ExtendedData>`;
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
