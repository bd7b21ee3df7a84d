/**
 * Type 24: Class B static data report, sent in two independent parts.
 *
 * Part A carries the name, part B the type, vendor, call sign and dimensions.
 * Each part is its own message here, as `gpsdecode -s` prints them: pairing
 * parts of one vessel is the tracker's job, which knows the vessel.
 */
import { text, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Part A (part number 0): the vessel name. */
export interface StaticDataReportPartA extends MessageHeader {
  readonly type: 24;
  readonly part: 'A';
  /** Vessel name, up to 20 characters; '' not available. */
  readonly shipname: string;
}

/** The fields every part B carries. */
interface StaticDataReportPartBCommon extends MessageHeader {
  readonly type: 24;
  readonly part: 'B';
  /** Ship and cargo type 0-99 (0 not available, 30 fishing, 36 sailing, 37 pleasure craft); 100-255 reserved. */
  readonly shiptype: number;
  /**
   * Vendor ID as gpsd prints it: the 7 characters of bits 48-89, cut at the
   * first `@`. Since M.1371-4 only the first 3 characters are the manufacturer
   * and bits 66-89 are `model` and `serial`, so older and newer units both
   * print their whole vendor field here.
   */
  readonly vendorid: string;
  /** Unit model code, bits 66-69 (M.1371-4); 0 not available. */
  readonly model: number;
  /** Unit serial number, bits 70-89 (M.1371-4); 0 not available. */
  readonly serial: number;
  /** Radio call sign, up to 7 characters; '' not available. */
  readonly callsign: string;
}

/** Part B of a vessel (any MMSI but an auxiliary craft's): dimensions. */
export interface StaticDataReportPartB extends StaticDataReportPartBCommon {
  /** Metres from the position reference point to the bow, 0-511 (511 is 511 m or more); 0 not available. */
  readonly to_bow: number;
  /** Metres from the reference point to the stern, 0-511; 0 not available. */
  readonly to_stern: number;
  /** Metres from the reference point to port, 0-63 (63 is 63 m or more); 0 not available. */
  readonly to_port: number;
  /** Metres from the reference point to starboard, 0-63; 0 not available. */
  readonly to_starboard: number;
}

/**
 * Part B of an auxiliary craft (MMSI 98MIDxxxx, a tender or daughter boat):
 * the mothership's MMSI where others carry their dimensions.
 */
export interface AuxiliaryCraftStaticDataReportPartB extends StaticDataReportPartBCommon {
  /** MMSI of the ship the craft belongs to; 0 not available. */
  readonly mothership_mmsi: number;
}

export type StaticDataReport = StaticDataReportPartA | StaticDataReportPartB | AuxiliaryCraftStaticDataReportPartB;

/** M.1371 lays part A out in 160 bits. */
const PART_A_BITS = 160;
/** gpsd's range check for part A: some units pad it to a full 168-bit slot. */
const PART_A_MAX_BITS = 168;
const PART_B_BITS = 168;

/** An auxiliary craft's MMSI has the form 98MIDxxxx (M.585 Annex 2). */
export function isAuxiliaryCraft(mmsi: number): boolean {
  return Math.floor(mmsi / 10_000_000) === 98;
}

export function decodeStaticDataReport(p: Payload): StaticDataReport | MessageFailure {
  const n = p.bitLength;
  if (n < 40) return failure(Reject.TOO_SHORT, `type 24 needs 40 bits for its part number, got ${n}`);
  const partNumber = uint(p, 38, 2);
  const mmsi = uint(p, 8, 30);
  if (partNumber === 0) {
    if (n < PART_A_BITS) return failure(Reject.TOO_SHORT, `type 24 part A needs ${PART_A_BITS} bits, got ${n}`);
    if (n > PART_A_MAX_BITS) return failure(Reject.TOO_LONG, `type 24 part A takes at most ${PART_A_MAX_BITS} bits, got ${n}`);
    return { type: 24, repeat: uint(p, 6, 2), mmsi, part: 'A', shipname: text(p, 40, 120) };
  }
  // Parts C and D (2, 3) are not defined by M.1371: not a message we know.
  if (partNumber !== 1) return failure(Reject.UNKNOWN_TYPE, `type 24 part number ${partNumber}`);
  // Longer part B reports are accepted, as gpsd does: the fields sit at fixed offsets.
  if (n < PART_B_BITS) return failure(Reject.TOO_SHORT, `type 24 part B needs ${PART_B_BITS} bits, got ${n}`);
  if (isAuxiliaryCraft(mmsi)) {
    return {
      type: 24,
      repeat: uint(p, 6, 2),
      mmsi,
      part: 'B',
      shiptype: uint(p, 40, 8),
      vendorid: text(p, 48, 42),
      model: uint(p, 66, 4),
      serial: uint(p, 70, 20),
      callsign: text(p, 90, 42),
      mothership_mmsi: uint(p, 132, 30),
    };
  }
  return {
    type: 24,
    repeat: uint(p, 6, 2),
    mmsi,
    part: 'B',
    shiptype: uint(p, 40, 8),
    vendorid: text(p, 48, 42),
    model: uint(p, 66, 4),
    serial: uint(p, 70, 20),
    callsign: text(p, 90, 42),
    to_bow: uint(p, 132, 9),
    to_stern: uint(p, 141, 9),
    to_port: uint(p, 150, 6),
    to_starboard: uint(p, 156, 6),
  };
}
