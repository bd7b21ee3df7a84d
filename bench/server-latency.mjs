#!/usr/bin/env node
/**
 * Socket-to-browser latency of the live stream under load.
 *
 * A `tidewatch serve` process (embedded store, default profile, shipped
 * layers) listens for NMEA on TCP. This script, on the other core, feeds it
 * `--rate` position reports a second over TCP for `--vessels` vessels on
 * random walks, each line tagged with the time it was written (tag block
 * `c:` in ms), and keeps `--clients` WebSocket clients subscribed to boxes of
 * various sizes (a quarter of them the whole world) at the default rate cap.
 *
 * Latency of one vessel update = the time a client decoded the frame carrying
 * it minus the time the line was written to the server's socket (the frame
 * gives each vessel's data time as frame time minus age). Both ends read the
 * same machine clock. Reported: p50, p90, p99, max over every update every
 * client received in the measuring window, plus what the server kept up with
 * (lines ingested, frames dropped for slow reading, its RSS and CPU).
 *
 * Usage: npm run build && node bench/server-latency.mjs [--rate 10000] [--clients 100] [--vessels 5000] [--seconds 30] [--warmup 5]
 * Goal: p99 < 1 s at 10 k messages/s with 100 clients.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : fallback;
};
const RATE = option('--rate', 10_000);
const CLIENTS = option('--clients', 100);
const VESSELS = option('--vessels', 5000);
const SECONDS = option('--seconds', 30);
const WARMUP = option('--warmup', 5);

const { encodeSentences, positionReportClassA } = await import(join(ROOT, 'packages', 'ais', 'dist', 'src', 'index.js'));
const { readFrame } = await import(join(ROOT, 'packages', 'protocol', 'dist', 'src', 'index.js'));
const { WebSocket } = await import(join(ROOT, 'node_modules', 'ws', 'wrapper.mjs'));

const pin = (core) => (spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0 && cpus().length > 1 ? ['taskset', '-c', String(core)] : []);

/** A free TCP port (bound and released; the server takes it a moment later). */
async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  return port;
}

