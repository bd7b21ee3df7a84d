/**
 * Message → armoured payload: the inverse of `decodePayload` for the types we
 * encode. It takes exactly the shape the decoders produce, so
 * `decode(encode(m))` gives `m` back.
 */
import type { PositionReportClassA } from '../messages/position-a.js';
import type { BaseStationReport } from '../messages/base-station.js';
import type { StaticAndVoyageData } from '../messages/static-voyage.js';
import type { SarAircraftReport } from '../messages/sar-aircraft.js';
import type { PositionReportClassB, ExtendedPositionReportClassB } from '../messages/position-b.js';
import type { AidToNavigationReport } from '../messages/aid-to-navigation.js';
import type { StaticDataReport } from '../messages/static-b.js';
import type { LongRangeReport } from '../messages/long-range.js';
import type { AisMessage } from '../messages/registry.js';
import { BitWriter, type EncodedPayload } from './bit-writer.js';
import {
  writeBaseStationReport,
  writeExtendedPositionReportClassB,
  writeLongRangeReport,
  writePositionReportClassA,
  writePositionReportClassB,
  writeSarAircraftReport,
} from './position.js';
import { writeAidToNavigationReport, writeStaticAndVoyageData, writeStaticDataReport } from './static.js';

/** Every message the encoder can write. */
export type EncodableMessage =
  | PositionReportClassA
  | BaseStationReport
  | StaticAndVoyageData
  | SarAircraftReport
  | PositionReportClassB
  | ExtendedPositionReportClassB
  | AidToNavigationReport
  | StaticDataReport
  | LongRangeReport;

/** Message types the encoder writes. */
const ENCODABLE_TYPES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27]);

export function isEncodable(m: AisMessage): m is EncodableMessage {
  return ENCODABLE_TYPES.has(m.type);
}

/** Writes the whole message into `w` (after whatever it holds). Throws RangeError on a field that does not fit. */
export function writeMessage(w: BitWriter, m: EncodableMessage): void {
  switch (m.type) {
    case 1:
    case 2:
    case 3:
      return writePositionReportClassA(w, m);
    case 4:
    case 11:
      return writeBaseStationReport(w, m);
    case 5:
      return writeStaticAndVoyageData(w, m);
    case 9:
      return writeSarAircraftReport(w, m);
    case 18:
      return writePositionReportClassB(w, m);
    case 19:
      return writeExtendedPositionReportClassB(w, m);
    case 21:
      return writeAidToNavigationReport(w, m);
    case 24:
      return writeStaticDataReport(w, m);
    case 27:
      return writeLongRangeReport(w, m);
    default:
      throw new RangeError(`type = ${(m as AisMessage).type}: not a message type the encoder writes`);
  }
}

/** Scratch writer: encoding is synchronous, so one is enough. */
const scratch = new BitWriter();

/** The armoured payload of a message and its fill bits. Throws RangeError on a field that does not fit. */
export function encodeMessage(m: EncodableMessage): EncodedPayload {
  writeMessage(scratch.reset(), m);
  return scratch.armoured();
}
