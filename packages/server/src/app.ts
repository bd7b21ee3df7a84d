/**
 * The composition root: the one place where the store, the engine, the
 * sources, the live fan-out and the HTTP routes are put together.
 *
 *     const server = createServer({ store, engine: (layers) => createEngine({ profile }) });
 *     const { url } = await server.start();
 *     ...
 *     await server.stop();
 *
 * The store and the engine come in as arguments (ports); nothing here is a
 * module-level singleton, so tests run several servers side by side.
 */
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { flagIsoOf } from '@tidewatch/engine';
import type { SourceHealth } from '@tidewatch/protocol';
import { DEFAULT_LIMITS, type ApiDeps, type ApiLimits } from './api/deps.js';
import { installErrorHandling } from './api/error-handler.js';
import { apiError } from './api/errors.js';
import { eventRoutes } from './api/events.js';
import { exportRoutes } from './api/exports.js';
import { healthRoutes } from './api/health.js';
import { layerRoutes } from './api/layers.js';
import { liveRoutes } from './api/live.js';
import { RECORD_SCHEMAS } from './api/schemas.js';
import { sourceRoutes } from './api/sources.js';
import { staticRoutes } from './api/static-files.js';
import { vesselRoutes } from './api/vessels.js';
import { fileReplaySource, replayName } from './ingest/file-replay.js';
import { SourceStatus, type Source } from './ingest/source.js';
import { tcpClientSource } from './ingest/tcp-client.js';
import { tcpListenerSource } from './ingest/tcp-listener.js';
import { udpListenerSource } from './ingest/udp-listener.js';
import { LayerRegistry, type LayerSet } from './layers/registry.js';
import { LiveFanOut, type LiveOptions } from './live/fan-out.js';
import { LivePicture } from './live/picture.js';
import { OpenApiDocument } from './openapi.js';
import { Pipeline, type EventEngine, type PipelineOptions, type ResumeReport } from './pipeline.js';
import { applyRetention, DEFAULT_RETENTION, type RetentionSettings } from './store/retention.js';
import type { Store } from './store/store.js';

export type SourceSpec =
  | { kind: 'tcp-client'; host: string; port: number; name?: string }
  | { kind: 'tcp-listener'; port: number; host?: string; name?: string }
  | { kind: 'udp-listener'; port: number; host?: string; name?: string }
  | { kind: 'file-replay'; path: string; speed: number; name?: string };

export interface ServerOptions {
  store: Store;
  /** Builds an engine over the layers in force (at start, after a layer changes, after the engine finishes a replay). */
  engine: (layers: LayerSet) => EventEngine;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  sources?: SourceSpec[];
  /** The product's data folder, whose zones/, infrastructure/ and watchlists/ are the builtin layers; null for none. */
  dataDir?: string | null;
  /** The built web UI to serve at `/`; null for none. */
  webRoot?: string | null;
  retention?: Partial<RetentionSettings>;
  /** How often retention runs, ms. */
  retentionEveryMs?: number;
  pipeline?: Partial<PipelineOptions>;
  live?: Partial<LiveOptions>;
  limits?: Partial<ApiLimits>;
  /**
   * When every source is a replay, finish the engine once they all ended, so
   * episodes still open close as a batch replay closes them. Default true.
   */
  finishAfterReplay?: boolean;
  /** Flag state of an MMSI for the API; default: the ISO 3166-1 alpha-3 code of its MID's country. */
  flagOf?: (mmsi: number) => string | null;
  /** Fastify's request log. */
  logger?: boolean;
  now?: () => number;
}

export interface TidewatchServer {
  readonly app: FastifyInstance;
  readonly pipeline: Pipeline;
  readonly picture: LivePicture;
  readonly live: LiveFanOut;
  readonly layers: LayerRegistry;
  readonly sources: readonly Source[];
  /** Problems met loading layers (files that did not parse). */
  readonly warnings: readonly string[];
  /** Resolves once every replay has ended (at once when there is none). */
  readonly replaysDone: Promise<void>;
  /** Restores state, listens, starts the sources. */
  start(): Promise<{ url: string; port: number; resumed: ResumeReport }>;
  /** Stops the sources, writes what is pending, closes the listener. The store stays open: its owner closes it. */
  stop(): Promise<void>;
}

