/**
 * The browser UI's built files (the web package's `dist/`), served at `/`.
 * Paths are resolved inside the root and never outside it; an unknown path
 * without an extension gets index.html, so the UI's own routes load. When the
 * UI is not built, `/` says how to build it and where the API is.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { apiError } from './errors.js';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pbf': 'application/x-protobuf',
};

export function staticRoutes(app: FastifyInstance, webRoot: string | null): void {
  const root = webRoot !== null && existsSync(join(webRoot, 'index.html')) ? resolve(webRoot) : null;
  app.get('/*', async (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(req.url.split('?')[0]!);
    } catch {
      return reply.code(400).send(apiError('TW_BAD_REQUEST', 'the path is not valid percent-encoding'));
    }
    if (path.startsWith('/api/')) return reply.code(404).send(apiError('TW_NOT_FOUND', `no route GET ${path.slice(0, 200)}`));
    if (root === null) {
      if (path !== '/') return reply.code(404).send(apiError('TW_NOT_FOUND', `no route GET ${path.slice(0, 200)}`));
      return reply
        .type('text/plain; charset=utf-8')
        .send('Tidewatch server. The web UI is not built here (npm run build -w @tidewatch/web).\nAPI: /api/v1/...  OpenAPI: /openapi.json  Live: /api/v1/live (WebSocket)\n');
    }
    let file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) return reply.code(404).send(apiError('TW_NOT_FOUND', 'outside the web root'));
    if (!isFile(file)) {
      if (extname(file) !== '') return reply.code(404).send(apiError('TW_NOT_FOUND', `no file ${path.slice(0, 200)}`));
      file = join(root, 'index.html');
    }
    const type = MEDIA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return reply.type(type).send(createReadStream(file));
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
