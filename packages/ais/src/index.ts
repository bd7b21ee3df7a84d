/**
 * @tidewatch/ais — NMEA 0183 / ITU-R M.1371 AIS decoding and encoding.
 * Every public name is listed here; nothing else is part of the API.
 */
export { Reject, type RejectReason, type MessageFailure } from './reasons.js';
export { Payload, uint, int, bool, text, hexBits } from './bits.js';
export { decodePayload, isFailure, type AisMessage, type MessageDecoder } from './messages/registry.js';
export { AisReceiver, type ReceiverSink, type ReceiverOptions, type MessageContext, type LineRejection } from './receiver.js';
export { untrimmedText } from './bits.js';
export { type PositionReportClassA } from './messages/position-a.js';
export { type BaseStationReport } from './messages/base-station.js';
export { type StaticAndVoyageData } from './messages/static-voyage.js';
export { type SarAircraftReport } from './messages/sar-aircraft.js';
export { type PositionReportClassB, type ExtendedPositionReportClassB } from './messages/position-b.js';
export { type AidToNavigationReport } from './messages/aid-to-navigation.js';
export {
  type StaticDataReport,
  type StaticDataReportPartA,
  type StaticDataReportPartB,
  type AuxiliaryCraftStaticDataReportPartB,
  isAuxiliaryCraft,
} from './messages/static-b.js';
export { type LongRangeReport } from './messages/long-range.js';
export { BitWriter, type EncodedPayload } from './encode/bit-writer.js';
export { encodeMessage, writeMessage, isEncodable, type EncodableMessage } from './encode/message.js';
export { encodeSentences, sentencesOf, type SentenceOptions } from './encode/sentences.js';
export { vendorIdOf } from './encode/static.js';
export { NOT_AVAILABLE, lonToRaw, latToRaw, speedToRaw, courseToRaw, headingToRaw, turnToRaw, type Dimensions } from './encode/units.js';
export {
  positionReportClassA,
  positionReportClassB,
  extendedPositionReportClassB,
  longRangeReport,
  baseStationReport,
  sarAircraftReport,
  aidToNavigationReport,
  type PositionInput,
  type ClassAPositionInput,
  type ClassBPositionInput,
  type ExtendedClassBPositionInput,
  type LongRangeInput,
  type BaseStationInput,
  type SarAircraftInput,
  type AidToNavigationInput,
} from './encode/scaled.js';
export {
  staticAndVoyageData,
  staticDataReportPartA,
  staticDataReportPartB,
  type VesselInput,
  type StaticAndVoyageInput,
  type StaticDataPartBInput,
} from './encode/scaled-static.js';
export { toGpsdJson, GpsdJsonWriter, type GpsdJsonOptions, type TagBlockFields } from './gpsd-json.js';
export {
  type AddressedBinary,
  type AddressedBinaryHeader,
  type AddressedBinaryData,
  type BroadcastBinary,
  type BroadcastBinaryHeader,
  type BroadcastBinaryData,
  type SingleSlotBinary,
  type MultiSlotBinary,
} from './messages/binary.js';
export { type Acknowledge } from './messages/ack.js';
export { type UtcInquiry } from './messages/utc-inquiry.js';
export { type AddressedSafetyMessage, type SafetyBroadcast } from './messages/safety.js';
export { type Interrogation } from './messages/interrogation.js';
export { type AssignmentModeCommand } from './messages/assignment.js';
export { type DgnssBroadcast } from './messages/dgnss.js';
export { type DataLinkManagement } from './messages/datalink.js';
export { type ChannelManagement, type ChannelManagementArea, type ChannelManagementAddressed } from './messages/channel-management.js';
export { type GroupAssignmentCommand } from './messages/group-assignment.js';
export { type MeteoHydroImo236, type MeteoHydroImo289 } from './messages/apps/dac1-meteo-hydro.js';
export { type DangerousCargoImo236, type DangerousCargoImo289, type CargoEntry } from './messages/apps/dac1-cargo.js';
export { type TidalWindow, type TidalPrediction } from './messages/apps/dac1-tidal.js';
export { type AirDraught, type PersonsOnBoard } from './messages/apps/dac1-ship-data.js';
export { type ClearanceTimeToEnterPort, type BerthingData, type FairwayClosed, type MarineTrafficSignal } from './messages/apps/dac1-port-traffic.js';
export { type RouteInformation, type Waypoint, type TextDescription } from './messages/apps/dac1-route-text.js';
export { type VtsTargets, type VtsTarget } from './messages/apps/dac1-vts-targets.js';
export {
  type InlandEta,
  type InlandRta,
  type InlandPersonsOnBoard,
  type InlandStaticVoyage,
  type EmmaWarning,
  type InlandWaterLevels,
  type Gauge,
  type InlandSignalStatus,
} from './messages/apps/dac200-inland.js';
export { type AtonMonitoring } from './messages/apps/dac235-aton.js';
