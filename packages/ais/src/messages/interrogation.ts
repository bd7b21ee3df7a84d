// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 15. */
export interface Interrogation extends MessageHeader {}

export function decodeInterrogation(p: Payload): Interrogation | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
