/**
 * Types 18 and 19: Class B position reports (standard and extended).
 *
 * Type 18 is frequent (every leisure craft and small workboat), so its decoder
 * is straight-line code at fixed offsets like the Class A report (see
 * position-a.ts); type 19 is rare and uses the generic readers.
 */
import { bool, int, text, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/**
 * Type 18, the standard Class B position report, as gpsd prints it unscaled.
 * gpsd does not print the assigned-mode flag (bit 146) of this type, so neither do we.
 */
export interface PositionReportClassB extends MessageHeader {
  readonly type: 18;
  /** Regional reserved bits 38-45, raw (0 unless a regional application uses them). */
  readonly reserved: number;
  /** Speed over ground in 1/10 knot; 1022 is 102.2 knots or more, 1023 not available. */
  readonly speed: number;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Course over ground in 1/10 degree, 0-3599; 3600 not available. */
  readonly course: number;
  /** True heading in degrees, 0-359; 511 not available. */
  readonly heading: number;
  /** UTC second of the fix, 0-59; 60 not available, 61 manual, 62 dead reckoning, 63 inoperative. */
  readonly second: number;
  /** Regional reserved bits 139-140, raw. */
  readonly regional: number;
  /** Class B unit type: true carrier-sense (CS), false self-organised (SOTDMA). */
  readonly cs: boolean;
  /** The unit has a display for messages 12 and 14. */
  readonly display: boolean;
  /** The unit has a DSC function (dedicated or time-shared). */
  readonly dsc: boolean;
  /** The unit can use the whole marine band (channel management by type 22). */
  readonly band: boolean;
  /** The unit accepts channel management by message type 22. */
  readonly msg22: boolean;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** Radio status (20 bits: a flag, then SOTDMA or ITDMA communication state), raw. */
  readonly radio: number;
}

/** Type 19, the extended Class B report: position plus name, type and dimensions. */
export interface ExtendedPositionReportClassB extends MessageHeader {
  readonly type: 19;
  /** Regional reserved bits 38-45, raw. */
  readonly reserved: number;
  /** Speed over ground in 1/10 knot; 1022 is 102.2 knots or more, 1023 not available. */
  readonly speed: number;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Course over ground in 1/10 degree, 0-3599; 3600 not available. */
  readonly course: number;
  /** True heading in degrees, 0-359; 511 not available. */
  readonly heading: number;
  /** UTC second of the fix, 0-59; 60 not available, 61 manual, 62 dead reckoning, 63 inoperative. */
  readonly second: number;
  /** Regional reserved bits 139-142, raw. */
  readonly regional: number;
  /** Vessel name, up to 20 characters; '' not available. */
  readonly shipname: string;
  /** Ship and cargo type 0-99 (0 not available, 30 fishing, 37 pleasure craft, 52 tug, 6x passenger, 7x cargo, 8x tanker). */
  readonly shiptype: number;
  /** Metres from the position reference point to the bow, 0-511 (511 is 511 m or more); 0 not available. */
  readonly to_bow: number;
  /** Metres from the reference point to the stern, 0-511; 0 not available. */
  readonly to_stern: number;
  /** Metres from the reference point to port, 0-63 (63 is 63 m or more); 0 not available. */
  readonly to_port: number;
  /** Metres from the reference point to starboard, 0-63; 0 not available. */
  readonly to_starboard: number;
  /** Position fixing device: 0 undefined, 1 GPS, 2 GLONASS, 3 GPS/GLONASS, 4 Loran-C, 5 Chayka, 6 integrated, 7 surveyed, 8 Galileo, 15 internal GNSS. */
  readonly epfd: number;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** Data terminal: 0 ready, 1 not available. */
  readonly dte: number;
  /** Station in assigned mode (commanded by a type 16). */
  readonly assigned: boolean;
}

const CLASS_B_BITS = 168;
const EXTENDED_CLASS_B_BITS = 312;

/** Longer type 18 reports are accepted (as gpsd does): the fields sit at fixed offsets and the tail is ignored. */
export function decodePositionReportClassB(p: Payload): PositionReportClassB | MessageFailure {
  return decodePositionReportClassBInto(p, blankPositionReportClassB());
}

/** A Class B report whose fields {@link decodePositionReportClassBInto} overwrites. */
export type ReusablePositionReportClassB = { -readonly [K in keyof PositionReportClassB]: PositionReportClassB[K] };

/** A report to decode into: every field present, so that all reports share one hidden class. */
export function blankPositionReportClassB(): ReusablePositionReportClassB {
  return { type: 18, repeat: 0, mmsi: 0, reserved: 0, speed: 1023, accuracy: false, lon: 0, lat: 0, course: 3600, heading: 511, second: 60, regional: 0, cs: false, display: false, dsc: false, band: false, msg22: false, raim: false, radio: 0 };
}

/**
 * Decodes into `out`, overwriting every field, and returns it (or the
 * failure, leaving `out` unchanged), as the Class A decoder does.
 */
export function decodePositionReportClassBInto(p: Payload, out: ReusablePositionReportClassB): PositionReportClassB | MessageFailure {
  if (p.bitLength < CLASS_B_BITS) return failure(Reject.TOO_SHORT, `type 18 needs ${CLASS_B_BITS} bits, got ${p.bitLength}`);
  const s = p.sixbits;
  const s23 = s[23]!;
  const s24 = s[24]!;
  out.type = 18;
  out.repeat = s[1]! >> 4;
  out.mmsi = ((s[1]! & 15) << 26) | (s[2]! << 20) | (s[3]! << 14) | (s[4]! << 8) | (s[5]! << 2) | (s[6]! >> 4);
  out.reserved = ((s[6]! & 15) << 4) | (s[7]! >> 2);
  out.speed = ((s[7]! & 3) << 8) | (s[8]! << 2) | (s[9]! >> 4);
  out.accuracy = (s[9]! & 8) !== 0;
  // Shift the field to the top of a 32-bit int and back to sign-extend it.
  out.lon = ((((s[9]! & 7) << 25) | (s[10]! << 19) | (s[11]! << 13) | (s[12]! << 7) | (s[13]! << 1) | (s[14]! >> 5)) << 4) >> 4;
  out.lat = ((((s[14]! & 31) << 22) | (s[15]! << 16) | (s[16]! << 10) | (s[17]! << 4) | (s[18]! >> 2)) << 5) >> 5;
  out.course = ((s[18]! & 3) << 10) | (s[19]! << 4) | (s[20]! >> 2);
  out.heading = ((s[20]! & 3) << 7) | (s[21]! << 1) | (s[22]! >> 5);
  out.second = ((s[22]! & 31) << 1) | (s23 >> 5);
  out.regional = (s23 >> 3) & 3;
  out.cs = (s23 & 4) !== 0;
  out.display = (s23 & 2) !== 0;
  out.dsc = (s23 & 1) !== 0;
  out.band = (s24 & 32) !== 0;
  out.msg22 = (s24 & 16) !== 0;
  out.raim = (s24 & 4) !== 0;
  out.radio = ((s24 & 3) << 18) | (s[25]! << 12) | (s[26]! << 6) | s[27]!;
  return out;
}

/** Longer type 19 reports are accepted, as gpsd does. */
export function decodeExtendedPositionReportClassB(p: Payload): ExtendedPositionReportClassB | MessageFailure {
  if (p.bitLength < EXTENDED_CLASS_B_BITS) {
    return failure(Reject.TOO_SHORT, `type 19 needs ${EXTENDED_CLASS_B_BITS} bits, got ${p.bitLength}`);
  }
  return {
    type: 19,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    reserved: uint(p, 38, 8),
    speed: uint(p, 46, 10),
    accuracy: bool(p, 56),
    lon: int(p, 57, 28),
    lat: int(p, 85, 27),
    course: uint(p, 112, 12),
    heading: uint(p, 124, 9),
    second: uint(p, 133, 6),
    regional: uint(p, 139, 4),
    shipname: text(p, 143, 120),
    shiptype: uint(p, 263, 8),
    to_bow: uint(p, 271, 9),
    to_stern: uint(p, 280, 9),
    to_port: uint(p, 289, 6),
    to_starboard: uint(p, 295, 6),
    epfd: uint(p, 301, 4),
    raim: bool(p, 305),
    dte: uint(p, 306, 1),
    assigned: bool(p, 307),
  };
}
