/**
 * Message type → decoder. One table, built once; `decodePayload` is the only
 * dispatch on the type number.
 */
import { uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import { decodePositionReportClassA, type PositionReportClassA } from './position-a.js';
import { decodeBaseStationReport, type BaseStationReport } from './base-station.js';
import { decodeStaticAndVoyageData, type StaticAndVoyageData } from './static-voyage.js';
import { decodeSarAircraftReport, type SarAircraftReport } from './sar-aircraft.js';
import { decodePositionReportClassB, decodeExtendedPositionReportClassB, type PositionReportClassB, type ExtendedPositionReportClassB } from './position-b.js';
import { decodeAidToNavigationReport, type AidToNavigationReport } from './aid-to-navigation.js';
import { decodeStaticDataReport, type StaticDataReport } from './static-b.js';
import { decodeLongRangeReport, type LongRangeReport } from './long-range.js';
import { decodeAddressedBinary, decodeBroadcastBinary, decodeSingleSlotBinary, decodeMultiSlotBinary, type AddressedBinary, type BroadcastBinary, type SingleSlotBinary, type MultiSlotBinary } from './binary.js';
import { decodeAcknowledge, type Acknowledge } from './ack.js';
import { decodeUtcInquiry, type UtcInquiry } from './utc-inquiry.js';
import { decodeAddressedSafetyMessage, decodeSafetyBroadcast, type AddressedSafetyMessage, type SafetyBroadcast } from './safety.js';
import { decodeInterrogation, type Interrogation } from './interrogation.js';
import { decodeAssignmentModeCommand, type AssignmentModeCommand } from './assignment.js';
import { decodeDgnssBroadcast, type DgnssBroadcast } from './dgnss.js';
import { decodeDataLinkManagement, type DataLinkManagement } from './datalink.js';
import { decodeChannelManagement, type ChannelManagement } from './channel-management.js';
import { decodeGroupAssignmentCommand, type GroupAssignmentCommand } from './group-assignment.js';

/** Every message this decoder produces, discriminated on `type`. */
export type AisMessage =
  | PositionReportClassA
  | BaseStationReport
  | StaticAndVoyageData
  | SarAircraftReport
  | PositionReportClassB
  | ExtendedPositionReportClassB
  | AidToNavigationReport
  | StaticDataReport
  | LongRangeReport
  | AddressedBinary
  | BroadcastBinary
  | SingleSlotBinary
  | MultiSlotBinary
  | Acknowledge
  | UtcInquiry
  | AddressedSafetyMessage
  | SafetyBroadcast
  | Interrogation
  | AssignmentModeCommand
  | DgnssBroadcast
  | DataLinkManagement
  | ChannelManagement
  | GroupAssignmentCommand;

export type MessageDecoder = (p: Payload) => AisMessage | MessageFailure;

/**
 * By message type, for all 64 values a 6-bit type can take (28-63 have no
 * decoder): a read past the end of a shorter array would send the optimised
 * receiver back to the interpreter, and it would be compiled again, the first
 * time a corrupt or unknown type came by.
 */
const DECODERS: ReadonlyArray<MessageDecoder | undefined> = [
  undefined,
  decodePositionReportClassA,
  decodePositionReportClassA,
  decodePositionReportClassA,
  decodeBaseStationReport,
  decodeStaticAndVoyageData,
  decodeAddressedBinary,
  decodeAcknowledge,
  decodeBroadcastBinary,
  decodeSarAircraftReport,
  decodeUtcInquiry,
  decodeBaseStationReport,
  decodeAddressedSafetyMessage,
  decodeAcknowledge,
  decodeSafetyBroadcast,
  decodeInterrogation,
  decodeAssignmentModeCommand,
  decodeDgnssBroadcast,
  decodePositionReportClassB,
  decodeExtendedPositionReportClassB,
  decodeDataLinkManagement,
  decodeAidToNavigationReport,
  decodeChannelManagement,
  decodeGroupAssignmentCommand,
  decodeStaticDataReport,
  decodeSingleSlotBinary,
  decodeMultiSlotBinary,
  decodeLongRangeReport,
  ...new Array<undefined>(64 - 28).fill(undefined),
];

/** Decodes a sealed payload into a message, or says why it cannot. */
export function decodePayload(p: Payload): AisMessage | MessageFailure {
  if (p.bitLength < 6) return failure(Reject.TOO_SHORT, `${p.bitLength} bits, no message type`);
  const type = uint(p, 0, 6);
  const decoder = DECODERS[type];
  if (decoder === undefined) return failure(Reject.UNKNOWN_TYPE, `message type ${type}`);
  return decoder(p);
}

export { isFailure } from '../reasons.js';
