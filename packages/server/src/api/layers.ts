/** Layers: zones, infrastructure and watchlists; listed, fetched, uploaded, deleted. */
import type { FastifyInstance } from 'fastify';
import type { LayerKind } from '@tidewatch/protocol';
import type { LayerFormat } from '../layers/registry.js';
import type { ApiDeps } from './deps.js';
import { apiError } from './errors.js';
import { ERROR_RESPONSES, ref } from './schemas.js';

const GEOJSON_TYPES = ['application/geo+json', 'application/json'];
const CSV_TYPES = ['text/csv'];

/** Registered in their own scope: uploads are parsed as text (stored as sent), with a larger body limit. */
export function layerRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser([...GEOJSON_TYPES, ...CSV_TYPES], { parseAs: 'string', bodyLimit: deps.limits.layerBodyBytes }, (_req, body, done) => done(null, body));

    scope.get(
      '/api/v1/layers',
      {
        schema: {
          summary: 'Every layer: builtin (shipped in data/) and uploaded',
          tags: ['layers'],
          response: { 200: { type: 'array', items: ref('LayerInfo') }, ...ERROR_RESPONSES },
        },
      },
      async () => deps.layers.list(),
    );

    scope.get<{ Params: { id: string } }>(
      '/api/v1/layers/:id',
      {
        schema: {
          summary: 'One layer as it was uploaded: GeoJSON for zones and infrastructure, CSV for watchlists',
          tags: ['layers'],
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } },
          response: { 404: ref('ApiError') },
        },
      },
      async (req, reply) => {
        const layer = deps.layers.get(req.params.id);
        if (layer === undefined) return reply.code(404).send(apiError('TW_LAYER_NOT_FOUND', `no layer ${JSON.stringify(req.params.id.slice(0, 80))}`));
        return reply.type(layer.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json').send(layer.body);
      },
    );

    scope.post<{ Querystring: { kind: LayerKind; name?: string }; Body: string }>(
      '/api/v1/layers',
      {
        bodyLimit: deps.limits.layerBodyBytes,
        schema: {
          summary: 'Upload a layer',
          description:
            'Zones and infrastructure as a GeoJSON FeatureCollection (application/geo+json or application/json): zones of Polygon/MultiPolygon features, infrastructure of LineString/MultiLineString features. Watchlists as CSV (text/csv) with a header naming mmsi, imo and/or name columns. A malformed layer is refused with every problem found in `issues`.',
          tags: ['layers'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['kind'],
            properties: {
              kind: { type: 'string', enum: ['zones', 'infrastructure', 'watchlist'] },
              name: { type: 'string', minLength: 1, maxLength: 200 },
            },
          },
          response: { 201: ref('LayerInfo'), 413: ref('ApiError'), 415: ref('ApiError'), ...ERROR_RESPONSES },
        },
        config: { openapi: { requestBody: { 'application/geo+json': { type: 'object' }, 'text/csv': { type: 'string' } } } },
      },
      async (req, reply) => {
        const { kind } = req.query;
        const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format: LayerFormat = CSV_TYPES.includes(contentType) ? 'csv' : 'geojson';
        const wanted: LayerFormat = kind === 'watchlist' ? 'csv' : 'geojson';
        if (format !== wanted) {
          const send = wanted === 'csv' ? 'text/csv' : 'application/geo+json';
          return reply.code(415).send(apiError('TW_UNSUPPORTED_MEDIA_TYPE', `a ${kind} layer is sent as ${send}, not ${contentType}`));
        }
        if (typeof req.body !== 'string' || req.body.trim() === '') return reply.code(400).send(apiError('TW_BAD_BODY', 'the layer is empty'));
        const name = req.query.name ?? `${kind} ${new Date(deps.now()).toISOString()}`;
        const result = deps.layers.upload(kind, name, format, req.body);
        if (!result.ok) return reply.code(400).send({ ...apiError(result.code, result.message), issues: result.issues });
        return reply.code(201).send(result.info);
      },
    );

    scope.delete<{ Params: { id: string } }>(
      '/api/v1/layers/:id',
      {
        schema: {
          summary: 'Delete an uploaded layer (builtin layers go with their file)',
          tags: ['layers'],
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } },
          response: { 204: { type: 'null' }, 409: ref('ApiError'), ...ERROR_RESPONSES },
        },
      },
      async (req, reply) => {
        const id = req.params.id;
        switch (deps.layers.remove(id)) {
          case 'removed':
            return reply.code(204).send();
          case 'builtin':
            return reply.code(409).send(apiError('TW_LAYER_BUILTIN', `layer ${id} is builtin: remove its file from data/ instead`));
          case 'missing':
            return reply.code(404).send(apiError('TW_LAYER_NOT_FOUND', `no layer ${JSON.stringify(id.slice(0, 80))}`));
        }
      },
    );
  });
}
