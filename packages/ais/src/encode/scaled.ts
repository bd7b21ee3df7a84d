/**
 * Messages from everyday units: degrees, knots, metres and times, converted
 * to the raw fields of the message shape. For test scenarios and simulated
 * traffic: `encodeSentences(positionReportClassA({ mmsi, lat, lon, sog, cog }))`.
 *
 * An omitted measurement becomes its "not available" value, an omitted flag
 * its M.1371 default. Values outside what the field can say throw RangeError.
 */
import type { PositionReportClassA } from '../messages/position-a.js';
import type { BaseStationReport } from '../messages/base-station.js';
import type { SarAircraftReport } from '../messages/sar-aircraft.js';
import type { PositionReportClassB, ExtendedPositionReportClassB } from '../messages/position-b.js';
import type { AidToNavigationReport } from '../messages/aid-to-navigation.js';
import type { LongRangeReport } from '../messages/long-range.js';
import type { VesselInput } from './scaled-static.js';
import {
  NOT_AVAILABLE,
  courseToRaw,
  dimensionFields,
  headingToRaw,
  latToRaw,
  lonToRaw,
  modulo360,
  speedToRaw,
  turnToRaw,
  unsignedZero,
  whole,
  type Dimensions,
} from './units.js';

/** What every position input has. */
export interface PositionInput {
  mmsi: number;
  /** Degrees north. */
  lat: number;
  /** Degrees east. */
  lon: number;
  /** Speed over ground in knots. */
  sog?: number;
  /** Course over ground in degrees. */
  cog?: number;
  /** UTC second of the fix (0-59; default 60, not available). */
  second?: number;
  /** Position accuracy better than 10 m (default false). */
  accuracy?: boolean;
  /** RAIM in use (default false). */
  raim?: boolean;
  /** Repeat indicator 0-3 (default 0). */
  repeat?: number;
}

export interface ClassAPositionInput extends PositionInput {
  /** 1 scheduled (default), 2 assigned, 3 response to interrogation. */
  type?: 1 | 2 | 3;
  /** True heading in degrees. */
  heading?: number;
  /** Rate of turn in degrees per minute, positive to starboard. */
  rot?: number;
  /** Navigational status 0-15 (default 15, not defined): 0 under way using engine, 1 at anchor, 5 moored, 7 fishing. */
  status?: number;
  /** Special manoeuvre indicator (default 0, not available). */
  maneuver?: number;
  /** Radio status, raw (default 0). */
  radio?: number;
}

/** A Class A position report (type 1, 2 or 3). */
export function positionReportClassA(input: ClassAPositionInput): PositionReportClassA {
  return {
    type: input.type ?? 1,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    status: input.status ?? NOT_AVAILABLE.status,
    turn: turnToRaw(input.rot),
    speed: speedToRaw(input.sog),
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    course: courseToRaw(input.cog),
    heading: headingToRaw(input.heading),
    second: input.second ?? NOT_AVAILABLE.second,
    maneuver: input.maneuver ?? 0,
    raim: input.raim ?? false,
    radio: input.radio ?? 0,
  };
}

/**
 * Radio status a carrier-sense Class B unit sends: selector flag 1 (ITDMA) and
 * the fixed state 1100000000000000110 (M.1371 Annex 7).
 */
const CARRIER_SENSE_RADIO = 0b1110_0000_0000_0000_0110;

export interface ClassBPositionInput extends PositionInput {
  /** True heading in degrees. */
  heading?: number;
  /** Carrier-sense unit (default true; false for SOTDMA Class B). */
  cs?: boolean;
  /** Has a display (default false). */
  display?: boolean;
  /** Has DSC (default false). */
  dsc?: boolean;
  /** Can use the whole marine band (default true). */
  band?: boolean;
  /** Accepts channel management (default true). */
  msg22?: boolean;
  /** Radio status, raw (default: what a carrier-sense unit sends, else 0). */
  radio?: number;
}

/** The fields types 18 and 19 share, from `reserved` to `regional`. */
function classBPosition(input: PositionInput & { heading?: number }) {
  return {
    reserved: 0,
    speed: speedToRaw(input.sog),
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    course: courseToRaw(input.cog),
    heading: headingToRaw(input.heading),
    second: input.second ?? NOT_AVAILABLE.second,
    regional: 0,
  };
}

/** A standard Class B position report (type 18). */
export function positionReportClassB(input: ClassBPositionInput): PositionReportClassB {
  const cs = input.cs ?? true;
  return {
    type: 18,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    ...classBPosition(input),
    cs,
    display: input.display ?? false,
    dsc: input.dsc ?? false,
    band: input.band ?? true,
    msg22: input.msg22 ?? true,
    raim: input.raim ?? false,
    radio: input.radio ?? (cs ? CARRIER_SENSE_RADIO : 0),
  };
}

