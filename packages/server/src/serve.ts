/**
 * `tidewatch serve`: the options, their checking, and running the server on
 * the embedded store until SIGINT/SIGTERM.
 *
 * The CLI registers `SERVE_OPTIONS` with its argument parser and hands the
 * parsed values to `runServe`; nothing here parses argv itself, so the same
 * function serves the CLI, tests and scripts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtInProfile, BUILT_IN_PROFILES, createEngine, DEFAULT_PROFILE_ID, parseProfile, type Profile } from '@tidewatch/engine';
import { createServer, type SourceSpec, type TidewatchServer } from './app.js';
import { LayerCache } from './layers/layer-cache.js';
import { readReferenceLayers } from './layers/reference.js';
import { engineLayers } from './layers/engine-layers.js';
import { openSqliteStore, STORE_FILE, type SqliteStore } from './store/sqlite-store.js';

/** One option of `tidewatch serve`, as commander-style flags. */
export interface ServeOptionSpec {
  flags: string;
  description: string;
  default?: string;
  /** May be given several times (collect into an array). */
  repeatable?: boolean;
}

export const SERVE_SUMMARY = 'Run the server: ingest feeds and replays, store, HTTP + WebSocket API, the live map';

export const SERVE_OPTIONS: readonly ServeOptionSpec[] = [
  { flags: '--port <port>', description: 'HTTP port (0: any free port)', default: '8080' },
  { flags: '--host <host>', description: 'address to listen on (0.0.0.0 for every interface)', default: '127.0.0.1' },
  { flags: '--data-dir <dir>', description: 'where the embedded store lives', default: '.tidewatch' },
  { flags: '--replay <file>', description: 'replay an NMEA file (.nmea or .gz); repeat for several, played in order', repeatable: true },
  { flags: '--speed <x>', description: 'replay speed: data seconds per second (0: as fast as possible)', default: '60' },
  { flags: '--tcp <host:port>', description: 'connect to an NMEA feed over TCP (reconnects); repeatable', repeatable: true },
  { flags: '--listen-tcp <port>', description: 'accept NMEA feeds on this TCP port' },
  { flags: '--listen-udp <port>', description: 'receive NMEA datagrams on this UDP port' },
  { flags: '--profile <id|file>', description: `detection profile: ${[...BUILT_IN_PROFILES.keys()].join(', ')}, or a profile JSON file`, default: DEFAULT_PROFILE_ID },
  { flags: '--retention-days <days>', description: 'keep this many days of data (0: keep everything)', default: '30' },
];

/** The values as an argument parser hands them over: strings, arrays of strings for repeatable options. */
export interface ServeArgs {
  port?: string | number;
  host?: string;
  dataDir?: string;
  replay?: string | string[];
  speed?: string | number;
  tcp?: string | string[];
  listenTcp?: string | number;
  listenUdp?: string | number;
  profile?: string;
  retentionDays?: string | number;
}

export interface ServeConfig {
  port: number;
  host: string;
  dataDir: string;
  sources: SourceSpec[];
  profile: Profile;
  retentionDays: number | null;
}

/** The product's data folder (builtin layers, samples) and the built web UI, beside this package in the repository. */
export const PRODUCT_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Checks the arguments; every problem is a message naming the option and the value. */
export function serveConfig(args: ServeArgs): { ok: true; config: ServeConfig } | { ok: false; error: string } {
  const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const port = portOf('--port', args.port ?? 8080);
  if (typeof port === 'string') return { ok: false, error: port };
  const speed = Number(args.speed ?? 60);
  if (!(speed >= 0) || !Number.isFinite(speed)) return { ok: false, error: `--speed ${args.speed}: not a number >= 0` };
  const sources: SourceSpec[] = [];
  for (const t of list(args.tcp)) {
    const m = /^(.+):(\d+)$/.exec(t);
    const p = m ? portOf('--tcp', m[2]!) : 'bad';
    if (!m || typeof p === 'string' || p === 0) return { ok: false, error: `--tcp ${t}: expected host:port` };
    sources.push({ kind: 'tcp-client', host: m[1]!.replace(/^\[|\]$/g, ''), port: p });
  }
  for (const [flag, value, kind] of [['--listen-tcp', args.listenTcp, 'tcp-listener'], ['--listen-udp', args.listenUdp, 'udp-listener']] as const) {
    if (value === undefined) continue;
    const p = portOf(flag, value);
    if (typeof p === 'string') return { ok: false, error: p };
    sources.push({ kind, port: p, host: args.host ?? '127.0.0.1' });
  }
  for (const path of list(args.replay)) sources.push({ kind: 'file-replay', path, speed });
  const profile = profileOf(args.profile ?? DEFAULT_PROFILE_ID);
  if (typeof profile === 'string') return { ok: false, error: profile };
  const days = Number(args.retentionDays ?? 30);
  if (!(days >= 0) || !Number.isFinite(days)) return { ok: false, error: `--retention-days ${args.retentionDays}: not a number >= 0` };
  return { ok: true, config: { port, host: args.host ?? '127.0.0.1', dataDir: args.dataDir ?? '.tidewatch', sources, profile, retentionDays: days === 0 ? null : days } };
}

