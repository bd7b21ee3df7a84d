#!/usr/bin/env node
/**
 * `tidewatch replay` end to end, as a user runs it: read the file (gunzip
 * when it is compressed), decode, track, run every detector with the layers
 * shipped in data/, write the events to a file. Against gpsd's decoder alone,
 * `gpsdecode -j < the same NMEA > /dev/null`, in the same run.
 *
 * Inputs:
 *  - the SBARC week (../shared/data/ais-bench/sbarc_week_2018-06.nmea.gz,
 *    823 k tagged lines of real traffic), as shipped (.gz) and decompressed;
 *  - synthetic position-heavy traffic (bench/support/synthetic-sea.mjs):
 *    10 k and 100 k vessels reporting every 10 s, written to a file;
 *  - the steady state: 10 k vessels (`--steady N`) over 5 and over 305
 *    rounds; the difference of the two runs is the cost of 300 rounds of
 *    reports to tracks already open, without start-up or track opening, for
 *    ours and for gpsdecode alike (median of at least 5 pairs of runs);
 *    then ours again with the tracks opened in another order than the
 *    vessels report in, as a real feed has it (their state then lies all
 *    over memory instead of in neighbouring slots).
 *  - real traffic with the process warm: the SBARC week followed by three
 *    copies of itself, each a week later (tag block times moved on;
 *    `--warm-weeks N` for another number), less the week alone; the cost of
 *    real reports once start-up, every vessel's first report and the
 *    compiler's first passes are paid (`--no-warm` leaves it out).
 *    A yardstick timed before and after each pair (this process decoding
 *    the same 50 k lines) tells whether the core ran at full speed
 *    meanwhile: on a shared machine a busy neighbour (another guest on the
 *    same physical core) can halve it for minutes. The median of the pairs
 *    run at full speed is printed beside the median of all, and so is the
 *    best long run less the best short one (noise only adds time).
 *
 * Each command runs `--runs N` times (default 3), ours and gpsd's in turns,
 * and the best of each is reported, wall clock and CPU (user + system, from
 * /usr/bin/time). Start-up (loading the modules and the shipped layers) is
 * measured on an empty file, and the rate is printed without it as well:
 * it is paid once per run, whatever the input's size. The commands share a
 * layer cache of their own, filled by a first run as a user's is (start-up
 * is printed with it off as well: every layer parsed).
 *
 * The script pins itself to one CPU, 0 unless TIDEWATCH_BENCH_CPU names
 * another, so every process measured (gpsd's too) runs on one core.
 *
 * Usage: npm run build && node bench/replay.mjs [--runs N] [--vessels 10000,100000] [--steady 10000] [--steady-runs 7] [--warm-weeks 3] [--no-sbarc] [--no-warm]
 * (`--vessels 0` or `--steady 0` leaves those rows out)
 * Results are committed as bench/results/replay.txt.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from '../packages/cli/bin/bundle-state.js';
import { gunzipSync } from 'node:zlib';
import { syntheticSea } from './support/synthetic-sea.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.TIDEWATCH_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data');
const SBARC = join(SHARED, 'ais-bench', 'sbarc_week_2018-06.nmea.gz');
const TIDEWATCH = join(ROOT, 'packages', 'cli', 'bin', 'tidewatch.js');
const GPSDECODE = join(ROOT, '.tools', 'gpsd', 'usr', 'bin', 'gpsdecode');
const TIME = '/usr/bin/time';
const CPU = process.env.TIDEWATCH_BENCH_CPU ?? '0';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(option('--runs', '3')));
const FLEETS = option('--vessels', '10000,100000').split(',').map(Number).filter((n) => n > 0);
const STEADY = Number(option('--steady', '10000'));
const STEADY_ROUNDS = 300;
const STEADY_RUNS = Math.max(RUNS, Number(option('--steady-runs', '7')));
/** Copies of the SBARC week after it, for the real traffic warm (`--warm-weeks N`). */
const WARM_WEEKS = Math.max(1, Number(option('--warm-weeks', '3')));
/** A pair counts as run at full speed when the yardsticks around it were at least this fraction of the fastest. */
const FULL_SPEED = 0.9;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