// ---- the server, on core 0 --------------------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-latency-'));
const feedPort = await freePort();
const [pinCmd, ...pinArgs] = pin(0);
const serveArgs = [join(ROOT, 'packages', 'cli', 'bin', 'tidewatch.js'), 'serve', '--port', '0', '--data-dir', dataDir, '--listen-tcp', String(feedPort)];
const server = pinCmd ? spawn(pinCmd, [...pinArgs, process.execPath, ...serveArgs], { stdio: ['ignore', 'pipe', 'inherit'] }) : spawn(process.execPath, serveArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    const m = /serving at (http:\/\/\S+\/)/.exec(line);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
// Pin this process to the other core.
if (pinCmd) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
const serverPid = pinCmd ? Number(spawnSync('pgrep', ['-P', String(server.pid)]).stdout.toString().trim() || server.pid) : server.pid;

// ---- the clients ------------------------------------------------------------
const HIST_MS = 10_000;
const histogram = new Float64Array(HIST_MS + 1);
let measuring = false;
let samples = 0;
let frames = 0;
let lagging = 0;
const boxes = [
  [-180, -90, 180, 90],
  [-180, 0, 0, 90],
  [0, -90, 180, 0],
  [-30, -30, 30, 30],
];
const clients = [];
for (let i = 0; i < CLIENTS; i++) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}api/v1/live`);
  ws.binaryType = 'arraybuffer';
  ws.on('message', (data, isBinary) => {
    const now = Date.now();
    if (!isBinary) {
      if (String(data).includes('"lagging"')) lagging++;
      return;
    }
    const f = readFrame(data);
    if (!f.ok) throw new Error(f.error);
    frames++;
    if (!measuring || f.columns.snapshot) return;
    const { time, age, count } = f.columns;
    for (let k = 0; k < count; k++) {
      const latency = now - (time - age[k] * 1000);
      histogram[Math.max(0, Math.min(HIST_MS, Math.round(latency)))]++;
      samples++;
    }
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'subscribe-positions', bbox: boxes[i % boxes.length] }));
  clients.push(ws);
}

// ---- the feed -----------------------------------------------------------------
const feed = new Socket();
await new Promise((r) => feed.connect(feedPort, '127.0.0.1', r));
// Each vessel's reports are encoded beforehand (a short random walk it repeats), so the feed
// spends its time writing, not encoding; only the tag block with the time is made as it goes.
const WALK = 16;
const sentences = [];
for (let v = 0; v < VESSELS; v++) {
  let lat = Math.random() * 140 - 70;
  let lon = Math.random() * 358 - 179;
  const walk = [];
  for (let k = 0; k < WALK; k++) {
    lat += (Math.random() - 0.5) * 0.001;
    lon += (Math.random() - 0.5) * 0.001;
    walk.push(encodeSentences(positionReportClassA({ mmsi: 201000000 + v, lat, lon, sog: 10, cog: 90, status: 0 }))[0]);
  }
  sentences.push(walk);
}
let next = 0;
let sent = 0;
function tag(ms) {
  const body = `s:bench,c:${ms}`;
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
}
const TICK_MS = 10;
let owed = 0;
let lastTick = Date.now();
const feeder = setInterval(() => {
  // Owed by the clock, not by the tick count: timers fire late under load, and the rate must hold.
  const now = Date.now();
  owed += (RATE * (now - lastTick)) / 1000;
  lastTick = now;
  const prefix = tag(now);
  const parts = [];
  for (; owed >= 1; owed--) {
    const n = next++;
    parts.push(prefix, sentences[n % VESSELS][Math.floor(n / VESSELS) % WALK], '\r\n');
    sent++;
  }
  feed.write(parts.join(''));
}, TICK_MS);

function serverStats() {
  try {
    const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(' ');
    return { rssMiB: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024, cpuS: (Number(stat[13]) + Number(stat[14])) / 100 };
  } catch {
    return { rssMiB: NaN, cpuS: NaN };
  }
}
async function ingested() {
  const r = await fetch(`${url}api/v1/sources`);
  return (await r.json()).find((s) => s.kind === 'tcp-listener').messages;
}

await new Promise((r) => setTimeout(r, WARMUP * 1000));
const before = { sent, ingested: await ingested(), frames, cpu: serverStats().cpuS, at: Date.now() };
measuring = true;
await new Promise((r) => setTimeout(r, SECONDS * 1000));
measuring = false;
const after = { sent, ingested: await ingested(), frames, cpu: serverStats().cpuS, at: Date.now() };
const elapsed = (after.at - before.at) / 1000;
const rss = serverStats().rssMiB;

clearInterval(feeder);
feed.destroy();
for (const ws of clients) ws.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });

function percentile(p) {
  let seen = 0;
  const target = p * samples;
  for (let ms = 0; ms <= HIST_MS; ms++) {
    seen += histogram[ms];
    if (seen >= target) return ms;
  }
  return Infinity;
}
let max = 0;
for (let ms = HIST_MS; ms >= 0; ms--) if (histogram[ms] > 0) { max = ms; break; }

const row = (k, v) => console.log(`${k.padEnd(34)} ${v}`);
console.log(`# server live latency, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} x ${cpus()[0].model}`);
console.log(`# ${RATE} msg/s offered for ${VESSELS} vessels, ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP} s warm-up; server on core 0, feed and clients on core 1`);
row('offered (msg/s)', ((after.sent - before.sent) / elapsed).toFixed(0));
row('ingested by the server (msg/s)', ((after.ingested - before.ingested) / elapsed).toFixed(0));
row('frames received (all clients, /s)', ((after.frames - before.frames) / elapsed).toFixed(0));
row('vessel updates measured', samples);
row('latency p50 (ms)', percentile(0.5));
row('latency p90 (ms)', percentile(0.9));
row('latency p99 (ms)', percentile(0.99));
row('latency max (ms)', max >= HIST_MS ? `>= ${HIST_MS}` : max);
row('lagging notices', lagging);
row('server CPU (core share)', ((after.cpu - before.cpu) / elapsed).toFixed(2));
row('server RSS at the end (MiB)', rss.toFixed(0));
row('goal p99 < 1000 ms', percentile(0.99) < 1000 ? 'met' : 'NOT met');
row('load average (1 min)', loadavg()[0].toFixed(2));
