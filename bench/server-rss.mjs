#!/usr/bin/env node
/**
 * Server memory over a long replay: does RSS stay flat once warmed up?
 *
 * Runs `tidewatch serve` (embedded store, default profile, shipped layers)
 * replaying the SBARC week (../shared/data/ais-bench/sbarc_week_2018-06.nmea.gz:
 * 823 k real lines with tag-block times, 798 vessels, 1-7 June 2018) `--weeks`
 * times end to end (each repeat's tag-block times shifted by a week, written to
 * a temporary file first), as fast as it goes (`--speed 0`), with `--clients`
 * WebSocket clients subscribed to the whole world and to events. Every second
 * it samples the server's RSS (from /proc), how far the replay got in data
 * time, and the lines read. Reported: RSS at each 12 hours of data time, the
 * rate, and the growth after the warm-up. The warm-up is the first week: tracks
 * and reception maps fill, and SQLite's page cache (64 MiB) fills as the store
 * grows past it.
 *
 * Usage: npm run build && node bench/server-rss.mjs [--file path.nmea.gz] [--weeks 3] [--clients 10]
 * Goal: RSS flat after warm-up.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.TIDEWATCH_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const FILE = option('--file', join(SHARED, 'ais-bench', 'sbarc_week_2018-06.nmea.gz'));
const CLIENTS = Number(option('--clients', 10));
const WEEKS = Number(option('--weeks', 3));
if (!existsSync(FILE)) {
  console.error(`replay file not found: ${FILE} (set TIDEWATCH_SHARED_DATA or --file)`);
  process.exit(2);
}
const WEEK_S = 7 * 86_400;

/** The file `weeks` times over, each repeat's `c:` times a week later (tag-block checksums recomputed). */
function repeated(weeks) {
  const text = gunzipSync(readFileSync(FILE)).toString('latin1');
  const out = join(dataDir, 'replay.nmea');
  writeFileSync(out, '');
  for (let w = 0; w < weeks; w++) {
    const shifted = w === 0 ? text : text.replace(/\\([^\\*]*)\*[0-9A-Fa-f]{2}\\/g, (_m, body) => {
      const moved = body.replace(/(^|,)c:(\d+)/, (_c, sep, t) => `${sep}c:${Number(t) + w * WEEK_S * (t.length > 11 ? 1000 : 1)}`);
      let x = 0;
      for (let i = 0; i < moved.length; i++) x ^= moved.charCodeAt(i);
      return `\\${moved}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
    });
    appendFileSync(out, shifted, 'latin1');
  }
  return out;
}
const { WebSocket } = await import(join(ROOT, 'node_modules', 'ws', 'wrapper.mjs'));

const dataDir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-rss-'));
const input = repeated(WEEKS);
const server = spawn(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'tidewatch.js'), 'serve', '--port', '0', '--data-dir', join(dataDir, 'store'), '--replay', input, '--speed', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
let finished = false;
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const m = /serving at (http:\/\/\S+\/)/.exec(line);
    if (m) resolve(m[1]);
    if (line.startsWith('replay finished')) finished = true;
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const clients = [];
let frames = 0;
let events = 0;
for (let i = 0; i < CLIENTS; i++) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}api/v1/live`);
  ws.on('message', (data, isBinary) => {
    if (isBinary) frames++;
    else if (String(data).startsWith('{"type":"event"')) events++;
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'subscribe-positions', bbox: [-180, -90, 180, 90] }));
  ws.send(JSON.stringify({ type: 'subscribe-events' }));
  clients.push(ws);
}

const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
const samples = [];
const started = Date.now();
while (!finished) {
  await new Promise((r) => setTimeout(r, 1000));
  const health = await (await fetch(`${url}healthz`)).json();
  const replay = (await (await fetch(`${url}api/v1/sources`)).json()).find((s) => s.kind === 'file-replay');
  samples.push({ wall: (Date.now() - started) / 1000, data: health.newestData === null ? NaN : Date.parse(health.newestData), rss: rssMiB(), lines: replay.lines });
}
const end = { rss: rssMiB(), wall: (Date.now() - started) / 1000 };
for (const ws of clients) ws.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });

const first = samples.find((s) => Number.isFinite(s.data));
const t0 = first.data;
console.log(`# server RSS over a replay, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} x ${cpus()[0].model}`);
console.log(`# ${FILE.split('/').pop()} ${WEEKS} times end to end (${WEEKS} weeks of data) at full speed, ${CLIENTS} WebSocket clients on the whole world and all events`);
console.log(`${'data time'.padEnd(22)} ${'hours in'.padStart(8)} ${'lines'.padStart(9)} ${'RSS MiB'.padStart(8)}`);
let nextMark = 0;
for (const s of samples) {
  const hours = (s.data - t0) / 3_600_000;
  if (!(hours >= nextMark)) continue;
  console.log(`${new Date(s.data).toISOString().slice(0, 16).padEnd(22)} ${hours.toFixed(1).padStart(8)} ${String(s.lines).padStart(9)} ${s.rss.toFixed(0).padStart(8)}`);
  nextMark = Math.floor(hours / 24) * 24 + 24;
}
const last = samples[samples.length - 1];
const warm = samples.find((s) => s.data - t0 >= WEEK_S * 1000) ?? last;
console.log(`replayed ${last.lines} lines in ${end.wall.toFixed(0)} s (${(last.lines / end.wall).toFixed(0)} lines/s), ${frames} frames and ${events} event messages to the clients`);
console.log(`RSS after the first week of data: ${warm.rss.toFixed(0)} MiB; at the end: ${end.rss.toFixed(0)} MiB; peak: ${Math.max(...samples.map((s) => s.rss)).toFixed(0)} MiB`);
console.log(`growth after warm-up: ${(end.rss - warm.rss).toFixed(0)} MiB (${(((end.rss - warm.rss) / warm.rss) * 100).toFixed(0)} %)`);
console.log(`load average (1 min): ${loadavg()[0].toFixed(2)}`);
