/** Liveness and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './deps.js';
import { ref } from './schemas.js';

export function healthRoutes(app: FastifyInstance, deps: ApiDeps, openapi: () => unknown): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'The server is up',
        tags: ['meta'],
        response: { 200: ref('Health') },
      },
    },
    async () => ({
      status: 'ok',
      vessels: deps.picture.size,
      newestData: Number.isFinite(deps.picture.newest) ? new Date(deps.picture.newest).toISOString() : null,
    }),
  );
  app.get('/openapi.json', { schema: { summary: 'This API as an OpenAPI 3.1 document', tags: ['meta'] } }, async () => openapi());
}
