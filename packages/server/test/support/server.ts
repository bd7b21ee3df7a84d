/**
 * A real server for a test: real SQLite file in a fresh temporary directory,
 * the real engine, port 0; `close()` stops it and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInProfile, createEngine } from '@tidewatch/engine';
import { createServer, engineLayers, openSqliteStore, type ResumeReport, type ServerOptions, type SqliteStore, type TidewatchServer } from '../../src/index.js';

export const PROFILE = builtInProfile('rendezvous-fast')!;

export interface TestServer {
  server: TidewatchServer;
  store: SqliteStore;
  dir: string;
  url: string;
  /** What the start restored from the store. */
  resumed: ResumeReport;
  /** Stops the server and closes the store; the directory stays (for a restart). */
  stop(): Promise<void>;
  /** Stops, and removes the directory. */
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tidewatch-server-test-'));
}

/** Starts a server on `dir` (a new temporary directory by default). */
export async function startServer(options: Partial<ServerOptions> & { dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? tempDir();
  const opened = openSqliteStore(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.store;
  const server = createServer({
    engine: (layers) => createEngine({ profile: PROFILE, layers: engineLayers(layers) }),
    port: 0,
    dataDir: null,
    webRoot: null,
    ...options,
    store,
  });
  const { url, resumed } = await server.start();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    store.close();
  };
  return {
    server,
    store,
    dir,
    url,
    resumed,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when the line is a fragment other than the last of its message. */
function continues(line: string): boolean {
  const m = /!..VD[MO],(\d),(\d),/.exec(line);
  return m !== null && m[2]! < m[1]!;
}

/**
 * POSTs NMEA lines in bodies of about `perRequest` lines, never splitting a
 * multi-sentence message between two (the API reassembles within a request);
 * returns the summed counts.
 */
export async function postLines(server: TidewatchServer, lines: readonly string[], perRequest = 5000): Promise<{ lines: number; messages: number }> {
  let total = { lines: 0, messages: 0 };
  let i = 0;
  while (i < lines.length) {
    let j = Math.min(lines.length, i + perRequest);
    while (j < lines.length && continues(lines[j - 1]!)) j++;
    const r = await server.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'text/plain' }, payload: lines.slice(i, j).join('\n') });
    if (r.statusCode !== 200) throw new Error(`ingest failed: ${r.statusCode} ${r.body}`);
    const body = r.json() as { lines: number; messages: number };
    total = { lines: total.lines + body.lines, messages: total.messages + body.messages };
    i = j;
  }
  return total;
}

/** GET as JSON through inject. */
export async function getJson<T = unknown>(server: TidewatchServer, url: string): Promise<{ status: number; body: T }> {
  const r = await server.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as T };
}

/** Waits until `check` holds, polling; fails after `ms`. Waiting is for state, never an assertion about time. */
export async function until(check: () => boolean | Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
