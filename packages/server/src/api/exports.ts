/**
 * Exports: a vessel's track and filtered events as GeoJSON, KML or CSV,
 * streamed from the store page by page (an export of any size holds one page
 * in memory, and a slow download slows the reads, not the server).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { EventRecord } from '@tidewatch/protocol';
import { EXPORT_FORMATS, type ExportFormatName } from '../exports/formats.js';
import type { RowWriter, TrackPointRow } from '../exports/format.js';
import type { ApiDeps } from './deps.js';
import { eventQuery, EVENT_FILTER_PROPERTIES, type EventFilterQuery } from './events.js';
import { apiError } from './errors.js';
import { parseTimeRange } from './params.js';
import { ERROR_RESPONSES } from './schemas.js';

const PAGE = 2000;
const FORMAT = { type: 'string', enum: Object.keys(EXPORT_FORMATS), default: 'geojson' } as const;

export function exportRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: EventFilterQuery & { format: ExportFormatName } }>(
    '/api/v1/export/events',
    {
      schema: {
        summary: 'Events as GeoJSON, KML or CSV',
        description: 'Every event matching the filter (the same parameters as /api/v1/events), oldest first.',
        tags: ['exports'],
        querystring: { type: 'object', additionalProperties: false, properties: { ...EVENT_FILTER_PROPERTIES, format: FORMAT } },
        response: ERROR_RESPONSES,
      },
      config: { openapi: { produces: ['application/geo+json', 'application/vnd.google-earth.kml+xml', 'text/csv'] } },
    },
    async (req, reply) => {
      const parsed = eventQuery(req.query, 'asc', PAGE);
      if (!parsed.ok) return reply.code(parsed.error.statusCode).send(parsed.error);
      const format = EXPORT_FORMATS[req.query.format];
      const query = parsed.query;
      const pages = function* (): Generator<EventRecord[]> {
        let after = null;
        for (;;) {
          const page = deps.store.events({ ...query, after });
          yield page.items;
          if (page.next === null) return;
          after = page.next;
        }
      };
      return sendExport(reply, format.mediaType, `tidewatch-events.${format.extension}`, stream(format.events, 'Tidewatch events', pages()));
    },
  );

  app.get<{ Params: { mmsi: number }; Querystring: { from?: string; to?: string; format: ExportFormatName } }>(
    '/api/v1/export/vessels/:mmsi/track',
    {
      schema: {
        summary: "A vessel's track as GeoJSON, KML or CSV",
        description: 'Every stored position in `from`..`to` (default: all), oldest first.',
        tags: ['exports'],
        params: { type: 'object', required: ['mmsi'], properties: { mmsi: { type: 'integer', minimum: 0, maximum: 999999999 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'string', description: 'ISO 8601' }, to: { type: 'string', description: 'ISO 8601' }, format: FORMAT },
        },
        response: ERROR_RESPONSES,
      },
      config: { openapi: { produces: ['application/geo+json', 'application/vnd.google-earth.kml+xml', 'text/csv'] } },
    },
    async (req, reply) => {
      const { mmsi } = req.params;
      const range = parseTimeRange(req.query.from, req.query.to);
      if (!range.ok) return reply.code(range.error.statusCode).send(range.error);
      if (deps.picture.slotOf(mmsi) < 0 && deps.store.vessel(mmsi) === undefined) {
        return reply.code(404).send(apiError('TW_VESSEL_NOT_FOUND', `no vessel with MMSI ${mmsi}`));
      }
      const from = range.value.from ?? -8.64e15;
      const to = range.value.to ?? 8.64e15;
      const format = EXPORT_FORMATS[req.query.format];
      const pages = function* (): Generator<TrackPointRow[]> {
        let after = null;
        for (;;) {
          const rows = deps.store.track(mmsi, from, to, after, PAGE);
          yield rows.map((r) => ({
            mmsi,
            time: new Date(r.t).toISOString(),
            lat: r.lat,
            lon: r.lon,
            sog: fin(r.sog),
            cog: fin(r.cog),
            heading: fin(r.heading),
            navStatus: fin(r.navStatus),
          }));
          if (rows.length < PAGE) return;
          const last = rows[rows.length - 1]!;
          after = { t: last.t, seq: last.seq };
        }
      };
      return sendExport(reply, format.mediaType, `tidewatch-track-${mmsi}.${format.extension}`, stream(format.track, `Track of ${mmsi}`, pages()));
    },
  );
}

function sendExport(reply: import('fastify').FastifyReply, mediaType: string, filename: string, body: AsyncGenerator<string>): import('fastify').FastifyReply {
  return reply
    .type(mediaType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(body, { objectMode: false }));
}

/** Head, rows page by page (one chunk per page), tail; pages are read only as the client takes them. */
async function* stream<R>(writer: RowWriter<R>, title: string, pages: Generator<R[]>): AsyncGenerator<string> {
  yield writer.head(title);
  let index = 0;
  for (const page of pages) {
    let chunk = '';
    for (const r of page) chunk += writer.row(r, index++);
    if (chunk !== '') yield chunk;
  }
  yield writer.tail();
}

function fin(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
