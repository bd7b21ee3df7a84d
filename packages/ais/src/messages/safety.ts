/**
 * Types 12 (addressed) and 14 (broadcast) safety-related messages: free
 * six-bit text, as long as the payload.
 */
import { uint, bool, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import { trailingText } from './apps/gpsd-readers.js';
import type { MessageHeader } from './header.js';

/** Message type 12. */
export interface AddressedSafetyMessage extends MessageHeader {
  readonly type: 12;
  /** Sequence number 0-3, echoed by the type 13 acknowledgement. */
  readonly seqno: number;
  /** MMSI of the addressee. */
  readonly dest_mmsi: number;
  /** True when this is a retransmission. */
  readonly retransmit: boolean;
  /** Up to 156 characters; trailing `@` padding and spaces removed. */
  readonly text: string;
}

/** Message type 14. */
export interface SafetyBroadcast extends MessageHeader {
  readonly type: 14;
  /** Up to 161 characters; trailing `@` padding and spaces removed. */
  readonly text: string;
}

/** Header only (empty text) to five slots, as gpsd 3.22 accepts. */
const ADDRESSED_MIN = 72;
const ADDRESSED_MAX = 1008;
const BROADCAST_MIN = 40;
const BROADCAST_MAX = 1008;

export function decodeAddressedSafetyMessage(p: Payload): AddressedSafetyMessage | MessageFailure {
  const n = p.bitLength;
  if (n < ADDRESSED_MIN) return failure(Reject.TOO_SHORT, `addressed safety message needs ${ADDRESSED_MIN} bits, got ${n}`);
  if (n > ADDRESSED_MAX) return failure(Reject.TOO_LONG, `addressed safety message carries at most ${ADDRESSED_MAX} bits, got ${n}`);
  return {
    type: 12,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    seqno: uint(p, 38, 2),
    dest_mmsi: uint(p, 40, 30),
    retransmit: bool(p, 70),
    text: trailingText(p, 72),
  };
}

export function decodeSafetyBroadcast(p: Payload): SafetyBroadcast | MessageFailure {
  const n = p.bitLength;
  if (n < BROADCAST_MIN) return failure(Reject.TOO_SHORT, `safety broadcast needs ${BROADCAST_MIN} bits, got ${n}`);
  if (n > BROADCAST_MAX) return failure(Reject.TOO_LONG, `safety broadcast carries at most ${BROADCAST_MAX} bits, got ${n}`);
  return { type: 14, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30), text: trailingText(p, 40) };
}
