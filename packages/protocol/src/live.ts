/**
 * The live WebSocket protocol (`GET /api/v1/live`).
 *
 * Client → server: JSON text messages (`ClientMessage`).
 * Server → client: JSON text messages (`ServerMessage`) for events and status, and
 * binary frames for positions (see `frames.ts`): one frame carries many vessels as
 * typed-array columns, so 100 k vessels cost one buffer, not 100 k JSON objects.
 */
import type { EventRecord, SourceHealth } from './records.js';

/** West, south, east, north in degrees; west > east crosses the antimeridian. */
export type BBox = [number, number, number, number];

export type ClientMessage =
  /** Positions inside the box, at most `maxHz` frames a second (server caps it). */
  | { type: 'subscribe-positions'; bbox: BBox; maxHz?: number }
  | { type: 'unsubscribe-positions' }
  /** Events as they fire, optionally only some types. */
  | { type: 'subscribe-events'; types?: string[] }
  | { type: 'unsubscribe-events' }
  | { type: 'ping'; id: number };

export type ServerMessage =
  | { type: 'hello'; version: 1; serverTime: string; maxHz: number }
  | { type: 'event'; event: EventRecord }
  | { type: 'sources'; sources: SourceHealth[] }
  | { type: 'pong'; id: number; serverTime: string }
  /** The server dropped frames because the client read too slowly. */
  | { type: 'lagging'; dropped: number }
  | { type: 'error'; code: string; message: string };
