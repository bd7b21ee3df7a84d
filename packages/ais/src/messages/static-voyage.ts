/**
 * Type 5: Class A static and voyage related data (two sentences on the wire).
 */
import { text, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** A Class A ship's identity, dimensions and voyage, as gpsd prints it unscaled. */
export interface StaticAndVoyageData extends MessageHeader {
  readonly type: 5;
  /** IMO ship identification number (7 digits); 0 not available. */
  readonly imo: number;
  /** Version of ITU-R M.1371 the station complies with: 0 is edition 1, 1-3 later editions. */
  readonly ais_version: number;
  /** Radio call sign, up to 7 characters; '' not available. */
  readonly callsign: string;
  /** Vessel name, up to 20 characters; '' not available. */
  readonly shipname: string;
  /** Ship and cargo type 0-99 (0 not available, 30 fishing, 52 tug, 6x passenger, 7x cargo, 8x tanker); 100-255 reserved. */
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
  /**
   * Estimated time of arrival, UTC, as `MM-DDTHH:MMZ` zero-padded: month 0, day 0,
   * hour 24 and minute 60 mean not available (`00-00T24:60Z` is no ETA).
   */
  readonly eta: string;
  /** Maximum present static draught in 1/10 metre, 0-255 (255 is 25.5 m or more); 0 not available. */
  readonly draught: number;
  /** Destination as typed by the crew, up to 20 characters; '' not available. */
  readonly destination: string;
  /**
   * Data terminal: 0 ready, 1 not available. Reports of 420 or 422 bits do not
   * carry this bit; for them it is 1, M.1371's default.
   */
  readonly dte: number;
}

/** Bits in a type 5 as M.1371 lays it out. */
const STATIC_VOYAGE_BITS = 424;
/**
 * Shortest type 5 accepted. gpsd (driver_ais.c) finds "a lot of transmitters in
 * the wild" sending 420 or 422 bits and decodes them: only the DTE flag (bit 422)
 * and the spare bit are missing, the destination ends at bit 421.
 */
const MIN_BITS = 420;
const DTE_BIT = 422;

/** gpsd's `%02u-%02uT%02u:%02uZ`, in one string allocation. The parts are at most 63, two digits. */
function eta(month: number, day: number, hour: number, minute: number): string {
  return String.fromCharCode(
    48 + ((month / 10) | 0), 48 + (month % 10), 45, // -
    48 + ((day / 10) | 0), 48 + (day % 10), 84, // T
    48 + ((hour / 10) | 0), 48 + (hour % 10), 58, // :
    48 + ((minute / 10) | 0), 48 + (minute % 10), 90, // Z
  );
}

/** Longer payloads are accepted, as gpsd does: the fields sit at fixed offsets. */
export function decodeStaticAndVoyageData(p: Payload): StaticAndVoyageData | MessageFailure {
  if (p.bitLength < MIN_BITS) {
    return failure(Reject.TOO_SHORT, `type 5 needs ${STATIC_VOYAGE_BITS} bits (${MIN_BITS} tolerated), got ${p.bitLength}`);
  }
  return {
    type: 5,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    imo: uint(p, 40, 30),
    ais_version: uint(p, 38, 2),
    callsign: text(p, 70, 42),
    shipname: text(p, 112, 120),
    shiptype: uint(p, 232, 8),
    to_bow: uint(p, 240, 9),
    to_stern: uint(p, 249, 9),
    to_port: uint(p, 258, 6),
    to_starboard: uint(p, 264, 6),
    epfd: uint(p, 270, 4),
    eta: eta(uint(p, 274, 4), uint(p, 278, 5), uint(p, 283, 5), uint(p, 288, 6)),
    draught: uint(p, 294, 8),
    destination: text(p, 302, 120),
    dte: p.bitLength > DTE_BIT ? uint(p, DTE_BIT, 1) : 1,
  };
}
