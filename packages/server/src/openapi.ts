/**
 * The OpenAPI 3.1 document, built from the routes themselves: every route's
 * Fastify schema (which also validates its input and serialises its output)
 * becomes its entry, so the document cannot drift from what the server does.
 * Routes register through `collect`, a Fastify `onRoute` hook.
 */
import type { RouteOptions } from 'fastify';
import { RECORD_SCHEMAS } from './api/schemas.js';

type Json = Record<string, unknown>;

declare module 'fastify' {
  /** What a route says about itself in the OpenAPI document (ignored by validation). */
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: readonly string[];
  }
}

/** Route config that schemas cannot say: request bodies that are not JSON, media types produced. */
export interface OpenApiRouteConfig {
  requestBody?: Record<string, Json>;
  produces?: string[];
}

const STATUS_TEXT: Record<string, string> = {
  '101': 'Switching to the WebSocket protocol',
  '200': 'OK',
  '201': 'Created',
  '204': 'No content',
  '400': 'The request is malformed; `message` says how',
  '404': 'Not found',
  '409': 'Conflict',
  '413': 'The body is larger than this route accepts',
  '415': 'The body is not of a media type this route accepts',
  '500': 'The server failed',
};

export class OpenApiDocument {
  private readonly routes: RouteOptions[] = [];
  private cached: Json | undefined;

  constructor(private readonly info: { title: string; version: string; description: string }) {}

  /** The `onRoute` hook. */
  readonly collect = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'HEAD')) return;
    this.routes.push(route);
    this.cached = undefined;
  };

  document(): Json {
    this.cached ??= this.build();
    return this.cached;
  }

  private build(): Json {
    const paths: Record<string, Record<string, Json>> = {};
    for (const route of this.routes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      if (path.includes('*')) continue; // the static-file fallback is not API
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        if (method === 'HEAD') continue;
        (paths[path] ??= {})[method.toLowerCase()] = this.operation(route);
      }
    }
    const schemas: Record<string, Json> = {};
    for (const [name, schema] of Object.entries(RECORD_SCHEMAS)) {
      const { $id: _id, ...rest } = schema as Json;
      schemas[name] = refs(rest) as Json;
    }
    return { openapi: '3.1.0', info: this.info, paths: sortKeys(paths), components: { schemas } };
  }

  private operation(route: RouteOptions): Json {
    const schema = (route.schema ?? {}) as Json;
    const config = ((route.config as Json | undefined)?.openapi ?? {}) as OpenApiRouteConfig;
    const op: Json = {};
    if (schema.summary) op.summary = schema.summary;
    if (schema.description) op.description = schema.description;
    if (schema.tags) op.tags = schema.tags;
    const parameters = [...params(schema.params as Json | undefined, 'path'), ...params(schema.querystring as Json | undefined, 'query')];
    if (parameters.length > 0) op.parameters = parameters;
    if (config.requestBody) {
      op.requestBody = { required: true, content: Object.fromEntries(Object.entries(config.requestBody).map(([type, s]) => [type, { schema: s }])) };
    } else if (schema.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: refs(schema.body) } } };
    }
    const responses: Record<string, Json> = {};
    if ((route as { websocket?: boolean }).websocket === true) responses['101'] = { description: STATUS_TEXT['101']! };
    const declared = (schema.response ?? {}) as Record<string, Json>;
    if (!declared['200'] && !declared['201'] && !declared['204'] && !responses['101']) {
      responses['200'] = config.produces
        ? { description: 'OK', content: Object.fromEntries(config.produces.map((t) => [t, { schema: { type: 'string' } }])) }
        : { description: 'OK' };
    }
    for (const [status, s] of Object.entries(declared)) {
      const description = STATUS_TEXT[status] ?? 'Response';
      responses[status] = (s as Json).type === 'null' ? { description } : { description, content: { 'application/json': { schema: refs(s) } } };
    }
    op.responses = sortKeys(responses);
    return op;
  }
}

function params(schema: Json | undefined, where: 'path' | 'query'): Json[] {
  if (schema === undefined) return [];
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, s]) => {
    const { description, ...rest } = s;
    const p: Json = { name, in: where, required: where === 'path' || required.has(name), schema: refs(rest) };
    if (description) p.description = description;
    return p;
  });
}

/** Rewrites Fastify's `{$ref: 'Name#'}` into `#/components/schemas/Name`. */
function refs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(refs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.endsWith('#') ? `#/components/schemas/${v.slice(0, -1)}` : refs(v);
  }
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
