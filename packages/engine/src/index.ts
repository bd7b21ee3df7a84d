/**
 * @tidewatch/engine — the pure, event-time track engine and its detectors.
 * Every public name is listed here; nothing else is part of the API.
 */
export { createEngine, TICK_MS, type Engine, type EngineOptions, type EngineSink, type EngineStats, type VesselSnapshot, type VesselIdentity } from './engine.js';
export { PositionSource, copyPosition, copyStatic, emptyPosition, emptyStatic, type Observation, type PositionObservation, type StaticObservation } from './observe/observation.js';
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
export { zoneEntry, zoneExit, ZONE_CROSSING_PARAMS } from './detect/zone-crossing.js';
export { type ZoneEntryEvent, type ZoneExitEvent, type ZoneEntryDetails, type ZoneExitDetails, type ZoneCrossingParams } from './detect/zone-membership.js';
export { infrastructureProximity, INFRASTRUCTURE_PROXIMITY_PARAMS, type InfrastructureProximityEvent, type InfrastructureProximityDetails, type InfrastructureSignature } from './detect/infrastructure-proximity.js';
export { watchlistMatch, WATCHLIST_MATCH_PARAMS, type WatchlistMatchEvent, type WatchlistMatchDetails, type WatchlistField } from './detect/watchlist-match.js';
export { fishingInForeignEez, FISHING_IN_FOREIGN_EEZ_PARAMS, type FishingInForeignEezEvent, type FishingInForeignEezDetails } from './detect/fishing-in-foreign-eez.js';
export { flagIsoOf, flagIsoOfMid } from './detect/flag-state.js';
export { mmsiKind, midOf, flagOfMid, mmsiFacts, MmsiKind, type MmsiFacts } from './identity/mmsi.js';
export { IdentityField, type IdentityChange } from './track/identity.js';
export { type TrackPoint } from './track/track-table.js';
export { type AnchorageIndex, type Layers, type NearbyVessels } from './space/vessel-index.js';
export { anchorageGrid, anchorageIndex, anchorageIndexOn, type AnchoragePoint } from './space/anchorages.js';
export { checkedShoreOutline, coastlineRings, shoreLayer, shoreLayerFromJson, shoreOutline, type ShoreLayer, type ShoreOutline, type ShoreLayerResult, type ShoreIssue } from './space/shore.js';
export { zoneLayer, zoneLayerFromGeoJson, type ZoneLayer, type ZoneInfo, type ZoneLayerResult } from './space/zones.js';
export { assetLayer, assetLayerFromGeoJson, type AssetLayer, type AssetInfo, type AssetLayerResult } from './space/assets.js';
export { watchlist, watchlistFromCsv, normaliseName, imoNumberValid, type Watchlist, type WatchlistEntry, type WatchlistIssue, type WatchlistResult } from './space/watchlist.js';
export { CsvObservationReader, CsvFault, parseTime, type CsvRowFault, type CsvReaderResult } from './observe/csv/reader.js';
