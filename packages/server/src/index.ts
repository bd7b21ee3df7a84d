/**
 * @tidewatch/server — ingest, the embedded store, the HTTP + WebSocket API,
 * exports; `createServer` is the composition root, `runServe` the command.
 * Every public name is listed here; nothing else is part of the API.
 */
export { createServer, type ServerOptions, type SourceSpec, type TidewatchServer } from './app.js';
export { runServe, serveConfig, SERVE_OPTIONS, SERVE_SUMMARY, PRODUCT_DATA_DIR, WEB_ROOT, type ServeArgs, type ServeConfig, type ServeOptionSpec, type RunningServe } from './serve.js';
export { Pipeline, DEFAULT_PIPELINE, type EventEngine, type PipelineOptions, type ResumeReport } from './pipeline.js';
export { openSqliteStore, SqliteStore, STORE_FILE, type OpenResult } from './store/sqlite-store.js';
export type { Store, EventQuery, EventPage, EventKey, TrackRow, JournalEntry, StoredLayer } from './store/store.js';
export { DEFAULT_RETENTION, applyRetention, type RetentionSettings } from './store/retention.js';
export { LayerRegistry, parseLayer, type LayerSet, type ParsedLayer } from './layers/registry.js';
export { engineLayers } from './layers/engine-layers.js';
export { readReferenceLayers, ANCHORAGES_FILE, COASTLINE_FILE, type ReferenceLayers, type ReferenceResult } from './layers/reference.js';
export { LiveFanOut, DEFAULT_LIVE, checkClientMessage, type LiveOptions, type LiveStats } from './live/fan-out.js';
export { LivePicture } from './live/picture.js';
export { ApiErrors, apiError, LiveErrors, type ApiErrorCode } from './api/errors.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './ingest/backoff.js';
export { SourceStatus, type Source, type Ingest, type LineChannel } from './ingest/source.js';
export { EXPORT_FORMATS, type ExportFormatName } from './exports/formats.js';
