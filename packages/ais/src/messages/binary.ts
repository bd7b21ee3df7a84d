// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 6. */
export interface AddressedBinary extends MessageHeader {}

export function decodeAddressedBinary(p: Payload): AddressedBinary | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}

/** Message type 8. */
export interface BroadcastBinary extends MessageHeader {}

export function decodeBroadcastBinary(p: Payload): BroadcastBinary | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}

/** Message type 25. */
export interface SingleSlotBinary extends MessageHeader {}

export function decodeSingleSlotBinary(p: Payload): SingleSlotBinary | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}

/** Message type 26. */
export interface MultiSlotBinary extends MessageHeader {}

export function decodeMultiSlotBinary(p: Payload): MultiSlotBinary | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
