/**
 * Static messages from everyday units: names, dimensions in metres, draught,
 * ETA as a time. See scaled.ts for the conventions.
 */
import type { StaticAndVoyageData } from '../messages/static-voyage.js';
import {
  isAuxiliaryCraft,
  type AuxiliaryCraftStaticDataReportPartB,
  type StaticDataReportPartA,
  type StaticDataReportPartB,
} from '../messages/static-b.js';
import { vendorIdOf } from './static.js';
import { check, dimensionFields, whole, type Dimensions } from './units.js';

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
