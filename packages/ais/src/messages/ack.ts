/**
 * Types 7 (binary acknowledge) and 13 (safety-related acknowledge): a station
 * confirms receipt of up to four addressed messages (types 6 and 12).
 */
import { uint, type Payload } from '../bits.js';
import { uintAt } from './apps/gpsd-readers.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 7 or 13. */
export interface Acknowledge extends MessageHeader {
  readonly type: 7 | 13;
  /** MMSI of the first acknowledged sender. */
  readonly mmsi1: number;
  /** MMSI of the second acknowledged sender; 0 when the message carries fewer. */
  readonly mmsi2: number;
  /** MMSI of the third acknowledged sender; 0 when the message carries fewer. */
  readonly mmsi3: number;
  /** MMSI of the fourth acknowledged sender; 0 when the message carries fewer. */
  readonly mmsi4: number;
}

/** One acknowledgement (72 bits) to four (168), 32 bits each (30 MMSI + 2 sequence number). */
const MIN_BITS = 72;
const MAX_BITS = 168;

export function decodeAcknowledge(p: Payload): Acknowledge | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `acknowledge needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `acknowledge carries at most ${MAX_BITS} bits, got ${n}`);
  return {
    type: uint(p, 0, 6) as 7 | 13,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    mmsi1: uint(p, 40, 30),
    mmsi2: ackedMmsi(p, 1),
    mmsi3: ackedMmsi(p, 2),
    mmsi4: ackedMmsi(p, 3),
  };
}

/**
 * The MMSI of acknowledgement `k`, present as soon as one bit of it is: gpsd
 * reads a partial entry (e.g. 110 bits for two) with the missing bits as zero,
 * and real transmitters pad to a byte boundary in ways that cut entries short.
 */
function ackedMmsi(p: Payload, k: number): number {
  const at = 40 + 32 * k;
  return at < p.bitLength ? uintAt(p, at, 30) : 0;
}
