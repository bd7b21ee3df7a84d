// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 23. */
export interface GroupAssignmentCommand extends MessageHeader {}

export function decodeGroupAssignmentCommand(p: Payload): GroupAssignmentCommand | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
