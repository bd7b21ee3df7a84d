/**
 * Type 21: aid-to-navigation report (buoys, beacons, lights, virtual marks).
 */
import { bool, int, text, uint, untrimmedText, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/**
 * An aid to navigation, as gpsd prints it unscaled. gpsd does not print the
 * assigned-mode flag (bit 270), so neither do we.
 */
export interface AidToNavigationReport extends MessageHeader {
  readonly type: 21;
  /**
   * Kind of aid 0-31: 0 not specified, 1 reference point, 2 RACON, 3 fixed
   * structure, 5-19 fixed lights and beacons, 20-23 cardinal marks N/E/S/W,
   * 24-30 lateral and other marks, 31 light vessel / LANBY / rig.
   */
  readonly aid_type: number;
  /**
   * Name, up to 34 characters: the 20-character name field, continued by the
   * name extension (up to 14 more) when the name field is full.
   */
  readonly name: string;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Metres from the reference point to the bow (north side for a buoy), 0-511; 0 not available. */
  readonly to_bow: number;
  /** Metres from the reference point to the stern, 0-511; 0 not available. */
  readonly to_stern: number;
  /** Metres from the reference point to port, 0-63; 0 not available. */
  readonly to_port: number;
  /** Metres from the reference point to starboard, 0-63; 0 not available. */
  readonly to_starboard: number;
  /** Position fixing device: 0 undefined, 1 GPS, 2 GLONASS, 3 GPS/GLONASS, 4 Loran-C, 5 Chayka, 6 integrated, 7 surveyed, 8 Galileo, 15 internal GNSS. */
  readonly epfd: number;
  /** UTC second of the report, 0-59; 60 not available, 61 manual, 62 dead reckoning, 63 inoperative. */
  readonly second: number;
  /** Regional reserved bits 260-267, raw. */
  readonly regional: number;
  /** A floating aid is off its charted position (meaningful only when `second` ≤ 59). */
  readonly off_position: boolean;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** The aid is virtual: no physical mark, the report is synthesised by a shore station. */
  readonly virtual_aid: boolean;
}

/** Bits without a name extension. */
const AID_BITS = 272;
/**
 * Longest report accepted, as gpsd's range check: 272 bits, a name extension of
 * up to 14 characters (84 bits) and padding to a byte boundary, with slack.
 */
const MAX_BITS = 368;
/** The name extension holds at most 14 characters (M.1371, and gpsd reads no more). */
const MAX_EXTENSION_BITS = 14 * 6;

export function decodeAidToNavigationReport(p: Payload): AidToNavigationReport | MessageFailure {
  const n = p.bitLength;
  if (n < AID_BITS) return failure(Reject.TOO_SHORT, `type 21 needs ${AID_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `type 21 takes at most ${MAX_BITS} bits, got ${n}`);
  let name = untrimmedText(p, 43, 120);
  // Only a full name field (no `@` padding) is continued by the extension.
  if (name.length === 20 && n > AID_BITS) name += text(p, AID_BITS, Math.min(MAX_EXTENSION_BITS, n - AID_BITS));
  return {
    type: 21,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    aid_type: uint(p, 38, 5),
    name: name.trimEnd(),
    accuracy: bool(p, 163),
    lon: int(p, 164, 28),
    lat: int(p, 192, 27),
    to_bow: uint(p, 219, 9),
    to_stern: uint(p, 228, 9),
    to_port: uint(p, 237, 6),
    to_starboard: uint(p, 243, 6),
    epfd: uint(p, 249, 4),
    second: uint(p, 253, 6),
    regional: uint(p, 260, 8),
    off_position: bool(p, 259),
    raim: bool(p, 268),
    virtual_aid: bool(p, 269),
  };
}
