/**
 * Fastify's own errors (schema validation, body limits, media types, bad
 * JSON) mapped onto the catalogue, so every error body is an `ApiError` with
 * a `TW_*` code whatever raised it.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { apiError } from './errors.js';

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      const details = error.validation.map((v) => {
        const extra = (v.params as { additionalProperty?: string; allowedValues?: unknown[] } | undefined) ?? {};
        const path = v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : '';
        if (extra.additionalProperty) return `unknown ${where} parameter ${JSON.stringify(extra.additionalProperty)}`;
        const allowed = extra.allowedValues ? ` (${extra.allowedValues.join(', ')})` : '';
        return `${where}${path ? ` ${path}` : ''} ${v.message ?? 'is invalid'}${allowed}`;
      });
      return reply.code(400).send(apiError('TW_BAD_REQUEST', details.join('; ')));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(apiError('TW_BODY_TOO_LARGE', `the body is larger than this route's limit of ${req.routeOptions.bodyLimit ?? '?'} bytes`));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(apiError('TW_UNSUPPORTED_MEDIA_TYPE', `media type ${JSON.stringify(req.headers['content-type'] ?? '')} is not accepted here`));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      case 'FST_ERR_CTP_EMPTY_TYPE':
      case 'FST_ERR_CTP_INVALID_TYPE':
        return reply.code(400).send(apiError('TW_BAD_BODY', error.message));
    }
    if (error instanceof SyntaxError || error.statusCode === 400) return reply.code(400).send(apiError('TW_BAD_BODY', error.message));
    if (error.statusCode === 413) return reply.code(413).send(apiError('TW_BODY_TOO_LARGE', error.message));
    if (error.statusCode === 415) return reply.code(415).send(apiError('TW_UNSUPPORTED_MEDIA_TYPE', error.message));
    if (error.statusCode === 503) return reply.code(503).send(apiError('TW_UNAVAILABLE', error.message));
    req.log.error(error);
    return reply.code(500).send(apiError('TW_INTERNAL', 'the server failed; the log has the details'));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(apiError('TW_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`)));
}
