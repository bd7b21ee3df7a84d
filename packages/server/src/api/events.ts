/** Events: filtered by type, time, box, vessel, zone or asset, paged by cursor; and one by id. */
import type { FastifyInstance } from 'fastify';
import { EVENT_TYPES, type ApiError } from '@tidewatch/protocol';
import type { EventQuery } from '../store/store.js';
import { parseBBox } from './bbox.js';
import type { ApiDeps } from './deps.js';
import { apiError } from './errors.js';
import { decodeCursor, encodeCursor, parseTimeRange } from './params.js';
import { ERROR_RESPONSES, ref } from './schemas.js';

export interface EventFilterQuery {
  type?: string;
  from?: string;
  to?: string;
  bbox?: string;
  mmsi?: number;
  zone?: string;
  asset?: string;
}

/** The filter parameters, shared with the events export. */
export const EVENT_FILTER_PROPERTIES = {
  type: { type: 'string', maxLength: 1000, description: `Comma-separated event types: ${EVENT_TYPES.join(', ')}` },
  from: { type: 'string', description: 'ISO 8601: events still going on at or after this time' },
  to: { type: 'string', description: 'ISO 8601: events that started at or before this time' },
  bbox: { type: 'string', description: "west,south,east,north: the event's position lies in the box" },
  mmsi: { type: 'integer', minimum: 0, maximum: 999999999, description: 'Events involving this vessel' },
  zone: { type: 'string', maxLength: 200, description: 'Events concerning this zone' },
  asset: { type: 'string', maxLength: 200, description: 'Events concerning this infrastructure asset' },
} as const;

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/** The filter as a store query, or the error in it. */
export function eventQuery(q: EventFilterQuery, order: 'asc' | 'desc', limit: number): { ok: true; query: EventQuery } | { ok: false; error: ApiError } {
  let types: string[] | null = null;
  if (q.type !== undefined) {
    types = q.type.split(',').map((t) => t.trim());
    const unknown = types.find((t) => !KNOWN_TYPES.has(t));
    if (unknown !== undefined) return { ok: false, error: apiError('TW_BAD_REQUEST', `type ${JSON.stringify(unknown.slice(0, 40))} is not an event type (${EVENT_TYPES.join(', ')})`) };
  }
  const range = parseTimeRange(q.from, q.to);
  if (!range.ok) return range;
  let bbox = null;
  if (q.bbox !== undefined) {
    const b = parseBBox(q.bbox);
    if (!b.ok) return { ok: false, error: apiError('TW_BAD_BBOX', b.message) };
    bbox = b.bbox;
  }
  return {
    ok: true,
    query: { types, from: range.value.from, to: range.value.to, bbox, mmsi: q.mmsi ?? null, zone: q.zone ?? null, asset: q.asset ?? null, order, after: null, limit },
  };
}

export function eventRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: EventFilterQuery & { limit: number; cursor?: string; order: 'asc' | 'desc' } }>(
    '/api/v1/events',
    {
      schema: {
        summary: 'Events, filtered and paged',
        description: 'Newest first by default (by start time, then id). Pass `next` back as `cursor` for the next page.',
        tags: ['events'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...EVENT_FILTER_PROPERTIES,
            order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            cursor: { type: 'string', maxLength: 400 },
          },
        },
        response: { 200: ref('EventPage'), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const parsed = eventQuery(req.query, req.query.order, req.query.limit);
      if (!parsed.ok) return reply.code(parsed.error.statusCode).send(parsed.error);
      const cursor = decodeCursor(req.query.cursor, req.query.order);
      if (!cursor.ok) return reply.code(400).send(cursor.error);
      // The records go out as stored: already JSON, not parsed and serialised again.
      const result = deps.store.eventsJson({ ...parsed.query, after: cursor.value });
      const next = result.next === null ? null : encodeCursor(result.next, req.query.order);
      return reply.type('application/json; charset=utf-8').send(`{"items":[${result.items.join(',')}],"next":${JSON.stringify(next)}}`);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/events/:id',
    {
      schema: {
        summary: 'One event by id',
        tags: ['events'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 300 } } },
        response: { 200: ref('EventRecord'), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const e = deps.store.event(req.params.id);
      if (e === undefined) return reply.code(404).send(apiError('TW_EVENT_NOT_FOUND', `no event ${JSON.stringify(req.params.id.slice(0, 80))}`));
      return e;
    },
  );
}
