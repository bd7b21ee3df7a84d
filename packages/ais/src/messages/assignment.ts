/**
 * Type 16: a base station with authority assigns one or two stations a
 * reporting schedule (assigned mode).
 */
import { uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** Message type 16. */
export interface AssignmentModeCommand extends MessageHeader {
  readonly type: 16;
  /** First station assigned. */
  readonly mmsi1: number;
  /** Slot offset, or reports per 10 minutes when `increment1` is 0. */
  readonly offset1: number;
  /** Slot increment; 0 = `offset1` is a report rate. */
  readonly increment1: number;
  /** Second station assigned; 0 when the message names one station (96 bits). */
  readonly mmsi2: number;
  readonly offset2: number;
  readonly increment2: number;
}

/** One assignment (92 bits padded to 96) or two (144, padded up to 168). */
const MIN_BITS = 96;
const MAX_BITS = 168;
const TWO_STATIONS = 144;

export function decodeAssignmentModeCommand(p: Payload): AssignmentModeCommand | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `assignment mode command needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `assignment mode command carries at most ${MAX_BITS} bits, got ${n}`);
  const two = n >= TWO_STATIONS;
  return {
    type: 16,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    mmsi1: uint(p, 40, 30),
    offset1: uint(p, 70, 12),
    increment1: uint(p, 82, 10),
    mmsi2: two ? uint(p, 92, 30) : 0,
    offset2: two ? uint(p, 122, 12) : 0,
    increment2: two ? uint(p, 134, 10) : 0,
  };
}
