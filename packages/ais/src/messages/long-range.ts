/**
 * Type 27: long-range position report, the short form Class A units send for
 * satellite reception (coarse position, whole knots and degrees).
 */
import { bool, int, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** A long-range position report, as gpsd prints it unscaled. Angles in 1/10 minute: divide by 600 for degrees. */
export interface LongRangeReport extends MessageHeader {
  readonly type: 27;
  /** Navigational status 0-15, as in the Class A report (15 not defined). */
  readonly status: number;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10 minute, east positive; 108600 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10 minute, north positive; 54600 (91°) not available. */
  readonly lat: number;
  /** Speed over ground in whole knots, 0-62; 63 not available. */
  readonly speed: number;
  /** Course over ground in whole degrees, 0-359; 511 not available. */
  readonly course: number;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /**
   * Position latency (M.1371-5): false the position is a current GNSS fix, under
   * 5 s old; true it is older or not from GNSS (the default).
   */
  readonly gnss: boolean;
}

const LONG_RANGE_BITS = 96;
/**
 * Some transmitters send type 27 in a full 168-bit slot; gpsd (driver_ais.c)
 * records it as "an implementation error observed in the wild" and decodes it.
 * gpsd rejects every other length, and so do we.
 */
const FULL_SLOT_BITS = 168;

export function decodeLongRangeReport(p: Payload): LongRangeReport | MessageFailure {
  const n = p.bitLength;
  if (n < LONG_RANGE_BITS) return failure(Reject.TOO_SHORT, `type 27 needs ${LONG_RANGE_BITS} bits, got ${n}`);
  if (n !== LONG_RANGE_BITS && n !== FULL_SLOT_BITS) {
    return failure(Reject.TOO_LONG, `type 27 is ${LONG_RANGE_BITS} bits (or a ${FULL_SLOT_BITS}-bit slot), got ${n}`);
  }
  return {
    type: 27,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    status: uint(p, 40, 4),
    accuracy: bool(p, 38),
    lon: int(p, 44, 18),
    lat: int(p, 62, 17),
    speed: uint(p, 79, 6),
    course: uint(p, 85, 9),
    raim: bool(p, 39),
    gnss: bool(p, 94),
  };
}
