#!/usr/bin/env node
/**
 * Track engine speed and memory, end to end (decode + engine), on one core.
 *
 *  (a) the SBARC week: ../shared/data/ais-bench/sbarc_week_2018-06.nmea.gz
 *      (823 k tagged lines, real positions, MMSIs and times), decompressed into
 *      memory; AisReceiver → positionFromAis/staticFromAis → engine, with the
 *      default profile and the layers shipped in data/ (as `tidewatch replay`
 *      loads them). Decode alone is timed too, so the engine's share shows,
 *      and so is `gpsdecode -j < the same file > /dev/null` (gpsd 3.22 from
 *      .tools/gpsd, as in bench/decode.mjs): gpsd's decoder alone against our
 *      whole pipeline, as a ratio.
 *  (b) synthetic traffic of 10 k, 100 k and 300 k simultaneous vessels spread
 *      over the oceans, each steaming on a random course at 0-20 kn and
 *      reporting every 10 s (Class A, tagged NMEA made by our encoder, seeded).
 *      The first rounds of reports are not timed: those within the profile's
 *      reorder window (30 s, 3 rounds) wait in the reorder buffer, the next 2
 *      open the tracks (and grow every table to the fleet). The rest (at least
 *      400 k messages) is timed, end to end and engine alone
 *      (observations decoded beforehand), with the shipped layers and without.
 *      Flat cost means the rate per message stays about the same from 10 k to
 *      300 k vessels. Memory: RSS, and the engine's typed arrays per vessel.
 *
 * Rates are wall clock; messages per CPU-second are printed beside them
 * because a shared machine steals wall time, and the load average at the end
 * says how busy it was.
 *
 * The script pins itself to one CPU, 0 unless TIDEWATCH_BENCH_CPU names
 * another (two benchmarks on one machine then stay out of each other's way).
 *
 * Usage: npm run build && node bench/engine.mjs [--only sbarc|synthetic] [--vessels 10000,100000,300000] [--open-order steady|shuffled]
 * Results are committed as bench/results/engine.txt (node bench/engine.mjs > bench/results/engine.txt).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { syntheticSea } from './support/synthetic-sea.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.TIDEWATCH_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data');
const SBARC = join(SHARED, 'ais-bench', 'sbarc_week_2018-06.nmea.gz');
const GPSDECODE = join(ROOT, '.tools', 'gpsd', 'usr', 'bin', 'gpsdecode');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** The CPU every measurement runs on. */
const CPU = process.env.TIDEWATCH_BENCH_CPU ?? '0';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const ONLY = option('--only', 'all');
const FLEETS = option('--vessels', '10000,100000,300000').split(',').map(Number);
const REPORT_EVERY_S = 10;
/**
 * Order in which the synthetic tracks open. 'steady' (the default): in the
 * order vessels report ever after, so each round walks the per-vessel state
 * from the first slot to the last, which the processor's prefetchers follow.
 * 'shuffled': the first round comes at other offsets, so tracks open in an
 * order unrelated to the later one, as in a real feed, and each report's state
 * is a random place in memory.
 */
const OPEN_ORDER = option('--open-order', 'steady');
if (OPEN_ORDER !== 'steady' && OPEN_ORDER !== 'shuffled') {
  console.error(`--open-order ${OPEN_ORDER}: steady or shuffled`);
  process.exit(2);
}

