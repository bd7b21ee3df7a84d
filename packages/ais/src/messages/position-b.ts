// Placeholder: replaced by the real decoder.
import type { Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 18. */
export interface PositionReportClassB extends MessageHeader {}

export function decodePositionReportClassB(p: Payload): PositionReportClassB | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}

/** Message type 19. */
export interface ExtendedPositionReportClassB extends MessageHeader {}

export function decodeExtendedPositionReportClassB(p: Payload): ExtendedPositionReportClassB | MessageFailure {
  return failure(Reject.UNKNOWN_TYPE, `type not yet decoded (${p.bitLength} bits)`);
}
