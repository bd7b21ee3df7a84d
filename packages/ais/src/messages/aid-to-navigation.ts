// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 21. */
export interface AidToNavigationReport extends MessageHeader {}

export function decodeAidToNavigationReport(p: Payload): AidToNavigationReport | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
