/**
 * CSV rows → observations. One reader for every export whose header names the
 * time, MMSI and position columns (see `columns.ts`).
 *
 * Each row gives a position observation, and a static observation when the
 * row's identity (name, call sign, IMO, type, dimensions, destination) differs
 * from the last one seen for that MMSI: exports repeat identity on every row,
 * and the engine needs only the changes. Also when the row is earlier than the
 * last one seen for that MMSI: an export out of time order is sorted after
 * reading, and suppressing repeats in file order would lose the identity that
 * comes first in time (a vessel would be nameless until whichever of its rows
 * the file happened to hold first). A row that cannot be read is a value
 * saying why, never an exception; the rest of the file goes on.
 */
import { emptyPosition, emptyStatic, PositionSource, type Observation, type PositionObservation } from '../observation.js';
import { navStatusFrom, shipTypeFrom } from './codes.js';
import { Field, readHeader, splitRow, type CsvLayout } from './columns.js';

export const CsvFault = {
  BAD_ROW: 'bad_row',
  BAD_TIME: 'bad_time',
  BAD_MMSI: 'bad_mmsi',
  BAD_POSITION: 'bad_position',
} as const;
export type CsvFault = (typeof CsvFault)[keyof typeof CsvFault];

export interface CsvRowFault {
  reason: CsvFault;
  detail: string;
}

/** Identities remembered to suppress repeats; past this many vessels the memory starts over. */
const MAX_REMEMBERED = 500_000;

export type CsvReaderResult = { ok: true; reader: CsvObservationReader } | { ok: false; error: string };

/** The identity last seen for a vessel, and the time of that row. */
interface Seen {
  key: string;
  t: number;
}

export class CsvObservationReader {
  private readonly identities = new Map<number, Seen>();
  private readonly position: PositionObservation = emptyPosition();

  private constructor(private readonly layout: CsvLayout) {}

  /** A reader for the file whose header row this is. */
  static fromHeader(header: string): CsvReaderResult {
    const r = readHeader(header);
    return r.ok ? { ok: true, reader: new CsvObservationReader(r.layout) } : r;
  }

