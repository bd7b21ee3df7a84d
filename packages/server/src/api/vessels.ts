/** Vessels: the live picture in a box, and one vessel with its identity history, track and events. */
import type { FastifyInstance } from 'fastify';
import type { IdentityChange, Page, TrackPoint, VesselDetail, VesselSummary } from '@tidewatch/protocol';
import type { VesselRow } from '../store/batch.js';
import type { TrackRow } from '../store/store.js';
import { parseBBox } from './bbox.js';
import type { ApiDeps } from './deps.js';
import { apiError } from './errors.js';
import { parseTimeRange } from './params.js';
import { ERROR_RESPONSES, ref } from './schemas.js';

const WORLD = '-180,-90,180,90';
const DAY_MS = 86_400_000;

export function vesselRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: { bbox?: string; limit: number; after?: number } }>(
    '/api/v1/vessels',
    {
      schema: {
        summary: 'Live vessels in a bounding box',
        description: 'Each vessel at its last known position, by MMSI. Page with `after` (the `next` of the previous page).',
        tags: ['vessels'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            bbox: { type: 'string', description: 'west,south,east,north in degrees; west > east crosses the antimeridian. Default: the world.' },
            limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
            after: { type: 'integer', minimum: 0, description: 'List MMSIs above this one' },
          },
        },
        response: { 200: ref('VesselPage'), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const box = parseBBox(req.query.bbox ?? WORLD);
      if (!box.ok) return reply.code(400).send(apiError('TW_BAD_BBOX', box.message));
      const items = deps.picture.inBox(box.bbox, req.query.after ?? -1, req.query.limit + 1);
      const more = items.length > req.query.limit;
      if (more) items.length = req.query.limit;
      const page: Page<VesselSummary> = { items, next: more ? String(items[items.length - 1]!.mmsi) : null };
      return page;
    },
  );

  app.get<{ Params: { mmsi: number }; Querystring: { from?: string; to?: string; limit: number } }>(
    '/api/v1/vessels/:mmsi',
    {
      schema: {
        summary: 'One vessel: its identity history, its track over a time range, its events',
        description:
          'The track covers `from`..`to` (default: the 24 hours up to its last position). When it holds more than `limit` positions it is thinned evenly to `limit`; export the track for every position.',
        tags: ['vessels'],
        params: { type: 'object', required: ['mmsi'], properties: { mmsi: { type: 'integer', minimum: 0, maximum: 999999999 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            from: { type: 'string', description: 'ISO 8601' },
            to: { type: 'string', description: 'ISO 8601' },
            limit: { type: 'integer', minimum: 1, maximum: 50000, default: 5000 },
          },
        },
        response: { 200: ref('VesselDetail'), ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const { mmsi } = req.params;
      const range = parseTimeRange(req.query.from, req.query.to);
      if (!range.ok) return reply.code(range.error.statusCode).send(range.error);
      const latest = latestOf(deps, mmsi);
      if (latest === undefined || !Number.isFinite(latest.t)) {
        return reply.code(404).send(apiError('TW_VESSEL_NOT_FOUND', `no vessel with MMSI ${mmsi} has reported a position`));
      }
      const to = range.value.to ?? latest.t;
      const from = range.value.from ?? Math.min(to, latest.t) - DAY_MS;
      const detail: VesselDetail = {
        ...summaryOf(latest, deps.flagOf(mmsi)),
        identityHistory: deps.store.identityHistory(mmsi).map(
          (r): IdentityChange => ({ time: iso(r.t), name: r.name || null, callsign: r.callsign || null, imo: fin(r.imo), shipType: fin(r.shipType) }),
        ),
        track: trackPoints(deps, mmsi, from, to, req.query.limit),
        events: deps.store.events({ types: null, from, to, bbox: null, mmsi, zone: null, asset: null, order: 'desc', after: null, limit: 500 }).items,
      };
      return detail;
    },
  );
}

/** The picture's vessel if it has it, else the stored one. */
function latestOf(deps: ApiDeps, mmsi: number): VesselRow | undefined {
  const slot = deps.picture.slotOf(mmsi);
  if (slot >= 0) {
    const s = deps.picture.summary(slot);
    return {
      mmsi,
      t: Number.isFinite(deps.picture.t[slot]!) ? deps.picture.t[slot]! : NaN,
      lat: s.lat,
      lon: s.lon,
      sog: s.sog ?? NaN,
      cog: s.cog ?? NaN,
      heading: s.heading ?? NaN,
      navStatus: s.navStatus ?? NaN,
      name: s.name ?? '',
      callsign: s.callsign ?? '',
      imo: s.imo ?? NaN,
      shipType: s.shipType ?? NaN,
    };
  }
  return deps.store.vessel(mmsi);
}

function summaryOf(v: VesselRow, flag: string | null): VesselSummary {
  return {
    mmsi: v.mmsi,
    name: v.name || null,
    callsign: v.callsign || null,
    imo: fin(v.imo),
    shipType: fin(v.shipType),
    flag,
    lat: v.lat,
    lon: v.lon,
    sog: fin(v.sog),
    cog: fin(v.cog),
    heading: fin(v.heading),
    navStatus: fin(v.navStatus),
    time: iso(v.t),
  };
}

/** The track in [from, to], thinned evenly to at most `limit` points. */
function trackPoints(deps: ApiDeps, mmsi: number, from: number, to: number, limit: number): TrackPoint[] {
  const count = deps.store.trackCount(mmsi, from, to);
  const stride = Math.max(1, Math.ceil(count / limit));
  const out: TrackPoint[] = [];
  let after: { t: number; seq: number } | null = null;
  let index = 0;
  for (;;) {
    const page: TrackRow[] = deps.store.track(mmsi, from, to, after, 10_000);
    for (const r of page) {
      if (index++ % stride === 0) out.push({ time: iso(r.t), lat: r.lat, lon: r.lon, sog: fin(r.sog), cog: fin(r.cog) });
    }
    if (page.length < 10_000) return out;
    const last = page[page.length - 1]!;
    after = { t: last.t, seq: last.seq };
  }
}

function fin(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
