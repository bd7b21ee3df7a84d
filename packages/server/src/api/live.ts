/** The live WebSocket endpoint; the protocol is in `@tidewatch/protocol` (live.ts, frames.ts). */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from './deps.js';

export function liveRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get(
    '/api/v1/live',
    {
      websocket: true,
      schema: {
        summary: 'Live positions (binary frames) and events (JSON) over a WebSocket',
        description:
          'Send {"type":"subscribe-positions","bbox":[w,s,e,n],"maxHz":2} and/or {"type":"subscribe-events","types":["encounter"]}. Positions arrive as binary frames (see @tidewatch/protocol frames.ts): a snapshot of the box, then the vessels that changed, at most maxHz a second. A client that reads too slowly is sent {"type":"lagging"} and skips frames; one that stops reading is disconnected.',
        tags: ['live'],
      },
    },
    (socket) => deps.live.attach(socket),
  );
}
