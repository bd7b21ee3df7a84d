/** Ingest: source health, and NMEA lines POSTed over HTTP. */
import type { FastifyInstance } from 'fastify';
import { SourceStatus } from '../ingest/source.js';
import type { ApiDeps } from './deps.js';
import { ERROR_RESPONSES, ref } from './schemas.js';

export function sourceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get(
    '/api/v1/sources',
    {
      schema: {
        summary: 'Every ingest source with its state and counters',
        tags: ['ingest'],
        response: { 200: { type: 'array', items: ref('SourceHealth') }, ...ERROR_RESPONSES },
      },
    },
    async () => deps.sources(),
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(['application/x-nmea', 'application/octet-stream'], { parseAs: 'string', bodyLimit: deps.limits.ingestBodyBytes }, (_req, body, done) => done(null, body));
    scope.post<{ Body: string }>(
      '/api/v1/ingest',
      {
        bodyLimit: deps.limits.ingestBodyBytes,
        schema: {
          summary: 'Ingest NMEA lines',
          description:
            'The body is NMEA 0183 AIS sentences, one per line, optionally with tag blocks (text/plain). Lines without a tag-block time get the time of the request. Multi-sentence messages must be whole within one request. The reply comes once the lines are stored.',
          tags: ['ingest'],
          response: { 200: ref('IngestResult'), 413: ref('ApiError'), 415: ref('ApiError'), ...ERROR_RESPONSES },
        },
        config: { openapi: { requestBody: { 'text/plain': { type: 'string' } } } },
      },
      async (req) => {
        const body = typeof req.body === 'string' ? req.body : '';
        // Counted per request for the reply, then added to the shared http-post record.
        const counts = new SourceStatus('request', 'http-post', 'connected');
        const channel = deps.ingest.channel(counts);
        const receivedAt = deps.now();
        let start = 0;
        while (start < body.length) {
          let nl = body.indexOf('\n', start);
          if (nl < 0) nl = body.length;
          if (nl > start) channel.pushLine(body.slice(start, nl), receivedAt);
          start = nl + 1;
        }
        channel.end();
        // Acknowledged means stored: a crash after the reply cannot lose these lines.
        deps.ingest.flush();
        const shared = deps.httpSource;
        shared.lines += counts.lines;
        shared.messages += counts.messages;
        if (counts.messages > 0) shared.lastMessage = counts.lastMessage;
        const rejected = counts.health().rejected;
        for (const [reason, n] of Object.entries(rejected)) shared.reject(reason, n);
        return { lines: counts.lines, messages: counts.messages, rejected };
      },
    );
  });
}
