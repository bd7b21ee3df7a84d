// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 4, 11. */
export interface BaseStationReport extends MessageHeader {}

export function decodeBaseStationReport(p: Payload): BaseStationReport | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
