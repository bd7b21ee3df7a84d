/**
 * Type 15: a station (usually a base station) asks one or two others to
 * transmit given message types, optionally in given slots.
 */
import { uint, type Payload } from '../bits.js';
import { uintAt } from './apps/gpsd-readers.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/**
 * Message type 15. Requests a payload does not carry read as 0, which is
 * also what a sender puts in an unused request.
 */
export interface Interrogation extends MessageHeader {
  readonly type: 15;
  /** First interrogated station. */
  readonly mmsi1: number;
  /** Message type requested from `mmsi1`. */
  readonly type1_1: number;
  /** Slot offset for that reply; 0 = the station chooses. */
  readonly offset1_1: number;
  /** Second message type requested from `mmsi1`; 0 = none. */
  readonly type1_2: number;
  /** Slot offset for that reply. */
  readonly offset1_2: number;
  /** Second interrogated station; 0 = none. */
  readonly mmsi2: number;
  /** Message type requested from `mmsi2`. */
  readonly type2_1: number;
  /** Slot offset for that reply. */
  readonly offset2_1: number;
}

/** One request (88 bits) to three (160, often padded to 168). */
const MIN_BITS = 88;
const MAX_BITS = 168;

export function decodeInterrogation(p: Payload): Interrogation | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `interrogation needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `interrogation carries at most ${MAX_BITS} bits, got ${n}`);
  // gpsd's cut points: the second request exists past bit 90, the second station past bit 110;
  // a request cut short reads its missing bits as zero (110-bit senders exist, see AIVDM).
  const second = n > 90;
  const third = second && n > 110;
  return {
    type: 15,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    mmsi1: uint(p, 40, 30),
    type1_1: uint(p, 70, 6),
    offset1_1: uint(p, 76, 12),
    type1_2: second ? uintAt(p, 90, 6) : 0,
    offset1_2: second ? uintAt(p, 96, 12) : 0,
    mmsi2: third ? uintAt(p, 110, 30) : 0,
    type2_1: third ? uintAt(p, 140, 6) : 0,
    offset2_1: third ? uintAt(p, 146, 12) : 0,
  };
}
