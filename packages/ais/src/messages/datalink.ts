/** Type 20: a base station reserves TDMA slots for itself (data link management). */
import { uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import { FieldKind, readLayout, type Layout } from './apps/layout.js';
import type { MessageHeader } from './header.js';

/**
 * Message type 20: one to four reservations of `number` consecutive slots
 * from `offset`, every `increment` slots, for `timeout` minutes. Reservations
 * the payload does not carry read as 0 (offset 0 = unused).
 */
export interface DataLinkManagement extends MessageHeader {
  readonly type: 20;
  readonly offset1: number;
  readonly number1: number;
  readonly timeout1: number;
  readonly increment1: number;
  readonly offset2: number;
  readonly number2: number;
  readonly timeout2: number;
  readonly increment2: number;
  readonly offset3: number;
  readonly number3: number;
  readonly timeout3: number;
  readonly increment3: number;
  readonly offset4: number;
  readonly number4: number;
  readonly timeout4: number;
  readonly increment4: number;
}

const U = FieldKind.UINT;
const LAYOUT: Layout<DataLinkManagement> = [
  ['offset1', 40, 12, U], ['number1', 52, 4, U], ['timeout1', 56, 3, U], ['increment1', 59, 11, U],
  ['offset2', 70, 12, U], ['number2', 82, 4, U], ['timeout2', 86, 3, U], ['increment2', 89, 11, U],
  ['offset3', 100, 12, U], ['number3', 112, 4, U], ['timeout3', 116, 3, U], ['increment3', 119, 11, U],
  ['offset4', 130, 12, U], ['number4', 142, 4, U], ['timeout4', 146, 3, U], ['increment4', 149, 11, U],
];

/**
 * One reservation (72 bits) to four (160). gpsd accepts up to 186 bits and,
 * like it, we read reservations cut short by the payload end with zeros for
 * the missing bits (senders pad to byte boundaries inconsistently).
 */
const MIN_BITS = 72;
const MAX_BITS = 186;

export function decodeDataLinkManagement(p: Payload): DataLinkManagement | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `data link management needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `data link management carries at most ${MAX_BITS} bits, got ${n}`);
  const out: Record<string, unknown> = { type: 20, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30) };
  readLayout(p, LAYOUT, out);
  return out as unknown as DataLinkManagement;
}
