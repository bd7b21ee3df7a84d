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
import type { StaticAndVoyageData } from '../messages/static-voyage.js';
import type { SarAircraftReport } from '../messages/sar-aircraft.js';
import type { PositionReportClassB, ExtendedPositionReportClassB } from '../messages/position-b.js';
import type { AidToNavigationReport } from '../messages/aid-to-navigation.js';
import {
  isAuxiliaryCraft,
  type AuxiliaryCraftStaticDataReportPartB,
  type StaticDataReportPartA,
  type StaticDataReportPartB,
} from '../messages/static-b.js';
import type { LongRangeReport } from '../messages/long-range.js';
import { vendorIdOf } from './static.js';

/** The raw "not available" values of the common fields. */
export const NOT_AVAILABLE = {
  /** 181° in 1/10000 minute (types 1-4, 9, 11, 18, 19, 21). */
  lon: 108_600_000,
  /** 91° in 1/10000 minute. */
  lat: 54_600_000,
  /** 181° in 1/10 minute (type 27). */
  lonLongRange: 108_600,
  /** 91° in 1/10 minute (type 27). */
  latLongRange: 54_600,
  /** Speed in 1/10 knot (types 1-3, 18, 19). */
  speed: 1023,
  /** Course in 1/10 degree. */
  course: 3600,
  heading: 511,
  second: 60,
  turn: -128,
  /** Navigational status "not defined". */
  status: 15,
} as const;

/** `-0` (from rounding a small negative value) as `0`, the only zero a decoder returns. */
function unsignedZero(v: number): number {
  return v + 0;
}

function check(ok: boolean, field: string, value: unknown, expected: string): void {
  if (!ok) throw new RangeError(`${field} = ${String(value)}: ${expected}`);
}

/** Degrees east → 1/10000 minute; undefined or 181 → not available. */
export function lonToRaw(degrees: number | undefined): number {
  if (degrees === undefined || degrees === 181) return NOT_AVAILABLE.lon;
  check(Math.abs(degrees) <= 180, 'lon', degrees, 'not -180..180 degrees');
  return unsignedZero(Math.round(degrees * 600_000));
}

/** Degrees north → 1/10000 minute; undefined or 91 → not available. */
export function latToRaw(degrees: number | undefined): number {
  if (degrees === undefined || degrees === 91) return NOT_AVAILABLE.lat;
  check(Math.abs(degrees) <= 90, 'lat', degrees, 'not -90..90 degrees');
  return unsignedZero(Math.round(degrees * 600_000));
}

/** Knots → 1/10 knot, 102.2 knots or more → 1022; undefined → not available. */
export function speedToRaw(knots: number | undefined): number {
  if (knots === undefined) return NOT_AVAILABLE.speed;
  check(knots >= 0, 'sog', knots, 'negative');
  return Math.min(1022, Math.round(knots * 10));
}

/** Degrees (any, taken modulo 360) in units of 1/`perDegree` degree, 0 to 360 × perDegree − 1. */
function modulo360(degrees: number, perDegree: number, field: string): number {
  check(Number.isFinite(degrees), field, degrees, 'not a number of degrees');
  const full = 360 * perDegree;
  return unsignedZero(((Math.round(degrees * perDegree) % full) + full) % full);
}

/** Degrees (any, taken modulo 360) → 1/10 degree 0-3599; undefined → not available. */
export function courseToRaw(degrees: number | undefined): number {
  return degrees === undefined ? NOT_AVAILABLE.course : modulo360(degrees, 10, 'cog');
}

/** Degrees (any, modulo 360) → whole degrees 0-359; undefined → not available. */
export function headingToRaw(degrees: number | undefined): number {
  return degrees === undefined ? NOT_AVAILABLE.heading : modulo360(degrees, 1, 'heading');
}

/**
 * Rate of turn in degrees per minute (positive to starboard) → the raw
 * ±4.733 √rate, 708 °/min or more → ±126; undefined → not available.
 */
export function turnToRaw(degreesPerMinute: number | undefined): number {
  if (degreesPerMinute === undefined) return NOT_AVAILABLE.turn;
  check(Number.isFinite(degreesPerMinute), 'rot', degreesPerMinute, 'not a number of degrees per minute');
  const raw = Math.min(126, Math.round(4.733 * Math.sqrt(Math.abs(degreesPerMinute))));
  return degreesPerMinute < 0 ? unsignedZero(-raw) : raw;
}

/** Metres from the position reference point to each side of the hull. */
export interface Dimensions {
  toBow: number;
  toStern: number;
  toPort: number;
  toStarboard: number;
}

/** A whole number of units (metres, knots), at most `max` (the field's "or more" value). */
function whole(value: number, max: number, field: string): number {
  check(value >= 0, field, value, 'negative');
  return Math.min(max, Math.round(value));
}

function dimensionFields(d: Dimensions | undefined) {
  if (d === undefined) return { to_bow: 0, to_stern: 0, to_port: 0, to_starboard: 0 };
  return {
    to_bow: whole(d.toBow, 511, 'toBow'),
    to_stern: whole(d.toStern, 511, 'toStern'),
    to_port: whole(d.toPort, 63, 'toPort'),
    to_starboard: whole(d.toStarboard, 63, 'toStarboard'),
  };
}

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

