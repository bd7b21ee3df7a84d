/**
 * Binary messages: addressed (6) and broadcast (8), whose content is a binary
 * application named by a DAC (designated area code) and FI (function
 * identifier), and the single-slot (25) and multi-slot (26) binary messages.
 *
 * Applications gpsd 3.22 decodes are decoded here too, into the fields gpsd
 * prints (see ./apps); any other DAC/FI, or a payload gpsd does not take for
 * its application, carries its bits as `data`, `"<bit count>:<hex>"`.
 */
import { uint, bool, type Payload } from '../bits.js';
import { Reject, failure, isFailure, type MessageFailure } from '../reasons.js';
import { byteCopyEnd, rawData } from './apps/gpsd-readers.js';
import type { ApplicationDecoder } from './apps/layout.js';
import { decodeMeteoHydroImo236, decodeMeteoHydroImo289, type MeteoHydroImo236, type MeteoHydroImo289 } from './apps/dac1-meteo-hydro.js';
import { decodeDangerousCargoImo236, decodeDangerousCargoImo289, type DangerousCargoImo236, type DangerousCargoImo289 } from './apps/dac1-cargo.js';
import { decodeTidalWindowImo236, decodeTidalWindowImo289, type TidalWindow } from './apps/dac1-tidal.js';
import { decodeAirDraught, decodeAddressedPersonsOnBoard, decodeBroadcastPersonsOnBoard, type AirDraught, type PersonsOnBoard } from './apps/dac1-ship-data.js';
import {
  decodeClearanceTimeToEnterPort, decodeBerthingData, decodeFairwayClosed, decodeMarineTrafficSignal,
  type ClearanceTimeToEnterPort, type BerthingData, type FairwayClosed, type MarineTrafficSignal,
} from './apps/dac1-port-traffic.js';
import { decodeAddressedRoute, decodeBroadcastRoute, decodeAddressedText, decodeBroadcastText, type RouteInformation, type TextDescription } from './apps/dac1-route-text.js';
import { decodeVtsTargets, type VtsTargets } from './apps/dac1-vts-targets.js';
import {
  decodeInlandEta, decodeInlandRta, decodeInlandPersonsOnBoard, decodeInlandStaticVoyage, decodeEmmaWarning,
  decodeInlandWaterLevels, decodeInlandSignalStatus,
  type InlandEta, type InlandRta, type InlandPersonsOnBoard, type InlandStaticVoyage, type EmmaWarning,
  type InlandWaterLevels, type InlandSignalStatus,
} from './apps/dac200-inland.js';
import { decodeAtonMonitoring, type AtonMonitoring } from './apps/dac235-aton.js';
import type { MessageHeader } from './header.js';

/** The fields of every message 6, before its application. */
export interface AddressedBinaryHeader extends MessageHeader {
  readonly type: 6;
  /** Sequence number 0-3, echoed by the type 7 acknowledgement. */
  readonly seqno: number;
  /** MMSI of the addressee. */
  readonly dest_mmsi: number;
  /** True when this is a retransmission. */
  readonly retransmit: boolean;
  /** Designated area code: 1 = international (IMO), else an MID (e.g. 200 Inland AIS, 235 UK). */
  readonly dac: number;
  /** Function identifier of the application within the DAC. */
  readonly fid: number;
}

/** A message 6 whose application is not decoded: its bits after the FI, `"<bit count>:<hex>"`. */
export interface AddressedBinaryData extends AddressedBinaryHeader {
  readonly data: string;
}

type Addressed<D extends number, F extends number, A> = AddressedBinaryHeader & { readonly dac: D; readonly fid: F } & A;

/** Message type 6: raw `data`, or the fields of a decoded application (tell them apart with `'data' in m`). */
export type AddressedBinary =
  | AddressedBinaryData
  | Addressed<1, 12, DangerousCargoImo236>
  | Addressed<1, 14 | 32, TidalWindow>
  | Addressed<1, 15, AirDraught>
  | Addressed<1, 16, PersonsOnBoard>
  | Addressed<1, 18, ClearanceTimeToEnterPort>
  | Addressed<1, 20, BerthingData>
  | Addressed<1, 25, DangerousCargoImo289>
  | Addressed<1, 28, RouteInformation>
  | Addressed<1, 30, TextDescription>
  | Addressed<200, 21, InlandEta>
  | Addressed<200, 22, InlandRta>
  | Addressed<200, 55, InlandPersonsOnBoard>
  | Addressed<235 | 250, 10, AtonMonitoring>;

/** The fields of every message 8, before its application. */
export interface BroadcastBinaryHeader extends MessageHeader {
  readonly type: 8;
  /** Designated area code: 1 = international (IMO), else an MID (e.g. 200 Inland AIS, 366 USA). */
  readonly dac: number;
  /** Function identifier of the application within the DAC. */
  readonly fid: number;
}