export function createServer(options: ServerOptions): TidewatchServer {
  const now = options.now ?? Date.now;
  const store = options.store;
  const flagOf = options.flagOf ?? ((mmsi: number) => flagIsoOf(mmsi) ?? null);
  const retention: RetentionSettings = { ...DEFAULT_RETENTION, ...options.retention };
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };

  const layers = new LayerRegistry(store, now);
  const warnings = [...layers.load(), ...(options.dataDir ? layers.syncBuiltins(options.dataDir) : [])];

  const picture = new LivePicture(flagOf);
  const sources: Source[] = [];
  const httpSource = new SourceStatus('http-post', 'http-post', 'listening');
  const health = (): SourceHealth[] => [httpSource, ...sources.map((s) => s.status)].map((s) => s.health());
  const live = new LiveFanOut(picture, health, options.live, now);

  const specs = options.sources ?? [];
  const replays = specs.filter((s) => s.kind === 'file-replay').length;
  const finishAfterReplay = (options.finishAfterReplay ?? true) && replays > 0 && replays === specs.length;
  let replaysFinished = 0;
  const pipeline = new Pipeline(
    store,
    () => options.engine(layers.set()),
    picture,
    (record) => live.event(record),
    (status) => {
      if (status.kind !== 'file-replay') return;
      if (++replaysFinished === replays && finishAfterReplay) pipeline.finishEngine();
    },
    { ...options.pipeline, now },
  );

  const names = new Set<string>();
  const unique = (name: string): string => {
    let n = name;
    for (let i = 2; names.has(n); i++) n = `${name}#${i}`;
    names.add(n);
    return n;
  };
  const replaySources: Array<Source & { done: Promise<void> }> = [];
  for (const spec of specs) {
    switch (spec.kind) {
      case 'tcp-client':
        sources.push(tcpClientSource({ name: unique(spec.name ?? `tcp:${spec.host}:${spec.port}`), host: spec.host, port: spec.port, now }, pipeline));
        break;
      case 'tcp-listener':
        sources.push(tcpListenerSource({ name: unique(spec.name ?? `listen-tcp:${spec.port}`), port: spec.port, host: spec.host, now }, pipeline));
        break;
      case 'udp-listener':
        sources.push(udpListenerSource({ name: unique(spec.name ?? `listen-udp:${spec.port}`), port: spec.port, host: spec.host, now }, pipeline));
        break;
      case 'file-replay': {
        const replay = fileReplaySource({ name: unique(spec.name ?? replayName(spec.path)), path: spec.path, speed: spec.speed, now }, pipeline);
        sources.push(replay);
        replaySources.push(replay);
        break;
      }
    }
  }

  const openapi = new OpenApiDocument({
    title: 'Tidewatch',
    version: '1',
    description: 'Live vessels, tracks, detected behaviour (events), reference layers and ingest health. Errors are ApiError bodies with stable TW_* codes.',
  });
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Errors Fastify raises before routing (a malformed URL, a bad content type header).
    frameworkErrors: (error, _req, reply) => {
      void (reply as FastifyReply).code(400).send(apiError('TW_BAD_REQUEST', error.message));
    },
  });
  app.addHook('onRoute', openapi.collect);
  for (const schema of Object.values(RECORD_SCHEMAS)) app.addSchema(schema);
  installErrorHandling(app);
  const deps: ApiDeps = { store, picture, layers, ingest: pipeline, httpSource, sources: health, live, flagOf, limits, now };
  app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.register(async (api) => {
    healthRoutes(api, deps, () => openapi.document());
    vesselRoutes(api, deps);
    eventRoutes(api, deps);
    layerRoutes(api, deps);
    sourceRoutes(api, deps);
    exportRoutes(api, deps);
    liveRoutes(api, deps);
    staticRoutes(api, options.webRoot ?? null);
  });

  let replaysDoneResolve: () => void = () => {};
  const replaysDone = new Promise<void>((resolve) => (replaysDoneResolve = resolve));
  let retentionTimer: NodeJS.Timeout | undefined;
  let retentionRunning: Promise<unknown> | undefined;
  let stopping = false;

  const runRetention = (): void => {
    if (retentionRunning !== undefined || stopping) return;
    const newest = picture.newest;
    retentionRunning = applyRetention(store, newest, retention, () => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        if (retention.retentionDays !== null && Number.isFinite(newest)) picture.expireBefore(newest - retention.retentionDays * 86_400_000);
      })
      .catch((e: unknown) => app.log.error(e))
      .finally(() => (retentionRunning = undefined));
  };

  /** Replays play one after another, in the order given: data time runs forward through the list. */
  const playReplays = async (): Promise<void> => {
    for (const r of replaySources) {
      if (stopping) break;
      r.start();
      await r.done;
    }
    replaysDoneResolve();
  };

  return {
    app,
    pipeline,
    picture,
    live,
    layers,
    sources,
    warnings,
    replaysDone,
    async start() {
      const resumed = pipeline.resume();
      layers.onChange(() => pipeline.rebuildEngine());
      pipeline.start();
      live.start();
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
      for (const s of sources) if (s.status.kind !== 'file-replay') s.start();
      void playReplays();
      runRetention();
      retentionTimer = setInterval(runRetention, options.retentionEveryMs ?? 60_000);
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 8080);
      const host = options.host ?? '127.0.0.1';
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      return { url: `http://${shown}:${port}/`, port, resumed };
    },
    async stop() {
      stopping = true;
      if (retentionTimer !== undefined) clearInterval(retentionTimer);
      await Promise.all(sources.map((s) => s.stop()));
      await retentionRunning;
      live.stop();
      pipeline.stop();
      await app.close();
    },
  };
}
