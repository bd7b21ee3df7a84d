/**
 * Types 1, 2, 3: the Class A position report, the bulk of all AIS traffic.
 *
 * The decoder is straight-line code on the six-bit values at fixed offsets:
 * each field is assembled from the characters it spans (character k holds
 * bits 6k..6k+5, most significant first), with no loop, no table and no
 * intermediate string, and every result object starts from the same blank
 * with all its properties, so V8 keeps one hidden class. A receiver asked to
 * reuse reports decodes every type 1-3 into one such object.
 * A property test checks every field against the generic `uint`/`int` readers.
 */
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/**
 * A Class A position report, as gpsd prints it unscaled (`gpsdecode -u`).
 * Angles in 1/10000 minute: divide by 600000 for degrees.
 */
export interface PositionReportClassA extends MessageHeader {
  /** 1 scheduled, 2 assigned scheduled, 3 special (reply to interrogation). */
  readonly type: 1 | 2 | 3;
  /** Navigational status 0-15: 0 under way using engine, 1 at anchor, 5 moored, 7 fishing, 8 sailing, 15 not defined (default). */
  readonly status: number;
  /**
   * Rate of turn, raw signed 8 bits: ±(4.733 √(°/min)), positive to starboard;
   * ±126 is 708 °/min or more, ±127 turning without a turn indicator, -128 not available.
   */
  readonly turn: number;
  /** Speed over ground in 1/10 knot; 1022 is 102.2 knots or more, 1023 not available. */
  readonly speed: number;
  /** Position accuracy: true is high (≤ 10 m, differential), false low (> 10 m). */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Course over ground in 1/10 degree, 0-3599; 3600 not available. */
  readonly course: number;
  /** True heading in degrees, 0-359; 511 not available. */
  readonly heading: number;
  /** UTC second of the fix, 0-59; 60 not available, 61 manual input, 62 dead reckoning, 63 positioning system inoperative. */
  readonly second: number;
  /** Special manoeuvre indicator: 0 not available, 1 none, 2 engaged in a special manoeuvre (e.g. inland waterways). */
  readonly maneuver: number;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** Radio status (19 bits, SOTDMA or ITDMA communication state), raw. */
  readonly radio: number;
}

/** Bits in a standard Class A position report. */
const STANDARD_BITS = 168;
/**
 * Shortest report accepted. gpsd (driver_ais.c, citing the USCG NAVCEN page on
 * Class A reports) sees real transmitters send 163 bits; the five missing bits
 * are the end of the radio status, which is then read from the bits present.
 */
const MIN_BITS = 163;
/** Longest report accepted: gpsd sees 204-bit reports in the wild and rejects longer ones. */
const MAX_BITS = 204;

export function decodePositionReportClassA(p: Payload): PositionReportClassA | MessageFailure {
  return decodePositionReportClassAInto(p, blankPositionReportClassA());
}

/** A Class A report whose fields {@link decodePositionReportClassAInto} overwrites. */
export type ReusablePositionReportClassA = { -readonly [K in keyof PositionReportClassA]: PositionReportClassA[K] };

/** A report to decode into: every field present, so that all reports share one hidden class. */
export function blankPositionReportClassA(): ReusablePositionReportClassA {
  return { type: 1, repeat: 0, mmsi: 0, status: 15, turn: -128, speed: 1023, accuracy: false, lon: 0, lat: 0, course: 3600, heading: 511, second: 60, maneuver: 0, raim: false, radio: 0 };
}

/**
 * Decodes into `out`, overwriting every field, and returns it (or the
 * failure, leaving `out` unchanged). A consumer that copies what it keeps
 * decodes the bulk of all traffic without an object per message.
 */
export function decodePositionReportClassAInto(p: Payload, out: ReusablePositionReportClassA): PositionReportClassA | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `type 1-3 needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `type 1-3 takes at most ${MAX_BITS} bits, got ${n}`);
  const s = p.sixbits;
  const s24 = s[24]!;
  let radio = ((s24 & 1) << 18) | (s[25]! << 12) | (s[26]! << 6) | s[27]!;
  // A short report carries only the first bitLength - 149 bits of the radio status (as gpsd reads it).
  if (n < STANDARD_BITS) radio >>>= STANDARD_BITS - n;
  out.type = s[0] as 1 | 2 | 3;
  out.repeat = s[1]! >> 4;
  out.mmsi = ((s[1]! & 15) << 26) | (s[2]! << 20) | (s[3]! << 14) | (s[4]! << 8) | (s[5]! << 2) | (s[6]! >> 4);
  out.status = s[6]! & 15;
  // Shift the 8-bit field to the top of a 32-bit int and back to sign-extend it.
  out.turn = (((s[7]! << 2) | (s[8]! >> 4)) << 24) >> 24;
  out.speed = ((s[8]! & 15) << 6) | s[9]!;
  out.accuracy = (s[10]! & 32) !== 0;
  out.lon = ((((s[10]! & 31) << 23) | (s[11]! << 17) | (s[12]! << 11) | (s[13]! << 5) | (s[14]! >> 1)) << 4) >> 4;
  out.lat = ((((s[14]! & 1) << 26) | (s[15]! << 20) | (s[16]! << 14) | (s[17]! << 8) | (s[18]! << 2) | (s[19]! >> 4)) << 5) >> 5;
  out.course = ((s[19]! & 15) << 8) | (s[20]! << 2) | (s[21]! >> 4);
  out.heading = ((s[21]! & 15) << 5) | (s[22]! >> 1);
  out.second = ((s[22]! & 1) << 5) | (s[23]! >> 1);
  out.maneuver = ((s[23]! & 1) << 1) | (s24 >> 5);
  out.raim = (s24 & 2) !== 0;
  out.radio = radio;
  return out;
}