/** A message 8 whose application is not decoded: its bits after the FI, `"<bit count>:<hex>"`. */
export interface BroadcastBinaryData extends BroadcastBinaryHeader {
  readonly data: string;
}

type Broadcast<D extends number, F extends number, A> = BroadcastBinaryHeader & { readonly dac: D; readonly fid: F } & A;

/** Message type 8: raw `data`, or the fields of a decoded application (tell them apart with `'data' in m`). */
export type BroadcastBinary =
  | BroadcastBinaryData
  | Broadcast<1, 11, MeteoHydroImo236>
  | Broadcast<1, 13, FairwayClosed>
  | Broadcast<1, 15, AirDraught>
  | Broadcast<1, 16, PersonsOnBoard>
  | Broadcast<1, 17, VtsTargets>
  | Broadcast<1, 19, MarineTrafficSignal>
  | Broadcast<1, 27, RouteInformation>
  | Broadcast<1, 29, TextDescription>
  | Broadcast<1, 31, MeteoHydroImo289>
  | Broadcast<200, 10, InlandStaticVoyage>
  | Broadcast<200, 23, EmmaWarning>
  | Broadcast<200, 24, InlandWaterLevels>
  | Broadcast<200, 40, InlandSignalStatus>;

interface SlotBinaryFields {
  /** True when addressed to `dest_mmsi`. */
  readonly addressed: boolean;
  /** True when the data starts with an application id. */
  readonly structured: boolean;
  /** Addressee; 0 when broadcast. */
  readonly dest_mmsi: number;
  /** Application id (DAC × 64 + FI); 0 when unstructured. */
  readonly app_id: number;
  /** The data bits, `"<bit count>:<hex>"`. */
  readonly data: string;
}

/** Message type 25: binary data in one slot. */
export interface SingleSlotBinary extends MessageHeader, SlotBinaryFields {
  readonly type: 25;
}

/** Message type 26: binary data over several slots, then a radio status. */
export interface MultiSlotBinary extends MessageHeader, SlotBinaryFields {
  readonly type: 26;
  /** Always 0: gpsd 3.22 does not decode the radio status; kept for parity with its output. */
  readonly radio: number;
}

/** DAC and FI as one table key. */
function appKey(dac: number, fid: number): number {
  return dac * 64 + fid;
}

function table(entries: ReadonlyArray<readonly [dac: number, fid: number, decode: ApplicationDecoder]>): ReadonlyMap<number, ApplicationDecoder> {
  return new Map(entries.map(([dac, fid, decode]) => [appKey(dac, fid), decode]));
}

/** The message 6 applications gpsd 3.22 decodes. 1/23 (area notice) it leaves raw. */
const ADDRESSED_APPS = table([
  [1, 12, decodeDangerousCargoImo236],
  [1, 14, decodeTidalWindowImo236],
  [1, 15, decodeAirDraught],
  [1, 16, decodeAddressedPersonsOnBoard],
  [1, 18, decodeClearanceTimeToEnterPort],
  [1, 20, decodeBerthingData],
  [1, 25, decodeDangerousCargoImo289],
  [1, 28, decodeAddressedRoute],
  [1, 30, decodeAddressedText],
  [1, 32, decodeTidalWindowImo289],
  [200, 21, decodeInlandEta],
  [200, 22, decodeInlandRta],
  [200, 55, decodeInlandPersonsOnBoard],
  [235, 10, decodeAtonMonitoring],
  [250, 10, decodeAtonMonitoring],
]);

/** The message 8 applications gpsd 3.22 decodes. 1/21, 1/22, 1/24 and 1/26 it leaves raw. */
const BROADCAST_APPS = table([
  [1, 11, decodeMeteoHydroImo236],
  [1, 13, decodeFairwayClosed],
  [1, 15, decodeAirDraught],
  [1, 16, decodeBroadcastPersonsOnBoard],
  [1, 17, decodeVtsTargets],
  [1, 19, decodeMarineTrafficSignal],
  [1, 27, decodeBroadcastRoute],
  [1, 29, decodeBroadcastText],
  [1, 31, decodeMeteoHydroImo289],
  [200, 10, decodeInlandStaticVoyage],
  [200, 23, decodeEmmaWarning],
  [200, 24, decodeInlandWaterLevels],
  [200, 40, decodeInlandSignalStatus],
]);

/** Header to FI (88 bits) up to five slots. */
const ADDRESSED_MIN = 88;
const ADDRESSED_MAX = 1008;
/** Header to FI (56 bits) up to five slots. */
const BROADCAST_MIN = 56;
const BROADCAST_MAX = 1008;
/** gpsd rejects shorter and longer as line noise. */
const SINGLE_SLOT_MIN = 40;
const SINGLE_SLOT_MAX = 168;
const MULTI_SLOT_MIN = 60;
const MULTI_SLOT_MAX = 1004;
const RADIO_BITS = 20;

