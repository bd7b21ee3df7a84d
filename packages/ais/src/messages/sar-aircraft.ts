/**
 * Type 9: standard search-and-rescue aircraft position report.
 */
import { bool, int, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/**
 * A SAR aircraft (or helicopter) position, as gpsd prints it unscaled.
 * gpsd does not print the assigned-mode flag (bit 146), so neither do we.
 */
export interface SarAircraftReport extends MessageHeader {
  readonly type: 9;
  /** Altitude in metres (GNSS), 0-4094; 4094 is 4094 m or higher, 4095 not available. */
  readonly alt: number;
  /** Speed over ground in whole knots, 0-1022; 1022 is 1022 knots or more, 1023 not available. */
  readonly speed: number;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Course over ground in 1/10 degree, 0-3599; 3600 not available. */
  readonly course: number;
  /** UTC second of the fix, 0-59; 60 not available, 61 manual, 62 dead reckoning, 63 inoperative. */
  readonly second: number;
  /** Regional reserved bits 134-141, raw. */
  readonly regional: number;
  /** Data terminal: 0 ready, 1 not available. */
  readonly dte: number;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** Radio status (20 bits: a flag, then SOTDMA or ITDMA communication state), raw. */
  readonly radio: number;
}

const SAR_AIRCRAFT_BITS = 168;

/** Longer reports are accepted, as gpsd does: the fields sit at fixed offsets. */
export function decodeSarAircraftReport(p: Payload): SarAircraftReport | MessageFailure {
  if (p.bitLength < SAR_AIRCRAFT_BITS) {
    return failure(Reject.TOO_SHORT, `type 9 needs ${SAR_AIRCRAFT_BITS} bits, got ${p.bitLength}`);
  }
  return {
    type: 9,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    alt: uint(p, 38, 12),
    speed: uint(p, 50, 10),
    accuracy: bool(p, 60),
    lon: int(p, 61, 28),
    lat: int(p, 89, 27),
    course: uint(p, 116, 12),
    second: uint(p, 128, 6),
    regional: uint(p, 134, 8),
    dte: uint(p, 142, 1),
    raim: bool(p, 147),
    radio: uint(p, 148, 20),
  };
}
