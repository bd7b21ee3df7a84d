/** What the routes need, handed in by the composition root (no module-level state). */
import type { SourceHealth } from '@tidewatch/protocol';
import type { Ingest, SourceStatus } from '../ingest/source.js';
import type { LayerRegistry } from '../layers/registry.js';
import type { LiveFanOut } from '../live/fan-out.js';
import type { LivePicture } from '../live/picture.js';
import type { Store } from '../store/store.js';

export interface ApiLimits {
  /** Largest NMEA POST body, bytes. */
  ingestBodyBytes: number;
  /** Largest layer upload, bytes. */
  layerBodyBytes: number;
}

export const DEFAULT_LIMITS: ApiLimits = { ingestBodyBytes: 1024 * 1024, layerBodyBytes: 32 * 1024 * 1024 };

export interface ApiDeps {
  store: Store;
  picture: LivePicture;
  layers: LayerRegistry;
  ingest: Ingest;
  /** The health record shared by all NMEA POSTs. */
  httpSource: SourceStatus;
  sources(): SourceHealth[];
  live: LiveFanOut;
  flagOf(mmsi: number): string | null;
  limits: ApiLimits;
  now(): number;
}
