/**
 * Which column of a CSV export holds what, found from its header row.
 *
 * Providers name the same field differently (`MMSI`, `mmsi`; `LAT`, `Latitude`,
 * `latitude`; `BaseDateTime`, `# Timestamp`, `timestamp_utc`). Matching the
 * header against these aliases reads the Danish Maritime Authority and NOAA
 * MarineCadastre exports, and the other real exports we test with, with one
 * reader: a format is a header, not a code path.
 */

export const Field = {
  TIME: 'time',
  MMSI: 'mmsi',
  LAT: 'lat',
  LON: 'lon',
  SOG: 'sog',
  SOG_TENTHS: 'sogTenths',
  COG: 'cog',
  COG_TENTHS: 'cogTenths',
  HEADING: 'heading',
  STATUS: 'status',
  NAME: 'name',
  CALLSIGN: 'callsign',
  IMO: 'imo',
  SHIP_TYPE: 'shipType',
  LENGTH: 'length',
  WIDTH: 'width',
  TO_BOW: 'toBow',
  TO_STERN: 'toStern',
  TO_PORT: 'toPort',
  TO_STARBOARD: 'toStarboard',
  DRAUGHT: 'draught',
  DRAUGHT_TENTHS: 'draughtTenths',
  DESTINATION: 'destination',
  CLASS: 'class',
} as const;
export type Field = (typeof Field)[keyof typeof Field];

/** Header names (lower-cased, without `#`, quotes and spaces at the ends) → field. */
const ALIASES: Record<string, Field> = {
  timestamp: Field.TIME,
  basedatetime: Field.TIME,
  timestamp_utc: Field.TIME,
  time_utc: Field.TIME,
  time_utc_assumed: Field.TIME,
  time: Field.TIME,
  lastupdated_utc_ms: Field.TIME,
  mmsi: Field.MMSI,
  lat: Field.LAT,
  latitude: Field.LAT,
  lon: Field.LON,
  long: Field.LON,
  lng: Field.LON,
  longitude: Field.LON,
  sog: Field.SOG,
  sog_knots: Field.SOG,
  speed: Field.SOG,
  speed_knotsx10: Field.SOG_TENTHS,
  speed_raw: Field.SOG_TENTHS,
  cog: Field.COG,
  cog_deg: Field.COG,
  course: Field.COG,
  course_raw: Field.COG_TENTHS,
  heading: Field.HEADING,
  heading_deg: Field.HEADING,
  'navigational status': Field.STATUS,
  nav_status: Field.STATUS,
  navstatus: Field.STATUS,
  status: Field.STATUS,
  name: Field.NAME,
  vesselname: Field.NAME,
  ship_name: Field.NAME,
  shipname: Field.NAME,
  callsign: Field.CALLSIGN,
  call_sign: Field.CALLSIGN,
  imo: Field.IMO,
  'ship type': Field.SHIP_TYPE,
  shiptype: Field.SHIP_TYPE,
  ship_type: Field.SHIP_TYPE,
  vesseltype: Field.SHIP_TYPE,
  vessel_type: Field.SHIP_TYPE,
  length: Field.LENGTH,
  width: Field.WIDTH,
  a: Field.TO_BOW,
  b: Field.TO_STERN,
  c: Field.TO_PORT,
  d: Field.TO_STARBOARD,
  dimbow: Field.TO_BOW,
  dimstern: Field.TO_STERN,
  dimport: Field.TO_PORT,
  dimstarboard: Field.TO_STARBOARD,
  draught: Field.DRAUGHT,
  draft: Field.DRAUGHT,
  draught_metersx10: Field.DRAUGHT_TENTHS,
  destination: Field.DESTINATION,
  'type of mobile': Field.CLASS,
  transceiverclass: Field.CLASS,
  targettype: Field.CLASS,
};

/** The fields without which a row is not a position. */
const REQUIRED: readonly Field[] = [Field.TIME, Field.MMSI, Field.LAT, Field.LON];

export interface CsvLayout {
  delimiter: string;
  /** Column index per field present. */
  columns: Partial<Record<Field, number>>;
  /** Number of columns in the header. */
  width: number;
}

export type LayoutResult = { ok: true; layout: CsvLayout } | { ok: false; error: string };

/** Reads a header row; says which required fields it lacks when it is not one we can read. */
export function readHeader(header: string): LayoutResult {
  const delimiter = pickDelimiter(header);
  const names = splitRow(header, delimiter).map(normaliseName);
  const columns: Partial<Record<Field, number>> = {};
  names.forEach((name, i) => {
    const field = ALIASES[name];
    if (field !== undefined && columns[field] === undefined) columns[field] = i;
  });
  // `timestamp_pretty` next to an epoch `timestamp`: prefer the epoch column; both are UTC.
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (missing.length > 0) return { ok: false, error: `CSV header lacks ${missing.join(', ')} (columns: ${names.slice(0, 30).join(', ')})` };
  return { ok: true, layout: { delimiter, columns, width: names.length } };
}

function normaliseName(raw: string): string {
  return raw.trim().replace(/^#\s*/, '').toLowerCase();
}

function pickDelimiter(header: string): string {
  const count = (c: string): number => header.split(c).length - 1;
  const candidates = [',', ';', '\t', '|'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/** Splits one CSV row, honouring double quotes (with `""` for a quote inside a field). */
export function splitRow(row: string, delimiter: string): string[] {
  if (!row.includes('"')) return row.split(delimiter);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (quoted) {
      if (ch === '"') {
        if (row[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
