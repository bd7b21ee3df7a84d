/**
 * @tidewatch/ais — NMEA 0183 / ITU-R M.1371 AIS decoding and encoding.
 * Every public name is listed here; nothing else is part of the API.
 */
export { Reject, type RejectReason, type MessageFailure } from './reasons.js';
export { Payload, uint, int, bool, text, hexBits } from './bits.js';
export { decodePayload, isFailure, type AisMessage, type MessageDecoder } from './messages/registry.js';
export { AisReceiver, type ReceiverSink, type ReceiverOptions, type MessageContext, type LineRejection } from './receiver.js';
export { toGpsdJson, type GpsdJsonOptions, type TagBlockFields } from './gpsd-json.js';
