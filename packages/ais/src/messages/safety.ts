// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 12. */
export interface AddressedSafetyMessage extends MessageHeader {}

export function decodeAddressedSafetyMessage(p: Payload): AddressedSafetyMessage | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}

/** Message type 14. */
export interface SafetyBroadcast extends MessageHeader {}

export function decodeSafetyBroadcast(p: Payload): SafetyBroadcast | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