export interface ExtendedClassBPositionInput extends PositionInput, VesselInput {
  heading?: number;
  /** Data terminal ready (default false: not available). */
  dte?: boolean;
  /** Assigned mode (default false). */
  assigned?: boolean;
}

/** An extended Class B position report (type 19). */
export function extendedPositionReportClassB(input: ExtendedClassBPositionInput): ExtendedPositionReportClassB {
  return {
    type: 19,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    ...classBPosition(input),
    shipname: input.shipname ?? '',
    shiptype: input.shiptype ?? 0,
    ...dimensionFields(input.dimensions),
    epfd: input.epfd ?? 0,
    raim: input.raim ?? false,
    dte: input.dte === true ? 0 : 1,
    assigned: input.assigned ?? false,
  };
}

export interface LongRangeInput extends Omit<PositionInput, 'second'> {
  /** Navigational status 0-15 (default 15, not defined). */
  status?: number;
  /** The position is older than 5 s or not from GNSS (default false: current). */
  stale?: boolean;
}

/** A long-range position report (type 27): position to 1/10 minute, whole knots and degrees. */
export function longRangeReport(input: LongRangeInput): LongRangeReport {
  // Type 27 carries 1/10 minute: the 1/10000-minute value rounded to a thousandth of it.
  const lon = lonToRaw(input.lon);
  const lat = latToRaw(input.lat);
  return {
    type: 27,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    status: input.status ?? NOT_AVAILABLE.status,
    accuracy: input.accuracy ?? false,
    lon: unsignedZero(Math.round(lon / 1000)),
    lat: unsignedZero(Math.round(lat / 1000)),
    speed: input.sog === undefined ? 63 : whole(input.sog, 62, 'sog'),
    course: input.cog === undefined ? 511 : modulo360(input.cog, 1, 'cog'),
    raim: input.raim ?? false,
    gnss: input.stale ?? false,
  };
}

export interface BaseStationInput {
  mmsi: number;
  /** UTC time of the report, ms since 1970 (default not available). */
  time?: number;
  lat: number;
  lon: number;
  /** Position fixing device (default 7, surveyed). */
  epfd?: number;
  /** 4 base station report (default), 11 UTC/date response. */
  type?: 4 | 11;
  accuracy?: boolean;
  raim?: boolean;
  radio?: number;
  repeat?: number;
}

/** A base station report (type 4, or 11). */
export function baseStationReport(input: BaseStationInput): BaseStationReport {
  let timestamp = '0000-00-00T24:60:60Z';
  if (input.time !== undefined) {
    timestamp = new Date(input.time).toISOString().slice(0, 19) + 'Z';
  }
  return {
    type: input.type ?? 4,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    timestamp,
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    epfd: input.epfd ?? 7,
    raim: input.raim ?? false,
    radio: input.radio ?? 0,
  };
}

export interface SarAircraftInput extends PositionInput {
  /** Altitude in metres (default not available; 4094 m or more → 4094). */
  altitude?: number;
}

/** A search-and-rescue aircraft position report (type 9); speed in whole knots. */
export function sarAircraftReport(input: SarAircraftInput): SarAircraftReport {
  return {
    type: 9,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    alt: input.altitude === undefined ? 4095 : whole(input.altitude, 4094, 'altitude'),
    speed: input.sog === undefined ? 1023 : whole(input.sog, 1022, 'sog'),
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    course: courseToRaw(input.cog),
    second: input.second ?? NOT_AVAILABLE.second,
    regional: 0,
    dte: 1,
    raim: input.raim ?? false,
    radio: 0,
  };
}

export interface AidToNavigationInput {
  mmsi: number;
  /** Kind of aid 0-31 (default 0, not specified): 20-23 cardinal marks, 24/25 port/starboard marks, 30 special mark. */
  aidType?: number;
  /** Name, up to 34 characters. */
  name: string;
  lat: number;
  lon: number;
  dimensions?: Dimensions;
  /** Position fixing device (default 7, surveyed). */
  epfd?: number;
  second?: number;
  /** A floating aid off its position (default false). */
  offPosition?: boolean;
  /** No physical aid: a virtual mark (default false). */
  virtual?: boolean;
  accuracy?: boolean;
  raim?: boolean;
  repeat?: number;
}

/** An aid-to-navigation report (type 21). */
export function aidToNavigationReport(input: AidToNavigationInput): AidToNavigationReport {
  return {
    type: 21,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    aid_type: input.aidType ?? 0,
    name: input.name,
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    ...dimensionFields(input.dimensions),
    epfd: input.epfd ?? 7,
    second: input.second ?? NOT_AVAILABLE.second,
    regional: 0,
    off_position: input.offPosition ?? false,
    raim: input.raim ?? false,
    virtual_aid: input.virtual ?? false,
  };
}
