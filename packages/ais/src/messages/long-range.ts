// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 27. */
export interface LongRangeReport extends MessageHeader {}

export function decodeLongRangeReport(p: Payload): LongRangeReport | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