if (!/^\d+$/.test(CPU)) {
  console.error(`TIDEWATCH_BENCH_CPU=${CPU}: not a CPU number`);
  process.exit(2);
}
if (process.env.TIDEWATCH_BENCH_PINNED === undefined && spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0) {
  const r = spawnSync('taskset', ['-c', CPU, process.execPath, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, TIDEWATCH_BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}
for (const [what, path, hint] of [
  ['tidewatch', join(ROOT, 'packages', 'cli', 'dist', 'src', 'main.js'), 'npm run build'],
  ['/usr/bin/time', TIME, 'apt-get install time'],
]) {
  if (!existsSync(path)) {
    console.error(`${what} not found at ${path} (${hint})`);
    process.exit(2);
  }
}

/** Runs `command args` with stdin from `stdin` (a path or 'ignore'); wall and CPU seconds, and its stderr. */
function measure(command, commandArgs, stdin = 'ignore') {
  const fd = stdin === 'ignore' ? 'ignore' : openSync(stdin, 'r');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(TIME, ['-f', '@cpu %U %S', command, ...commandArgs], { stdio: [fd, 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const stderr = r.stderr.toString();
    if (r.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${r.status}: ${stderr.slice(-2000)}`);
    const m = /@cpu ([\d.]+) ([\d.]+)/.exec(stderr);
    return { wall, cpu: m === null ? NaN : Number(m[1]) + Number(m[2]), stderr };
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

/**
 * A yardstick of the core's speed at this moment: CPU seconds for this
 * process (pinned to the same core as the commands measured) to decode the
 * same lines, a slice of the very work measured. Its best over the run is the
 * core at full speed; a larger figure, a core shared with other work then.
 */
function yardstick(ais, text, ends) {
  let n = 0;
  const receiver = new ais.AisReceiver({ message: () => n++, reject: () => undefined });
  const t0 = process.cpuUsage();
  for (let k = 0; k < 4; k++) for (let i = 0, start = 0; i < ends.length; start = ends[i++] + 1) receiver.pushBytes(text, start, ends[i]);
  const t = process.cpuUsage(t0);
  if (n === 0) throw new Error('the yardstick decoded nothing');
  return (t.user + t.system) / 1e6;
}

/** Clock ticks a second in /proc/PID/stat. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;
/** Where the span measured inside each long run starts and ends, as fractions of its input. */
const SPAN = [0.25, 0.95];

/** A process's CPU seconds so far (user + system, all threads), or NaN once it is gone. */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** The process's descriptor open on `path`, or undefined. */
function descriptorOf(pid, path) {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === path) return fd;
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // gone, or /proc not there
  }
  return undefined;
}

/** The read offset of a process's descriptor, or NaN. */
function offsetOf(pid, fd) {
  try {
    const pos = /^pos:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'latin1'));
    return pos === null ? NaN : Number(pos[1]);
  } catch {
    return NaN;
  }
}

/**
 * A replay, timed as `replay` does, whose CPU time is also read at two points
 * of its input: when it has read SPAN[0] and SPAN[1] of the file (the read
 * offset of its descriptor and its CPU time, both polled from /proc every
 * two milliseconds). Both marks fall at the start of a chunk's processing, so what
 * lies between them is the cost of those bytes alone, in one process: no
 * start-up, no first week, and not the noise of a second run. `span` is
 * undefined where /proc cannot be read.
 */
async function replayWithSpan(file) {
  const size = statSync(file).size;
  const child = spawn(TIME, ['-f', '@cpu %U %S', process.execPath, TIDEWATCH, 'replay', file, '--events', events], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = false;
  const status = new Promise((resolve) => child.on('close', (code) => resolve(((exited = true), code))));
  const marks = [];
  let pid = NaN;
  let fd;
  while (!exited && marks.length < SPAN.length) {
    // Every 2 ms, two small reads: this process shares the core, and a poll that did more,
    // or more often, would take the replay's caches from it.
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (Number.isNaN(pid)) {
      // The replay is the child of /usr/bin/time.
      try {
        pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'latin1').trim().split(' ')[0]) || NaN;
      } catch {
        break;
      }
      continue;
    }
    fd ??= descriptorOf(pid, file);
    if (fd === undefined) continue;
    const offset = offsetOf(pid, fd);
    if (offset >= SPAN[marks.length] * size) marks.push({ offset, cpu: cpuSecondsOf(pid) });
  }
  const code = await status;
  if (code !== 0) throw new Error(`replay ${file} exited ${code}: ${stderr.slice(-2000)}`);
  const m = /@cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  const cpu = m === null ? NaN : Number(m[1]) + Number(m[2]);
  const span = marks.length === SPAN.length && marks.every((k) => Number.isFinite(k.cpu)) ? { bytes: marks[1].offset - marks[0].offset, cpu: marks[1].cpu - marks[0].cpu } : undefined;
  return { cpu, span };
}

const best = (runs, key) => runs.reduce((a, r) => (r[key] < a[key] ? r : a));
const mps = (n, s) => `${(n / s / 1e6).toFixed(3)} M/s`;

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-replay-bench-'));
const events = join(dir, 'events.jsonl');
// The layer cache of this run's commands: filled by the first, as a user's is after their first run.
process.env.TIDEWATCH_CACHE_DIR = join(dir, 'layer-cache');
const replay = (file) => measure(process.execPath, [TIDEWATCH, 'replay', file, '--events', events]);
/** A replay with the layer cache off: every shipped layer parsed, as on a first run. */
const replayUncached = (file) => measure('/usr/bin/env', ['TIDEWATCH_CACHE_DIR=none', process.execPath, TIDEWATCH, 'replay', file, '--events', events]);

/** One input: ours and gpsd's in turns, best of RUNS each; returns the table row. */
function compare(label, file, plain, startup) {
  const ours = [];
  const gpsd = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(replay(file));
    if (existsSync(GPSDECODE)) gpsd.push(measure(GPSDECODE, ['-j'], plain));
  }
  const summary = /: (\d+) lines, (\d+) messages, (\d+) observations/.exec(ours[0].stderr);
  const eventsLine = /^(\d+) events from/m.exec(ours[0].stderr);
  if (summary === null) throw new Error(`no summary from tidewatch replay ${file}:\n${ours[0].stderr}`);
  const [lines, messages] = [Number(summary[1]), Number(summary[2])];
  const w = best(ours, 'wall');
  const c = best(ours, 'cpu');
  const row = [
    label,
    lines.toLocaleString('en'),
    messages.toLocaleString('en'),
    eventsLine?.[1] ?? '?',
    `${w.wall.toFixed(2)} s (${c.cpu.toFixed(2)} CPU-s)`,
    `${mps(messages, w.wall)} (${mps(messages, c.cpu)} per CPU-s)`,
    `${mps(messages, Math.max(1e-9, c.cpu - startup.cpu))} per CPU-s`,
  ];
  if (gpsd.length === 0) return [...row, 'skipped (bash scripts/setup-test-deps.sh)', ''];
  const gw = best(gpsd, 'wall');
  const gc = best(gpsd, 'cpu');
  return [
    ...row,
    `${gw.wall.toFixed(2)} s = ${mps(lines, gw.wall)} lines (${mps(lines, gc.cpu)} per CPU-s)`,
    `${(gw.wall / w.wall).toFixed(2)}× wall, ${(gc.cpu / c.cpu).toFixed(2)}× CPU`,
  ];
}

/**
 * The cost of the lines `long` has beyond `short`: the two replayed in turns,
 * ours (and gpsd's), the median over the pairs of (long - short), since a
 * difference of two timings carries the noise of both and the median tames
 * it. A yardstick (see above) is timed before and after each pair. Printed
 * beside it, the best of each less the best of the other: a busy neighbour
 * only ever adds time, so each minimum is the nearest to the undisturbed
 * figure, and their difference does not depend on two runs in one pair
 * meeting the same weather.
 */
async function marginal(ais, short, long, messages, withGpsd, perByte) {
  const ours = [];
  const gpsd = [];
  // Per pair of ours: the slower of the yardsticks before and after it.
  const text = readFileSync(short).subarray(0, 4 << 20);
  const ends = [];
  for (let i = text.indexOf(10); i >= 0 && ends.length < 50_000; i = text.indexOf(10, i + 1)) ends.push(i);
  const calibrate = () => yardstick(ais, text, ends);
  calibrate();
  const calibration = [];
  const shortRuns = [];
  const longRuns = [];
  const spans = [];
  for (let i = 0; i < STEADY_RUNS; i++) {
    const before = calibrate();
    shortRuns.push(replay(short).cpu);
    if (perByte === undefined) longRuns.push(replay(long).cpu);
    else {
      const r = await replayWithSpan(long);
      longRuns.push(r.cpu);
      if (r.span !== undefined) spans.push(r.span.cpu / (r.span.bytes * perByte));
    }
    ours.push(longRuns[i] - shortRuns[i]);
    calibration.push(Math.max(before, calibrate()));
    if (withGpsd && existsSync(GPSDECODE)) gpsd.push(-measure(GPSDECODE, ['-j'], short).cpu + measure(GPSDECODE, ['-j'], long).cpu);
  }
  const perMessage = (seconds) => `${((seconds / messages) * 1e6).toFixed(2)} µs`;
  const o = median(ours);
  say(`  tidewatch replay: ${perMessage(o)} per message = ${mps(messages, o)} per CPU-s (pairs: ${ours.map(perMessage).join(', ')}; target: 1 M/s)`);
  const fastest = Math.min(...calibration);
  const speeds = calibration.map((c) => fastest / c);
  const full = ours.filter((_, i) => speeds[i] >= FULL_SPEED);
  say(`  core speed around each pair (the slower of the yardsticks before and after it, against the fastest): ${speeds.map((s) => `${Math.round(s * 100)} %`).join(', ')}`);
  if (full.length > 0) {
    const f = median(full);
    say(`  at full speed (${full.length} of ${ours.length} pairs with the core at ${Math.round(FULL_SPEED * 100)} % or more): ${perMessage(f)} per message = ${mps(messages, f)} per CPU-s`);
  }
  const b = Math.min(...longRuns) - Math.min(...shortRuns);
  say(`  best of each (${Math.min(...longRuns).toFixed(2)} less ${Math.min(...shortRuns).toFixed(2)} CPU-s): ${perMessage(b)} per message = ${mps(messages, b)} per CPU-s`);
  if (spans.length > 0) {
    const perSpan = (seconds) => `${(seconds * 1e6).toFixed(2)} µs`;
    const sm = median(spans);
    say(`  within each long run, from ${SPAN[0] * 100} % to ${SPAN[1] * 100} % of its input (its CPU time read from /proc as it reads; ${spans.length} runs): median ${perSpan(sm)} per message = ${mps(1, sm)} per CPU-s (runs: ${spans.map(perSpan).join(', ')}); best ${perSpan(Math.min(...spans))} = ${mps(1, Math.min(...spans))}`);
  }
  if (gpsd.length > 0) {
    const g = median(gpsd);
    say(`  gpsdecode -j:     ${perMessage(g)} per message (its time for the same lines) = ${mps(messages, g)} per CPU-s; ours ${(g / o).toFixed(2)}× as fast`);
  }
}

/**
 * The steady state: 5 and 5 + STEADY_ROUNDS rounds of the synthetic sea.
 * `openOrder` 'steady' opens the tracks in the order the vessels go on
 * reporting in, so a second's vessels sit in neighbouring slots; 'shuffled'
 * opens them in another order, as a real feed does, so their state lies all
 * over memory.
 */
async function steadyState(ais, openOrder, withGpsd) {
  const files = [5, 5 + STEADY_ROUNDS].map((rounds) => {
    const sea = syntheticSea(ais, { vessels: STEADY, rounds, openOrder });
    const file = join(dir, `steady-${openOrder}-${rounds}.nmea`);
    writeFileSync(file, Buffer.concat(sea.chunks, sea.bytes));
    return file;
  });
  const messages = STEADY * STEADY_ROUNDS;
  const order = openOrder === 'steady' ? 'tracks opened in the order the vessels report in' : 'tracks opened in another order than the vessels report in (a real feed\'s)';
  say();
  say(`steady state, ${STEADY.toLocaleString('en')} vessels reporting every 10 s to tracks already open, ${order}: CPU time of ${5 + STEADY_ROUNDS} rounds less that of 5 (${messages.toLocaleString('en')} messages), median of ${STEADY_RUNS} pairs`);
  await marginal(ais, files[0], files[1], messages, withGpsd);
  files.forEach((f) => rmSync(f));
}

const WEEK_S = 7 * 86_400;

/**
 * The lines of a tagged NMEA text again, `weeks` later: each tag block's `c:`
 * time moved on (seconds, or milliseconds above 1e11) and its checksum made
 * again; lines without a tag block are copied as they are.
 */
function weeksLater(text, weeks) {
  const shift = weeks * WEEK_S;
  const parts = [];
  let from = 0;
  for (let end = text.indexOf(10); from < text.length; end = text.indexOf(10, from)) {
    if (end < 0) end = text.length;
    const line = text.toString('latin1', from, end);
    const tag = /^\\([^*\\]*)\*[0-9A-Fa-f]{2}\\/.exec(line);
    if (tag === null) parts.push(line);
    else {
      const body = tag[1].replace(/(^|,)c:(\d+)/, (_, comma, c) => `${comma}c:${Number(c) + (Number(c) > 1e11 ? shift * 1000 : shift)}`);
      let sum = 0;
      for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
      parts.push(`\\${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}\\${line.slice(tag[0].length)}`);
    }
    from = end + 1;
  }
  return Buffer.from(`${parts.join('\n')}\n`, 'latin1');
}

/**
 * Real traffic with the process warm: the SBARC week followed by WARM_WEEKS
 * copies of itself (each a week later) less the week alone, the cost of
 * weeks of real reports once start-up, the first report of every vessel and
 * the compiler's first passes are behind. Several weeks, not one, so that
 * what is measured outweighs the noise of a shared core.
 */
async function realTrafficWarm(ais, plain, messages) {
  const weeks = join(dir, 'sbarc-weeks.nmea');
  const text = readFileSync(plain);
  const all = Buffer.concat([text, ...Array.from({ length: WARM_WEEKS }, (_, k) => weeksLater(text, k + 1))]);
  writeFileSync(weeks, all);
  const later = messages * WARM_WEEKS;
  say();
  say(`real traffic, warm: the SBARC week followed by ${WARM_WEEKS} copies of itself (each a week later) less the week alone (${later.toLocaleString('en')} messages), median of ${STEADY_RUNS} pairs`);
  // Every week has the same messages in the same bytes (times moved on keep their digits' count), so messages are spread evenly over the bytes.
  await marginal(ais, plain, weeks, later, true, (messages * (WARM_WEEKS + 1)) / all.length);
  rmSync(weeks);
}

const out = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

try {
  say('# tidewatch replay end to end (read, decode, track, every detector and shipped layer, write events), one core');
  say(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.env.TIDEWATCH_BENCH_PINNED ? `pinned to CPU ${CPU}` : 'not pinned (no taskset)'}; best of ${RUNS} runs each, ours and gpsdecode -j in turns; ${bundleIsFresh() ? 'the bundled command' : 'the compiled modules (the bundle is missing or older than the last tsc -b: npm run build)'}`);
  const empty = join(dir, 'empty.nmea');
  writeFileSync(empty, '');
  replay(empty); // fills the layer cache
  const startup = best(Array.from({ length: RUNS }, () => replay(empty)), 'cpu');
  const uncached = best(Array.from({ length: RUNS }, () => replayUncached(empty)), 'cpu');
  say(`start-up (modules and shipped layers, an empty input): ${startup.wall.toFixed(2)} s wall, ${startup.cpu.toFixed(2)} CPU-s with the layer cache filled (every row below); ${uncached.wall.toFixed(2)} s wall, ${uncached.cpu.toFixed(2)} CPU-s with it off (every layer parsed, as on a first run)`);
  say();
  say('| input | lines | messages | events | tidewatch replay | messages/s | without start-up | gpsdecode -j < same NMEA > /dev/null | gpsd time / ours |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const row = (cells) => say(`| ${cells.join(' | ')} |`);
  const ais = await import(join(ROOT, 'packages', 'ais', 'dist', 'src', 'index.js'));
  let sbarcPlain;

  if (args.includes('--no-sbarc')) say('| SBARC week | not run (--no-sbarc) |');
  else if (existsSync(SBARC)) {
    const plain = join(dir, 'sbarc.nmea');
    writeFileSync(plain, gunzipSync(readFileSync(SBARC)));
    row(compare('SBARC week, .gz as shipped', SBARC, plain, startup));
    const sbarcRow = compare('SBARC week, plain', plain, plain, startup);
    row(sbarcRow);
    sbarcPlain = { file: plain, messages: Number(sbarcRow[2].replaceAll(',', '')) };
  } else say(`| SBARC week | skipped: shared data absent (${SBARC}) |`);

  for (const vessels of FLEETS) {
    const rounds = 5 + Math.max(4, Math.ceil(400_000 / vessels));
    const sea = syntheticSea(ais, { vessels, rounds });
    const file = join(dir, `synthetic-${vessels}.nmea`);
    writeFileSync(file, Buffer.concat(sea.chunks, sea.bytes));
    row(compare(`synthetic, ${vessels.toLocaleString('en')} vessels × ${rounds} reports`, file, file, startup));
    rmSync(file);
  }
  if (STEADY > 0) {
    await steadyState(ais, 'steady', true);
    await steadyState(ais, 'shuffled', false);
  }
  if (sbarcPlain !== undefined && !args.includes('--no-warm')) await realTrafficWarm(ais, sbarcPlain.file, sbarcPlain.messages);
  say();
  say(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores shared with other work: wall rates are pessimistic)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
