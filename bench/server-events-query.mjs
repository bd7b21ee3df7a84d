#!/usr/bin/env node
/**
 * Events queries (and a vessel's track) against a store holding 10 M positions.
 *
 * Builds, once, an embedded store (SQLite, the server's schema) with
 * `--positions` positions of `--vessels` vessels over 30 days and `--events`
 * events of every type spread over the same days (1-2 vessels each; zone and
 * asset named on the zone and infrastructure kinds), seeded so every run
 * builds the same store. Then starts the server on it and times each query
 * over HTTP (keep-alive, one at a time), `--runs` times after 3 unmeasured
 * runs: p50, p99 and max in ms, including JSON serialisation.
 *
 * Usage: npm run build && node bench/server-events-query.mjs [--positions 10000000] [--events 100000] [--runs 30] [--dir path]
 * With --dir the store is kept there and reused by later runs (building 10 M positions takes a minute or two).
 * Goal: every events query < 200 ms.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const POSITIONS = Number(option('--positions', 10_000_000));
const EVENTS = Number(option('--events', 100_000));
const VESSELS = Number(option('--vessels', 2000));
const RUNS = Number(option('--runs', 30));
const keep = option('--dir', null);

const server = await import(join(ROOT, 'packages', 'server', 'dist', 'src', 'index.js'));
const { Batch } = await import(join(ROOT, 'packages', 'server', 'dist', 'src', 'store', 'batch.js'));
const { createEngine, builtInProfile } = await import(join(ROOT, 'packages', 'engine', 'dist', 'src', 'index.js'));
const { EVENT_TYPES } = await import(join(ROOT, 'packages', 'protocol', 'dist', 'src', 'index.js'));

/** mulberry32: the same store on every run. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.UTC(2024, 0, 1);
const DAYS = 30;
const SPAN = DAYS * 86_400_000;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'tidewatch-bench-events-'));
const fresh = !existsSync(join(dir, server.STORE_FILE));
const opened = server.openSqliteStore(dir);
if (!opened.ok) throw new Error(opened.error);
const store = opened.store;

if (fresh) {
  const random = rng(42);
  const started = performance.now();
  const perVessel = Math.ceil(POSITIONS / VESSELS);
  const every = SPAN / perVessel;
  const lat = new Float64Array(VESSELS).map(() => random() * 120 - 60);
  const lon = new Float64Array(VESSELS).map(() => random() * 340 - 170);
  const batch = new Batch();
  let seq = 1;
  // Time-major, as a live feed writes them: every vessel's k-th report, then the next.
  for (let k = 0; k < perVessel && seq <= POSITIONS; k++) {
    for (let v = 0; v < VESSELS && seq <= POSITIONS; v++) {
      lat[v] = Math.max(-80, Math.min(80, lat[v] + (random() - 0.5) * 0.02));
      lon[v] = Math.max(-179.9, Math.min(179.9, lon[v] + (random() - 0.5) * 0.02));
      batch.position(seq++, 200000000 + v, Math.round(T0 + k * every + v), lat[v], lon[v], 10 * random(), 360 * random(), NaN, 0, 1);
      if (batch.positionCount === 200_000) {
        store.commit(batch);
        batch.clear();
      }
    }
  }
  for (let v = 0; v < VESSELS; v++) {
    batch.vessels.push({ mmsi: 200000000 + v, t: T0 + SPAN - 1, lat: lat[v], lon: lon[v], sog: 5, cog: 90, heading: NaN, navStatus: 0, name: `VESSEL ${v}`, callsign: '', imo: NaN, shipType: 70 });
  }
  for (let i = 0; i < EVENTS; i++) {
    const type = EVENT_TYPES[i % EVENT_TYPES.length];
    const start = T0 + Math.floor(random() * SPAN);
    const a = 200000000 + Math.floor(random() * VESSELS);
    const mmsi = type === 'encounter' ? [a, 200000000 + ((a + 1 + Math.floor(random() * 50)) % VESSELS)].sort((x, y) => x - y) : [a];
    const zone = type.startsWith('zone') || type === 'fishing_in_foreign_eez' ? `zone-${Math.floor(random() * 50)}` : null;
    const asset = type === 'infrastructure_proximity' ? `cable-${Math.floor(random() * 20)}` : null;
    const record = {
      id: `${type}:${mmsi.join('-')}:${new Date(start).toISOString()}:bench`,
      type,
      start: new Date(start).toISOString(),
      end: new Date(start + Math.floor(random() * 6 * 3_600_000)).toISOString(),
      mmsi,
      lat: random() * 120 - 60,
      lon: random() * 340 - 170,
      profile: { id: 'bench', version: '1' },
      details: { zone: zone === null ? undefined : { id: zone, name: zone }, asset: asset === null ? undefined : { id: asset }, durationS: Math.floor(random() * 20000), positions: Math.floor(random() * 500), thresholds: { a: 1, b: 2 } },
    };
    batch.events.set(record.id, { record, open: false, zone, asset });
    if (batch.events.size === 50_000) {
      store.commit(batch);
      batch.clear();
    }
  }
  store.commit(batch);
  batch.clear();
  console.error(`built ${POSITIONS} positions and ${EVENTS} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// Retention off (no expiry, full resolution throughout): the queries are timed on a store at rest,
// not against a first thinning pass over 30 days of backlog.
const app = server.createServer({
  store,
  engine: () => createEngine({ profile: builtInProfile() }),
  port: 0,
  dataDir: null,
  webRoot: null,
  retention: { retentionDays: null, fullResolutionHours: 24 * 365 },
});
const { url } = await app.start();

const day = (d) => new Date(T0 + d * 86_400_000).toISOString();
const queries = [
  ['newest 100 events', 'api/v1/events?limit=100'],
  ['one type, newest 100', 'api/v1/events?type=encounter&limit=100'],
  ['one day', `api/v1/events?from=${day(12)}&to=${day(13)}&limit=100`],
  ['a 10° box', 'api/v1/events?bbox=0,0,10,10&limit=100'],
  ['one vessel', 'api/v1/events?mmsi=200000123&limit=100'],
  ['one zone', 'api/v1/events?zone=zone-7&limit=100'],
  ['one asset', 'api/v1/events?asset=cable-3&limit=100'],
  ['type + box + week', `api/v1/events?type=loitering,encounter&bbox=-30,-30,30,30&from=${day(7)}&to=${day(14)}&limit=100`],
  ['empty box (worst case)', 'api/v1/events?bbox=0.001,0.001,0.002,0.002&limit=100'],
  ['1000 events', 'api/v1/events?limit=1000'],
  ['vessel detail: 1 day of track', `api/v1/vessels/200000123?from=${day(20)}&to=${day(21)}`],
  ['vessel detail: 30 days, thinned', `api/v1/vessels/200000123?from=${day(0)}&to=${day(30)}&limit=2000`],
];

async function time(path) {
  const t = performance.now();
  const r = await fetch(url + path);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return performance.now() - t;
}

/** Ten pages deep by cursor: the time of the tenth page. */
async function deepPage() {
  let path = 'api/v1/events?limit=100';
  let ms = 0;
  for (let p = 0; p < 10; p++) {
    const t = performance.now();
    const r = await fetch(url + path);
    const body = await r.json();
    ms = performance.now() - t;
    path = `api/v1/events?limit=100&cursor=${body.next}`;
  }
  return ms;
}

const rows = [];
for (const [name, path] of [...queries, ['10th page by cursor', null]]) {
  const run = path === null ? deepPage : () => time(path);
  for (let i = 0; i < 3; i++) await run();
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  times.sort((a, b) => a - b);
  rows.push([name, times[Math.floor(times.length / 2)], times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)], times[times.length - 1]]);
}
await app.stop();
store.close();
if (keep === null) rmSync(dir, { recursive: true, force: true });

console.log(`# server events queries, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} x ${cpus()[0].model}`);
console.log(`# store: ${POSITIONS} positions of ${VESSELS} vessels and ${EVENTS} events over ${DAYS} days; HTTP keep-alive, ${RUNS} runs each after 3 warm-up runs`);
console.log(`${'query'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
for (const [name, p50, p99, max] of rows) console.log(`${name.padEnd(34)} ${p50.toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)} ${max.toFixed(1).padStart(8)}`);
const eventRows = rows.filter(([name]) => !name.startsWith('vessel'));
console.log(`goal: every events query p99 < 200 ms: ${eventRows.every((r) => r[2] < 200) ? 'met' : 'NOT met'}`);
console.log(`load average (1 min): ${loadavg()[0].toFixed(2)}`);