/** Pin to one CPU (and re-run under it), so every measurement, gpsdecode's too, uses one core. */
if (!/^\d+$/.test(CPU)) {
  console.error(`TIDEWATCH_BENCH_CPU=${CPU}: not a CPU number`);
  process.exit(2);
}
if (process.env.TIDEWATCH_BENCH_PINNED === undefined && spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0) {
  const r = spawnSync('taskset', ['-c', CPU, process.execPath, '--max-old-space-size=8192', '--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, TIDEWATCH_BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

const ais = await import(join(ROOT, 'packages', 'ais', 'dist', 'src', 'index.js'));
const engineModule = await import(join(ROOT, 'packages', 'engine', 'dist', 'src', 'index.js'));
const { AisReceiver } = ais;
const { createEngine, builtInProfile, emptyPosition, positionFromAis, staticFromAis, DEFAULT_PROFILE_ID } = engineModule;

const profile = builtInProfile(DEFAULT_PROFILE_ID);
/**
 * Rounds of reports per vessel left untimed: the reorder buffer holds the
 * first reorderWindowS before it releases anything, then 2 rounds open the
 * tracks. Then enough timed rounds for at least 400 k timed messages (4 at least).
 */
const WARM_ROUNDS = Math.ceil(profile.tracks.reorderWindowS / REPORT_EVERY_S) + 2;
const roundsFor = (n) => WARM_ROUNDS + Math.max(4, Math.ceil(400_000 / n));
const { layers, notes } = await shippedLayers();

const out = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

say('# Track engine, end to end (decode + engine), one core');
say(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.env.TIDEWATCH_BENCH_PINNED ? `pinned to CPU ${CPU}` : 'not pinned (no taskset)'}, profile ${profile.id} v${profile.version}`);
say(`layers: ${notes.join('; ')}`);
say();


// ---------------------------------------------------------------------------

/** The layers `tidewatch replay` loads from data/, through the CLI's loader when it is built. */
async function shippedLayers() {
  const cliLayers = join(ROOT, 'packages', 'cli', 'dist', 'src', 'replay', 'layers.js');
  if (existsSync(cliLayers)) {
    const { loadLayers } = await import(cliLayers);
    const r = await loadLayers({ builtins: true, zones: [], infrastructure: [], watchlists: [] });
    if (r.ok) return { layers: r.layers, notes: r.notes };
    return { layers: {}, notes: [`shipped layers failed to load: ${r.message}`] };
  }
  return { layers: {}, notes: ['none (packages/cli not built)'] };
}

/** Splits a buffer into [start, end) line ranges (LF, CR stripped by the receiver). */
function lineRanges(buf) {
  const starts = [];
  const ends = [];
  let s = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 10) {
      starts.push(s);
      ends.push(i);
      s = i + 1;
    }
  }
  if (s < buf.length) {
    starts.push(s);
    ends.push(buf.length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Runs `fn`, returning wall seconds and CPU seconds. */
function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, result };
}

/**
 * `gpsdecode -j < file > /dev/null`: wall and CPU seconds (user + system from
 * /usr/bin/time, NaN without it), or undefined when gpsdecode is absent.
 */
function gpsdecode(file) {
  if (!existsSync(GPSDECODE)) return undefined;
  const stdin = openSync(file, 'r');
  try {
    const [command, commandArgs] = TIME === undefined ? [GPSDECODE, ['-j']] : [TIME, ['-f', '@cpu %U %S', GPSDECODE, '-j']];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, commandArgs, { stdio: [stdin, 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`gpsdecode exited ${r.status}: ${r.stderr}`);
    const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr.toString());
    return { wall, cpu: m === null ? NaN : Number(m[1]) + Number(m[2]) };
  } finally {
    closeSync(stdin);
  }
}

/** A receiver feeding an engine; counts what it sees. */
function pipeline(engine, counts) {
  const position = emptyPosition();
  const emit = (e) => {
    counts.events.set(e.type, (counts.events.get(e.type) ?? 0) + (e.open ? 0 : 1));
  };
  const rx = new AisReceiver({
    message(m, ctx) {
      counts.messages++;
      const t = ctx.time;
      if (t === undefined) return;
      if (positionFromAis(m, t, position)) {
        counts.positions++;
        engine.push(position, emit);
      }
      const s = staticFromAis(m, t);
      if (s !== undefined) engine.push(s, emit);
    },
    reject() {
      counts.rejected++;
    },
  });
  return { rx, emit };
}

const rate = (n, s) => `${(n / s / 1e6).toFixed(3)} M/s`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function sbarc() {
  if (!existsSync(SBARC)) {
    say(`(a) SBARC week: skipped, ${SBARC} not found`);
    return;
  }
  const buf = gunzipSync(readFileSync(SBARC));
  const { starts, ends } = lineRanges(buf);
  say(`## (a) SBARC week 2018-06: ${starts.length} lines, ${mb(buf.length)}`);

  const decodeOnly = timed(() => {
    let messages = 0;
    const rx = new AisReceiver({ message: () => void messages++, reject: () => {} });
    for (let i = 0; i < starts.length; i++) rx.pushBytes(buf, starts[i], ends[i]);
    rx.end();
    return messages;
  });
  say(`decode only:      ${decodeOnly.result} messages in ${decodeOnly.wall.toFixed(2)} s = ${rate(decodeOnly.result, decodeOnly.wall)} (${rate(decodeOnly.result, decodeOnly.cpu)} per CPU-s)`);

  const counts = { messages: 0, positions: 0, rejected: 0, events: new Map() };
  const engine = createEngine({ profile, layers });
  const rss0 = process.memoryUsage().rss;
  const run = timed(() => {
    const { rx, emit } = pipeline(engine, counts);
    for (let i = 0; i < starts.length; i++) rx.pushBytes(buf, starts[i], ends[i]);
    rx.end();
    engine.finish(emit);
  });
  const stats = engine.stats();
  say(`decode + engine:  ${counts.messages} messages (${counts.positions} positions) in ${run.wall.toFixed(2)} s = ${rate(counts.messages, run.wall)} (${rate(counts.messages, run.cpu)} per CPU-s)`);
  say(`engine share:     ${(((run.cpu - decodeOnly.cpu) / run.cpu) * 100).toFixed(0)} % of the CPU time`);
  say(`vessels at the end: ${stats.vessels}, evicted ${stats.evicted}, duplicates ${stats.duplicates}, late ${stats.late}, RSS +${mb(process.memoryUsage().rss - rss0)}`);
  say(`events (closed or final): ${[...counts.events].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);

  // The same again with a fresh engine: what is left once the code is compiled and the shore tiles
  // the week touches are built (both paid once per process, in the run above).
  const again = { messages: 0, positions: 0, rejected: 0, events: new Map() };
  const second = timed(() => {
    const fresh = createEngine({ profile, layers });
    const { rx, emit } = pipeline(fresh, again);
    for (let i = 0; i < starts.length; i++) rx.pushBytes(buf, starts[i], ends[i]);
    rx.end();
    fresh.finish(emit);
  });
  say(`second pass:      ${again.messages} messages in ${second.wall.toFixed(2)} s = ${rate(again.messages, second.wall)} (${rate(again.messages, second.cpu)} per CPU-s): a fresh engine, code compiled, shore tiles built`);

  // gpsd's decoder alone on the same bytes, from a file as it reads them.
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-'));
  try {
    const plain = join(dir, 'sbarc.nmea');
    writeFileSync(plain, buf);
    const gpsd = gpsdecode(plain);
    if (gpsd === undefined) say(`gpsdecode -j:     skipped, ${GPSDECODE} not found (bash scripts/setup-test-deps.sh unpacks it)`);
    else {
      const lines = starts.length;
      const cpuRate = Number.isNaN(gpsd.cpu) ? 'n/a' : `${((lines / gpsd.cpu) / 1e6).toFixed(3)} M lines per CPU-s`;
      say(`gpsdecode -j:     ${lines} lines in ${gpsd.wall.toFixed(2)} s = ${((lines / gpsd.wall) / 1e6).toFixed(3)} M lines/s (${cpuRate})`);
      const ours = starts.length / run.wall;
      const oursCpu = starts.length / run.cpu;
      const cpuRatio = Number.isNaN(gpsd.cpu) ? 'n/a' : `${(oursCpu / (lines / gpsd.cpu)).toFixed(2)}×`;
      say(`decode + engine against gpsdecode alone, lines per second: ${(ours / (lines / gpsd.wall)).toFixed(2)}× wall, ${cpuRatio} per CPU-s (target: at least 1×)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say();
}

/** NMEA for `n` vessels × roundsFor(n) reports, time-ordered, tag blocks in seconds; the buffer and where the timed part starts. */
function sea(n) {
  const { chunks, bytes, roundBytes } = syntheticSea(ais, { vessels: n, rounds: roundsFor(n), reportEveryS: REPORT_EVERY_S, openOrder: OPEN_ORDER });
  const warmBytes = roundBytes.slice(0, WARM_ROUNDS).reduce((a, b) => a + b, 0);
  return { buf: Buffer.concat(chunks, bytes), warmBytes };
}
function synthetic() {
  say(`## (b) synthetic traffic: every vessel reports every ${REPORT_EVERY_S} s; ${WARM_ROUNDS} rounds fill the reorder window and open the tracks, the rest (at least 400 k messages) are timed${OPEN_ORDER === 'shuffled' ? '; tracks opened in shuffled order' : ''}`);
  say('| vessels | timed messages | decode only | decode + engine | engine alone | engine alone, no layers | engine CPU ns/msg (layers / none) | RSS | engine state / vessel |');
  say('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of FLEETS) {
    global.gc?.();
    const { buf, warmBytes } = sea(n);
    const { starts, ends } = lineRanges(buf);
    const firstTimed = starts.findIndex((s) => s >= warmBytes);
    const timedLines = starts.length - firstTimed;

    const decodeOnly = timed(() => {
      let messages = 0;
      const rx = new AisReceiver({ message: () => void messages++, reject: () => {} });
      for (let i = firstTimed; i < starts.length; i++) rx.pushBytes(buf, starts[i], ends[i]);
      return messages;
    });

    // Decode + engine, end to end.
    global.gc?.();
    const before = process.memoryUsage();
    const counts = { messages: 0, positions: 0, rejected: 0, events: new Map() };
    const engine = createEngine({ profile, layers });
    const { rx } = pipeline(engine, counts);
    for (let i = 0; i < firstTimed; i++) rx.pushBytes(buf, starts[i], ends[i]);
    const e2e = timed(() => {
      for (let i = firstTimed; i < starts.length; i++) rx.pushBytes(buf, starts[i], ends[i]);
    });
    const stats = engine.stats();
    global.gc?.();
    const after = process.memoryUsage();
    const arraysPerVessel = (after.arrayBuffers - before.arrayBuffers) / stats.vessels;
    const heapPerVessel = (after.heapUsed - before.heapUsed) / stats.vessels;

    // Engine alone: the same observations decoded beforehand into columns, fed through one reused object,
    // with the shipped layers and without any (which leaves out the zone, corridor, watchlist and shore work).
    const columns = decodeColumns(buf, starts, ends);
    const firstTimedObs = columns.lineOf.findIndex((line) => line >= firstTimed);
    const withLayers = engineAlone(columns, firstTimedObs, layers);
    const bare = engineAlone(columns, firstTimedObs, {});
    const timedObs = columns.count - firstTimedObs;
    say(
      `| ${n.toLocaleString('en')} | ${timedLines.toLocaleString('en')} | ${rate(decodeOnly.result, decodeOnly.wall)} | ${rate(timedLines, e2e.wall)} (${rate(timedLines, e2e.cpu)} CPU) | ` +
        `${rate(timedObs, withLayers.wall)} (${rate(timedObs, withLayers.cpu)} CPU) | ${rate(timedObs, bare.wall)} (${rate(timedObs, bare.cpu)} CPU) | ` +
        `${((withLayers.cpu / timedObs) * 1e9).toFixed(0)} / ${((bare.cpu / timedObs) * 1e9).toFixed(0)} | ${mb(after.rss)} | ` +
        `${arraysPerVessel.toFixed(0)} B + ${heapPerVessel.toFixed(0)} B heap (tracks ${(stats.trackBytes / stats.vessels).toFixed(0)} B) |`,
    );
  }
  say();
  say('"engine state / vessel": growth of ArrayBuffer memory (all typed arrays: tracks with their 32-point history ring, MMSI');
  say("index, reorder buffer, position grid, every detector's columns, reception map) and of the JS heap while the engine");
  say('took in the fleet, divided by vessels tracked; "tracks" is the track table alone (history ring 640 B of it).');
  say('Columns grow by doubling, so a fleet just past a power of two carries up to twice its need.');
  say();
}

/** Feeds decoded columns to a fresh engine: the first `firstTimed` untimed (they open the tracks), the rest timed. */
function engineAlone(columns, firstTimed, withLayers) {
  const engine = createEngine({ profile, layers: withLayers });
  const obs = emptyPosition();
  const noop = () => {};
  const feed = (from, to) => {
    for (let k = from; k < to; k++) {
      obs.t = columns.t[k];
      obs.mmsi = columns.mmsi[k];
      obs.lat = columns.lat[k];
      obs.lon = columns.lon[k];
      obs.sog = columns.sog[k];
      obs.cog = columns.cog[k];
      obs.heading = columns.heading[k];
      obs.navStatus = 0;
      obs.source = 1;
      engine.push(obs, noop);
    }
  };
  feed(0, firstTimed);
  return timed(() => feed(firstTimed, columns.count));
}

/** Decodes every line once into typed columns (for the engine-alone run). */
function decodeColumns(buf, starts, ends) {
  const n = starts.length;
  const c = {
    count: 0,
    t: new Float64Array(n),
    mmsi: new Int32Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    sog: new Float64Array(n),
    cog: new Float64Array(n),
    heading: new Float64Array(n),
    lineOf: new Int32Array(n),
  };
  const p = emptyPosition();
  let line = 0;
  const rx = new AisReceiver({
    message(m, ctx) {
      if (ctx.time === undefined || !positionFromAis(m, ctx.time, p)) return;
      const k = c.count++;
      c.t[k] = p.t;
      c.mmsi[k] = p.mmsi;
      c.lat[k] = p.lat;
      c.lon[k] = p.lon;
      c.sog[k] = p.sog;
      c.cog[k] = p.cog;
      c.heading[k] = p.heading;
      c.lineOf[k] = line;
    },
    reject() {},
  });
  for (line = 0; line < n; line++) rx.pushBytes(buf, starts[line], ends[line]);
  c.lineOf = c.lineOf.subarray(0, c.count);
  return c;
}

// ---------------------------------------------------------------------------

if (ONLY === 'all' || ONLY === 'sbarc') sbarc();
if (ONLY === 'all' || ONLY === 'synthetic') synthetic();
say(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores shared with other work: wall rates are pessimistic)`);
