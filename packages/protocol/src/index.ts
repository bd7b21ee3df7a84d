/** @tidewatch/protocol — the types and binary frames both server and browser use. */
export {
  EVENT_TYPES,
  type EventType,
  type EventRecord,
  type VesselSummary,
  type VesselDetail,
  type IdentityChange,
  type TrackPoint,
  type LayerKind,
  type LayerInfo,
  type SourceState,
  type SourceHealth,
  type ApiError,
  type Page,
} from './records.js';
export type { BBox, ClientMessage, ServerMessage } from './live.js';
export {
  FRAME_MAGIC,
  FRAME_VERSION,
  FRAME_HEADER_BYTES,
  FRAME_SNAPSHOT,
  allocateFrame,
  frameBytes,
  readFrame,
  type PositionColumns,
  type FrameResult,
} from './frames.js';