  /**
   * Reads one data row. `emit` receives the observations (the position object is
   * reused between rows: copy it to keep it). Returns null, or why the row was refused.
   */
  read(row: string, emit: (o: Observation) => void): CsvRowFault | null {
    const { columns, delimiter } = this.layout;
    const cells = splitRow(row, delimiter);
    const cell = (f: Field): string => {
      const i = columns[f];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (cells.length < minimumWidth(columns)) {
      return { reason: CsvFault.BAD_ROW, detail: `${cells.length} fields, the header has ${this.layout.width}` };
    }
    const t = parseTime(cell(Field.TIME));
    if (Number.isNaN(t)) return { reason: CsvFault.BAD_TIME, detail: `time "${cell(Field.TIME)}"` };
    const mmsi = Number(cell(Field.MMSI));
    if (!Number.isInteger(mmsi) || mmsi <= 0 || mmsi > 999_999_999) return { reason: CsvFault.BAD_MMSI, detail: `MMSI "${cell(Field.MMSI)}"` };

    this.emitIdentity(t, mmsi, cell, emit);
    const lat = Number(cell(Field.LAT));
    const lon = Number(cell(Field.LON));
    // 91°/181° is AIS "not available": a row of identity only, not a fault.
    if (lat === 91 || lon === 181) return null;
    if (cell(Field.LAT) === '' || cell(Field.LON) === '' || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      return { reason: CsvFault.BAD_POSITION, detail: `position "${cell(Field.LAT)}", "${cell(Field.LON)}"` };
    }
    const p = this.position;
    p.t = t;
    p.mmsi = mmsi;
    p.lat = lat;
    p.lon = lon;
    p.sog = columns.sog !== undefined ? measure(cell(Field.SOG), 1, 102.3) : measure(cell(Field.SOG_TENTHS), 0.1, 102.3);
    p.cog = columns.cog !== undefined ? measure(cell(Field.COG), 1, 360) : measure(cell(Field.COG_TENTHS), 0.1, 360);
    p.heading = measure(cell(Field.HEADING), 1, 511);
    if (p.heading >= 360) p.heading = NaN;
    if (p.cog >= 360) p.cog = NaN;
    p.navStatus = navStatusFrom(cell(Field.STATUS));
    p.source = sourceFrom(cell(Field.CLASS));
    emit(p);
    return null;
  }

  private emitIdentity(t: number, mmsi: number, cell: (f: Field) => string, emit: (o: Observation) => void): void {
    const name = text(cell(Field.NAME));
    const callsign = text(cell(Field.CALLSIGN));
    const imoText = text(cell(Field.IMO)).replace(/^IMO\s*/i, '');
    const shipType = shipTypeFrom(text(cell(Field.SHIP_TYPE)));
    const destination = text(cell(Field.DESTINATION));
    const draught = this.layout.columns.draught !== undefined ? measure(cell(Field.DRAUGHT), 1, Infinity) : measure(cell(Field.DRAUGHT_TENTHS), 0.1, Infinity);
    const dims = [Field.TO_BOW, Field.TO_STERN, Field.TO_PORT, Field.TO_STARBOARD, Field.LENGTH, Field.WIDTH].map((f) => cell(f));
    const known = [name, callsign, imoText, destination, ...dims].some((v) => v !== '') || !Number.isNaN(shipType) || !Number.isNaN(draught);
    if (!known) return;
    const key = [name, callsign, imoText, shipType, destination, draught, ...dims].join('|');
    const seen = this.identities.get(mmsi);
    const repeat = seen !== undefined && seen.key === key && t >= seen.t;
    if (seen !== undefined) {
      seen.key = key;
      seen.t = t;
    } else {
      if (this.identities.size >= MAX_REMEMBERED) this.identities.clear();
      this.identities.set(mmsi, { key, t });
    }
    if (repeat) return;

    const s = emptyStatic(t, mmsi);
    s.name = name;
    s.callsign = callsign;
    const imo = Number(imoText);
    s.imo = imoText !== '' && Number.isInteger(imo) && imo > 0 ? imo : NaN;
    s.shipType = shipType;
    s.destination = destination;
    s.draught = draught > 0 ? draught : NaN;
    const [bow, stern, port, starboard, length, width] = dims.map((d) => measure(d, 1, Infinity)) as [number, number, number, number, number, number];
    if (!Number.isNaN(bow) || !Number.isNaN(stern)) {
      s.toBow = bow;
      s.toStern = stern;
      s.toPort = port;
      s.toStarboard = starboard;
    } else if (!Number.isNaN(length)) {
      // Only overall length and beam given: keep them as bow/port distances, stern/starboard 0,
      // so that bow+stern and port+starboard still give the vessel's size.
      s.toBow = length;
      s.toStern = 0;
      s.toPort = width;
      s.toStarboard = Number.isNaN(width) ? NaN : 0;
    }
    emit(s);
  }
}

function minimumWidth(columns: CsvLayout['columns']): number {
  return Math.max(columns.time!, columns.mmsi!, columns.lat!, columns.lon!) + 1;
}

/** Placeholders exports write for "nothing known". */
const NOTHING = new Set(['', 'unknown', 'undefined', 'null', 'nan', 'none', 'n/a']);

function text(value: string): string {
  return NOTHING.has(value.toLowerCase()) ? '' : value;
}

/** A number times `scale`, or NaN when empty, not a number, or at/above the "not available" value. */
function measure(value: string, scale: number, notAvailable: number): number {
  if (NOTHING.has(value.toLowerCase())) return NaN;
  const n = Number(value) * scale;
  return Number.isFinite(n) && n < notAvailable + 1e-9 && n !== notAvailable ? n : NaN;
}

function sourceFrom(value: string): PositionObservation['source'] {
  const v = value.toLowerCase();
  if (v === 'a' || v === 'class a') return PositionSource.CLASS_A;
  if (v === 'b' || v === 'class b') return PositionSource.CLASS_B;
  return PositionSource.OTHER;
}

const DAY_FIRST = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const YEAR_FIRST = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:Z|UTC|\+0000(?: UTC)?|\+00:?00)?$/;

/**
 * Time of a row as ms since 1970 UTC. Exports give UTC without saying so:
 * ISO-like `2024-12-31T00:16:09`, day-first `26/04/2026 00:00:00` (DMA),
 * or UNIX seconds / milliseconds.
 */
export function parseTime(value: string): number {
  if (/^[\d.eE+]+$/.test(value)) return epoch(Number(value));
  let m = YEAR_FIRST.exec(value);
  if (m) return utc(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6], m[7]);
  m = DAY_FIRST.exec(value);
  if (m) return utc(m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6], m[7]);
  return NaN;
}

/**
 * A number as UNIX time: above 1e11 it is milliseconds (1e11 seconds is the year 5138),
 * else seconds. Some exports print milliseconds in exponent form (`1.522551e+12`).
 */
function epoch(n: number): number {
  if (!Number.isFinite(n) || n < 1e8) return NaN;
  return Math.round(n > 1e11 ? n : n * 1000);
}

function utc(y: string, mo: string, d: string, h: string, mi: string, s: string | undefined, frac: string | undefined): number {
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  const ms = frac === undefined ? 0 : Math.round(Number(frac) * 1000);
  return Date.UTC(Number(y), month - 1, day, hour, minute, second) + ms;
}
