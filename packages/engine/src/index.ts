/**
 * @tidewatch/engine — the pure, event-time track engine and its detectors.
 * Every public name is listed here; nothing else is part of the API.
 */
export { createEngine, TICK_MS, type Engine, type EngineOptions, type EngineSink, type EngineStats, type VesselSnapshot, type VesselIdentity } from './engine.js';
export { PositionSource, emptyPosition, emptyStatic, type Observation, type PositionObservation, type StaticObservation } from './observe/observation.js';
export { positionFromAis, staticFromAis, fromAis } from './observe/from-ais.js';
export { parseProfile, type Profile, type ProfileResult } from './profile/profile.js';
export { DEFAULT_PROFILE_ID, BUILT_IN_PROFILES, builtInProfile } from './profile/built-in.js';
export { TRACK_PARAMS, type TrackParams } from './profile/track-params.js';
export { type ParamSpec, type ParamSpecs, type ParamValues, type ProfileError } from './profile/params.js';
export { isoTime, eventId, type EngineEvent, type EventSink, type ProfileStamp, type EventPoint } from './events/event.js';
export { DETECTORS, type DetectorType, type DetectorParamsMap, type TidewatchEvent } from './detect/registry.js';
export { type DetectorDefinition, type Detector, type DetectorContext, type EventOf } from './detect/detector.js';
export { encounter, ENCOUNTER_PARAMS, type EncounterEvent, type EncounterDetails } from './detect/encounter.js';
export { loitering, LOITERING_PARAMS, type LoiteringEvent, type LoiteringDetails } from './detect/loitering.js';
export { aisGap, AIS_GAP_PARAMS, type AisGapEvent, type AisGapDetails, type ReceptionEvidence } from './detect/ais-gap.js';
export { positionJump, POSITION_JUMP_PARAMS, type PositionJumpEvent, type PositionJumpDetails } from './detect/position-jump.js';
export { identityConflict, IDENTITY_CONFLICT_PARAMS, type IdentityConflictEvent, type IdentityConflictDetails, type ConflictPlace } from './detect/identity-conflict.js';
export { mmsiKind, midOf, flagOfMid, mmsiFacts, MmsiKind, type MmsiFacts } from './identity/mmsi.js';
export { IdentityField, type IdentityChange } from './track/identity.js';
export { type TrackPoint } from './track/track-table.js';
export { type AnchorageIndex, type Layers, type NearbyVessels } from './space/vessel-index.js';
export { anchorageIndex, type AnchoragePoint } from './space/anchorages.js';
export { CsvObservationReader, CsvFault, parseTime, type CsvRowFault, type CsvReaderResult } from './observe/csv/reader.js';