export function decodeAddressedBinary(p: Payload): AddressedBinary | MessageFailure {
  const n = p.bitLength;
  if (n < ADDRESSED_MIN) return failure(Reject.TOO_SHORT, `addressed binary message needs ${ADDRESSED_MIN} bits, got ${n}`);
  if (n > ADDRESSED_MAX) return failure(Reject.TOO_LONG, `addressed binary message carries at most ${ADDRESSED_MAX} bits, got ${n}`);
  const dac = uint(p, 72, 10);
  const fid = uint(p, 82, 6);
  const out: Record<string, unknown> = {
    type: 6,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    seqno: uint(p, 38, 2),
    dest_mmsi: uint(p, 40, 30),
    retransmit: bool(p, 70),
    dac,
    fid,
  };
  const app = ADDRESSED_APPS.get(appKey(dac, fid));
  // gpsd copies the data bytes whole, so bits after the data in the last byte (fill bits) show.
  if (app === undefined || !app(p, out)) out['data'] = rawData(p, 88, n - 88, Infinity);
  return out as unknown as AddressedBinary;
}

export function decodeBroadcastBinary(p: Payload): BroadcastBinary | MessageFailure {
  const n = p.bitLength;
  if (n < BROADCAST_MIN) return failure(Reject.TOO_SHORT, `broadcast binary message needs ${BROADCAST_MIN} bits, got ${n}`);
  if (n > BROADCAST_MAX) return failure(Reject.TOO_LONG, `broadcast binary message carries at most ${BROADCAST_MAX} bits, got ${n}`);
  const dac = uint(p, 40, 10);
  const fid = uint(p, 50, 6);
  const out: Record<string, unknown> = { type: 8, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30), dac, fid };
  const app = BROADCAST_APPS.get(appKey(dac, fid));
  // gpsd masks the bits after the data in the last byte for message 8 (only).
  if (app === undefined || !app(p, out)) out['data'] = rawData(p, 56, n - 56, n);
  return out as unknown as BroadcastBinary;
}

/**
 * The fields of messages 25 and 26 before the radio status, or why the
 * payload is too short for its addressing and structure flags.
 */
function slotBinary(p: Payload, dataEnd: number, trailer: number, what: string): SlotBinaryFields | MessageFailure {
  const addressed = bool(p, 38);
  const structured = bool(p, 39);
  const need = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0) + trailer;
  if (p.bitLength < need) {
    return failure(Reject.TOO_SHORT, `${what} (addressed ${addressed}, structured ${structured}) needs ${need} bits, got ${p.bitLength}`);
  }
  // gpsd copies whole bytes from bit 40 (56 when structured), then drops the
  // 30-bit address by shifting: the data is what follows app id or address,
  // and bits past the data show up to the end of the copied bytes.
  const copyStart = structured ? 56 : 40;
  const copied = dataEnd - copyStart;
  const start = addressed ? copyStart + 30 : copyStart;
  return {
    addressed,
    structured,
    dest_mmsi: addressed ? uint(p, 40, 30) : 0,
    app_id: structured ? uint(p, addressed ? 70 : 40, 16) : 0,
    data: rawData(p, start, dataEnd - start, byteCopyEnd(copyStart, copied)),
  };
}

export function decodeSingleSlotBinary(p: Payload): SingleSlotBinary | MessageFailure {
  const n = p.bitLength;
  if (n < SINGLE_SLOT_MIN) return failure(Reject.TOO_SHORT, `single-slot binary message needs ${SINGLE_SLOT_MIN} bits, got ${n}`);
  if (n > SINGLE_SLOT_MAX) return failure(Reject.TOO_LONG, `single-slot binary message carries at most ${SINGLE_SLOT_MAX} bits, got ${n}`);
  const fields = slotBinary(p, n, 0, 'single-slot binary message');
  if (isFailure(fields)) return fields;
  return { type: 25, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30), ...fields };
}

export function decodeMultiSlotBinary(p: Payload): MultiSlotBinary | MessageFailure {
  const n = p.bitLength;
  if (n < MULTI_SLOT_MIN) return failure(Reject.TOO_SHORT, `multi-slot binary message needs ${MULTI_SLOT_MIN} bits, got ${n}`);
  if (n > MULTI_SLOT_MAX) return failure(Reject.TOO_LONG, `multi-slot binary message carries at most ${MULTI_SLOT_MAX} bits, got ${n}`);
  const fields = slotBinary(p, n - RADIO_BITS, RADIO_BITS, 'multi-slot binary message');
  if (isFailure(fields)) return fields;
  return { type: 26, repeat: uint(p, 6, 2), mmsi: uint(p, 8, 30), ...fields, radio: 0 };
}
