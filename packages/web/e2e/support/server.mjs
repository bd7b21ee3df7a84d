/**
 * The real Tidewatch server, started as a child process on a free port with a temporary
 * data directory, serving the built page. `stop()` ends it and removes the directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The layer cache of the servers these tests start: their own, not the user's, shared by them all. */
const LAYER_CACHE = mkdtempSync(join(tmpdir(), 'tidewatch-web-e2e-layers-'));
process.on('exit', () => rmSync(LAYER_CACHE, { recursive: true, force: true }));

/** Why the browser tests cannot run here, or null. */
export function builtPageMissing() {
  return existsSync(join(WEB_DIST, 'index.html')) ? null : 'packages/web/dist is not built: run `npm run build` first';
}

/** Starts the server; `options` are `tidewatch serve`'s (replay, speed, profile, ...). */
export async function startServer(options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidewatch-web-e2e-'));
  const child = spawn(process.execPath, [fileURLToPath(new URL('./serve-child.mjs', import.meta.url)), JSON.stringify({ port: 0, host: '127.0.0.1', dataDir, ...options })], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TIDEWATCH_CACHE_DIR: LAYER_CACHE },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const m = /serving at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].endsWith('/') ? m[1] : `${m[1]}/`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends NMEA lines to the server's ingest endpoint; returns its counts. */
export async function ingest(baseUrl, lines) {
  const res = await fetch(new URL('api/v1/ingest', baseUrl), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: lines.join('\n') + '\n' });
  if (!res.ok) throw new Error(`ingest: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
