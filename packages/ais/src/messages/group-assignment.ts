/**
 * Type 23: a base station sets the reporting interval and quiet time of all
 * mobile stations of a kind inside a rectangular area.
 */
import { uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import { FieldKind, readLayout, type Layout } from './apps/layout.js';
import type { MessageHeader } from './header.js';

/** Message type 23. */
export interface GroupAssignmentCommand extends MessageHeader {
  readonly type: 23;
  /** Area corners in 1/10 minute; 0x1a838 / 0xd548 (181° / 91°) = not available. */
  readonly ne_lon: number;
  readonly ne_lat: number;
  readonly sw_lon: number;
  readonly sw_lat: number;
  /** Station type addressed: 0 = all mobiles, 2 = all class B, 3 = SAR aircraft, 6-9 = regional/inland. */
  readonly stationtype: number;
  /** Ship type addressed (type 5 codes); 0 = all. */
  readonly shiptype: number;
  /** Reporting interval code: 0 = autonomous, 1 = 10 min ... 8 = 5 s, 9/10 = next shorter/longer. */
  readonly interval: number;
  /** Quiet time in minutes; 0 = none. */
  readonly quiet: number;
}

const { UINT: U, INT: S } = FieldKind;
const LAYOUT: Layout<GroupAssignmentCommand> = [
  ['ne_lon', 40, 18, S], ['ne_lat', 58, 17, S], ['sw_lon', 75, 18, S], ['sw_lat', 93, 17, S],
  ['stationtype', 110, 4, U], ['shiptype', 114, 8, U], ['interval', 146, 4, U], ['quiet', 150, 4, U],
];

/** 160 bits; longer payloads are accepted as gpsd does. */
const MIN_BITS = 160;

export function decodeGroupAssignmentCommand(p: Payload): GroupAssignmentCommand | MessageFailure {
  if (p.bitLength < MIN_BITS) return failure(Reject.TOO_SHORT, `group assignment needs ${MIN_BITS} bits, got ${p.bitLength}`);
  const out: Record<string, unknown> = { type: 23, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30) };
  readLayout(p, LAYOUT, out);
  return out as unknown as GroupAssignmentCommand;
}