/** A standard Class B position report (type 18). */
export function positionReportClassB(input: ClassBPositionInput): PositionReportClassB {
  const cs = input.cs ?? true;
  return {
    type: 18,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    reserved: 0,
    speed: speedToRaw(input.sog),
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    course: courseToRaw(input.cog),
    heading: headingToRaw(input.heading),
    second: input.second ?? NOT_AVAILABLE.second,
    regional: 0,
    cs,
    display: input.display ?? false,
    dsc: input.dsc ?? false,
    band: input.band ?? true,
    msg22: input.msg22 ?? true,
    raim: input.raim ?? false,
    radio: input.radio ?? (cs ? CARRIER_SENSE_RADIO : 0),
  };
}

/** What static inputs describe of the vessel. */
export interface VesselInput {
  /** Vessel name, up to 20 characters. */
  shipname?: string;
  /** Ship and cargo type 0-99 (default 0, not available): 30 fishing, 37 pleasure, 52 tug, 60 passenger, 70 cargo, 80 tanker. */
  shiptype?: number;
  dimensions?: Dimensions;
  /** Position fixing device (default 0, undefined; 1 GPS). */
  epfd?: number;
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
    reserved: 0,
    speed: speedToRaw(input.sog),
    accuracy: input.accuracy ?? false,
    lon: lonToRaw(input.lon),
    lat: latToRaw(input.lat),
    course: courseToRaw(input.cog),
    heading: headingToRaw(input.heading),
    second: input.second ?? NOT_AVAILABLE.second,
    regional: 0,
    shipname: input.shipname ?? '',
    shiptype: input.shiptype ?? 0,
    ...dimensionFields(input.dimensions),
    epfd: input.epfd ?? 0,
    raim: input.raim ?? false,
    dte: input.dte === true ? 0 : 1,
    assigned: input.assigned ?? false,
  };
}

export interface StaticAndVoyageInput extends VesselInput {
  mmsi: number;
  /** IMO number (default 0, not available). */
  imo?: number;
  /** Call sign, up to 7 characters. */
  callsign?: string;
  /** Estimated time of arrival, ms since 1970 UTC (default not available). */
  eta?: number;
  /** Draught in metres (default 0, not available; 25.5 m or more → 25.5). */
  draught?: number;
  /** Destination, up to 20 characters. */
  destination?: string;
  /** Data terminal ready (default false: not available). */
  dte?: boolean;
  /** M.1371 edition the unit complies with, 0-3 (default 0). */
  aisVersion?: number;
  repeat?: number;
}

const TWO_DIGITS = (v: number): string => String(v).padStart(2, '0');

/** A Class A static and voyage data report (type 5). */
export function staticAndVoyageData(input: StaticAndVoyageInput): StaticAndVoyageData {
  let eta = '00-00T24:60Z';
  if (input.eta !== undefined) {
    const t = new Date(input.eta);
    check(!Number.isNaN(t.getTime()), 'eta', input.eta, 'not a time');
    eta = `${TWO_DIGITS(t.getUTCMonth() + 1)}-${TWO_DIGITS(t.getUTCDate())}T${TWO_DIGITS(t.getUTCHours())}:${TWO_DIGITS(t.getUTCMinutes())}Z`;
  }
  return {
    type: 5,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    imo: input.imo ?? 0,
    ais_version: input.aisVersion ?? 0,
    callsign: input.callsign ?? '',
    shipname: input.shipname ?? '',
    shiptype: input.shiptype ?? 0,
    ...dimensionFields(input.dimensions),
    epfd: input.epfd ?? 0,
    eta,
    draught: input.draught === undefined ? 0 : whole(input.draught * 10, 255, 'draught'),
    destination: input.destination ?? '',
    dte: input.dte === true ? 0 : 1,
  };
}

/** A Class B static data report part A (type 24): the name. */
export function staticDataReportPartA(input: { mmsi: number; shipname: string; repeat?: number }): StaticDataReportPartA {
  return { type: 24, repeat: input.repeat ?? 0, mmsi: input.mmsi, part: 'A', shipname: input.shipname };
}

export interface StaticDataPartBInput {
  mmsi: number;
  /** Ship and cargo type (default 0, not available; 37 pleasure craft). */
  shiptype?: number;
  /** Manufacturer's three-character ID. */
  vendor?: string;
  /** Unit model 0-15 (default 0). */
  model?: number;
  /** Unit serial number 0-1048575 (default 0). */
  serial?: number;
  callsign?: string;
  /** For vessels: dimensions. */
  dimensions?: Dimensions;
  /** For auxiliary craft (MMSI 98MIDxxxx): the mothership's MMSI. */
  mothershipMmsi?: number;
  repeat?: number;
}

/**
 * A Class B static data report part B (type 24): an auxiliary craft's
 * (MMSI 98MIDxxxx) carries its mothership's MMSI, any other its dimensions.
 */
export function staticDataReportPartB(input: StaticDataPartBInput): StaticDataReportPartB | AuxiliaryCraftStaticDataReportPartB {
  const model = input.model ?? 0;
  const serial = input.serial ?? 0;
  const common = {
    type: 24,
    repeat: input.repeat ?? 0,
    mmsi: input.mmsi,
    part: 'B',
    shiptype: input.shiptype ?? 0,
    vendorid: vendorIdOf(input.vendor ?? '', model, serial),
    model,
    serial,
    callsign: input.callsign ?? '',
  } as const;
  if (isAuxiliaryCraft(input.mmsi)) return { ...common, mothership_mmsi: input.mothershipMmsi ?? 0 };
  check(input.mothershipMmsi === undefined, 'mothershipMmsi', input.mothershipMmsi, `MMSI ${input.mmsi} is not an auxiliary craft's`);
  return { ...common, ...dimensionFields(input.dimensions) };
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