function portOf(flag: string, value: string | number): number | string {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : `${flag} ${value}: not a port number (0-65535)`;
}

function profileOf(idOrFile: string): Profile | string {
  const builtIn = builtInProfile(idOrFile);
  if (builtIn !== undefined) return builtIn;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(idOrFile, 'utf8'));
  } catch (e) {
    return `--profile ${idOrFile}: neither a built-in profile (${[...BUILT_IN_PROFILES.keys()].join(', ')}) nor a readable JSON file (${(e as Error).message})`;
  }
  const parsed = parseProfile(json);
  if (!parsed.ok) return `--profile ${idOrFile}: ${parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`;
  return parsed.profile;
}

export interface RunningServe {
  server: TidewatchServer;
  store: SqliteStore;
  url: string;
  /** Stops the server and closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the server on the embedded store in `dataDir` and prints where to
 * open it. Resolves once it is serving; SIGINT/SIGTERM stop it cleanly.
 */
export async function runServe(args: ServeArgs, print: (line: string) => void = (l) => console.log(l)): Promise<{ ok: true; running: RunningServe } | { ok: false; error: string }> {
  const checked = serveConfig(args);
  if (!checked.ok) return checked;
  const config = checked.config;
  const opened = openSqliteStore(config.dataDir);
  if (!opened.ok) return opened;
  const store = opened.store;
  const layerCache = LayerCache.fromEnvironment();
  const reference = readReferenceLayers(PRODUCT_DATA_DIR, layerCache);
  if (!reference.ok) {
    store.close();
    return { ok: false, error: reference.error };
  }
  const server = createServer({
    store,
    engine: (layers) => createEngine({ profile: config.profile, layers: engineLayers(layers, reference.layers) }),
    host: config.host,
    port: config.port,
    sources: config.sources,
    dataDir: PRODUCT_DATA_DIR,
    webRoot: WEB_ROOT,
    retention: { retentionDays: config.retentionDays },
  });
  for (const w of server.warnings) print(`warning: ${w}`);
  for (const note of reference.layers.notes) print(note);
  if (layerCache.note !== undefined) print(layerCache.note);
  let started;
  try {
    started = await server.start();
  } catch (e) {
    await server.stop().catch(() => undefined);
    store.close();
    return { ok: false, error: `cannot start: ${(e as Error).message}` };
  }
  const { url, resumed } = started;
  if (resumed.refed > 0) print(`resumed: ${resumed.refed} stored observations re-fed to the engine${resumed.exact ? '' : ' (cold start at the re-feed window)'}`);
  print(`store: ${config.dataDir}/${STORE_FILE}, profile ${config.profile.id}@${config.profile.version}`);
  for (const s of config.sources) print(`source: ${s.kind} ${s.kind === 'file-replay' ? `${s.path} at ${s.speed}x` : s.kind === 'tcp-client' ? `${s.host}:${s.port}` : `port ${s.port}`}`);
  print(`Tidewatch is serving at ${url}  (open it in a browser; API at ${url}api/v1, OpenAPI at ${url}openapi.json)`);
  void server.replaysDone.then(() => {
    if (config.sources.some((s) => s.kind === 'file-replay')) print('replay finished; still serving (Ctrl-C to stop)');
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await server.stop();
      store.close();
    })());
  const onSignal = (): void => {
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { ok: true, running: { server, store, url, close } };
}
