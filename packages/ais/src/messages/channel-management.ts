/**
 * Type 22: a base station sets the AIS channels, power and bandwidth to use,
 * either inside a rectangular area (broadcast) or for two named stations.
 */
import { uint, int, bool, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

interface ChannelManagementCommon extends MessageHeader {
  readonly type: 22;
  /** ITU channel number of channel A (normally 2087). */
  readonly channel_a: number;
  /** ITU channel number of channel B (normally 2088). */
  readonly channel_b: number;
  /** Transmit/receive mode: 0 = TxA/TxB RxA/RxB, 1 = TxA, 2 = TxB, 3 = reserved. */
  readonly txrx: number;
  /** Power bit as sent (ITU-R M.1371: true = low power). */
  readonly power: boolean;
}

interface ChannelManagementFlags {
  /** Channel A bandwidth: false = default, true = 12.5 kHz. */
  readonly band_a: boolean;
  /** Channel B bandwidth: false = default, true = 12.5 kHz. */
  readonly band_b: boolean;
  /** Size of the transitional zone: 0-7 for 1-8 nautical miles. */
  readonly zonesize: number;
}

/** Broadcast form: corners in 1/10 minute; 0x1a838 / 0xd548 (181° / 91°) = not available. */
export interface ChannelManagementArea extends ChannelManagementCommon, ChannelManagementFlags {
  readonly ne_lon: number;
  readonly ne_lat: number;
  readonly sw_lon: number;
  readonly sw_lat: number;
  readonly addressed: false;
}

/** Addressed form: the two stations the command applies to. */
export interface ChannelManagementAddressed extends ChannelManagementCommon, ChannelManagementFlags {
  readonly dest1: number;
  readonly dest2: number;
  readonly addressed: true;
}

/** Message type 22, in gpsd's field order (the `addressed` flag after the fields it selects). */
export type ChannelManagement = ChannelManagementArea | ChannelManagementAddressed;

/** 168 bits; longer payloads are accepted as gpsd does. */
const MIN_BITS = 168;

export function decodeChannelManagement(p: Payload): ChannelManagement | MessageFailure {
  if (p.bitLength < MIN_BITS) return failure(Reject.TOO_SHORT, `channel management needs ${MIN_BITS} bits, got ${p.bitLength}`);
  const head = {
    type: 22 as const,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    channel_a: uint(p, 40, 12),
    channel_b: uint(p, 52, 12),
    txrx: uint(p, 64, 4),
    power: bool(p, 68),
  };
  const flags = { band_a: bool(p, 140), band_b: bool(p, 141), zonesize: uint(p, 142, 3) };
  if (bool(p, 139)) {
    return { ...head, dest1: uint(p, 69, 30), dest2: uint(p, 104, 30), addressed: true, ...flags };
  }
  return {
    ...head,
    ne_lon: int(p, 69, 18),
    ne_lat: int(p, 87, 17),
    sw_lon: int(p, 104, 18),
    sw_lat: int(p, 122, 17),
    addressed: false,
    ...flags,
  };
}
