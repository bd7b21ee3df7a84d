/** Type 17: DGNSS corrections broadcast by a base station (RTCM SC-104 words, kept undecoded). */
import { uint, int, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import { rawData } from './apps/gpsd-readers.js';
import type { MessageHeader } from './header.js';

/** Message type 17. */
export interface DgnssBroadcast extends MessageHeader {
  readonly type: 17;
  /** Reference station longitude, 1/10 minute, east positive; 0x1a838 (181°) = not available. */
  readonly lon: number;
  /** Reference station latitude, 1/10 minute, north positive; 0xd548 (91°) = not available. */
  readonly lat: number;
  /** The correction words, `"<bits>:<hex>"` as gpsd prints undecoded data. */
  readonly data: string;
}

/** Header and position (80 bits) up to 816. */
const MIN_BITS = 80;
const MAX_BITS = 816;

export function decodeDgnssBroadcast(p: Payload): DgnssBroadcast | MessageFailure {
  const n = p.bitLength;
  if (n < MIN_BITS) return failure(Reject.TOO_SHORT, `DGNSS broadcast needs ${MIN_BITS} bits, got ${n}`);
  if (n > MAX_BITS) return failure(Reject.TOO_LONG, `DGNSS broadcast carries at most ${MAX_BITS} bits, got ${n}`);
  return {
    type: 17,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    lon: int(p, 40, 18),
    lat: int(p, 58, 17),
    // gpsd copies whole bytes and does not mask the last: its spare bits (fill bits) show.
    data: rawData(p, 80, n - 80, Infinity),
  };
}
