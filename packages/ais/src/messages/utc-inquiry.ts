/** Type 10: a station asks another (usually a base station) for UTC time and date. */
import { uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 10. */
export interface UtcInquiry extends MessageHeader {
  readonly type: 10;
  /** MMSI of the station asked. */
  readonly dest_mmsi: number;
}

/** 72 bits; longer payloads are accepted (gpsd warns and decodes them too). */
const MIN_BITS = 72;

export function decodeUtcInquiry(p: Payload): UtcInquiry | MessageFailure {
  if (p.bitLength < MIN_BITS) return failure(Reject.TOO_SHORT, `UTC inquiry needs ${MIN_BITS} bits, got ${p.bitLength}`);
  return { type: 10, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30), dest_mmsi: uint(p, 40, 30) };
}
