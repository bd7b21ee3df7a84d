#!/usr/bin/env node
/**
 * AIS decoding speed, ours against gpsd's `gpsdecode`, on one core.
 *
 * Corpus: ../shared/data/ais-bench/corpus_1M.nmea.gz (1,000,000 real `!AIVDM`
 * sentences, all message types), decompressed once into memory and once into
 * a temporary file.
 *
 *  (a) our decoder to typed fields: AisReceiver over the in-memory buffer,
 *      lines handed over as byte ranges, a sink that counts messages;
 *  (b) `gpsdecode -j < corpus > /dev/null` (gpsd 3.22 from .tools/gpsd);
 *  (c) `tidewatch decode --format gpsd corpus > /dev/null`: the same job as (b).
 *
 * Each is run 3 times, the best run counts; (b) and (c) take turns, and the
 * ratio of each pair is printed too, since a shared machine's slow spells
 * come and go. The whole script pins itself to
 * one CPU with `taskset` when it can, so children run on the same core.
 *
 * Usage: npm run build && node bench/decode.mjs [--runs 3] [--corpus path.nmea.gz]
 * Results are committed as bench/results/decode.txt (node bench/decode.mjs > bench/results/decode.txt).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from '../packages/cli/bin/bundle-state.js';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.TIDEWATCH_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data');
const GPSDECODE = join(ROOT, '.tools', 'gpsd', 'usr', 'bin', 'gpsdecode');
const TIDEWATCH = join(ROOT, 'packages', 'cli', 'bin', 'tidewatch.js');
/** Which build of the command runs: a stale bundle makes the bin fall back to the slower-starting modules. */
const COMMAND_BUILD = bundleIsFresh() ? 'the bundled command' : 'the compiled modules (the bundle is missing or older than the last tsc -b: npm run build)';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '3'));
const CORPUS = option('--corpus', join(SHARED, 'ais-bench', 'corpus_1M.nmea.gz'));

/** Pin to one CPU (and re-run under it) so that every measurement below uses one core. */
if (process.env.TIDEWATCH_BENCH_PINNED === undefined && hasTaskset()) {
  const r = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, TIDEWATCH_BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

function hasTaskset() {
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(CORPUS)) {
  console.error(`corpus not found: ${CORPUS} (set TIDEWATCH_SHARED_DATA or --corpus)`);
  process.exit(2);
}
const { AisReceiver } = await import(join(ROOT, 'packages', 'ais', 'dist', 'src', 'index.js'));

const corpus = gunzipSync(readFileSync(CORPUS));
let lineCount = 0;
for (let i = corpus.indexOf(10); i >= 0; i = corpus.indexOf(10, i + 1)) lineCount++;
if (corpus.length > 0 && corpus[corpus.length - 1] !== 10) lineCount++;

/** (a) One pass of our receiver over the buffer; returns the message count. */
function decodeInMemory() {
  let messages = 0;
  const rx = new AisReceiver({
    message: () => {
      messages++;
    },
    reject: () => {},
  });
  let start = 0;
  for (let nl = corpus.indexOf(10); nl >= 0; nl = corpus.indexOf(10, start)) {
    rx.pushBytes(corpus, start, nl);
    start = nl + 1;
  }
  if (start < corpus.length) rx.pushBytes(corpus, start, corpus.length);
  rx.end();
  return messages;
}

/** One timed run: wall-clock seconds and CPU seconds (`measure` returns them for a child, else the process's own are taken). */
function once(measure) {
  const cpu0 = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = measure();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const own = process.cpuUsage(cpu0);
  return { seconds, cpu: measure.child ? result : (own.user + own.system) / 1e6, result };
}

/** The best wall-clock time and the least CPU time of some runs. */
function bestOf(runs) {
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpu: Math.min(...runs.map((r) => r.cpu)),
    result: runs[runs.length - 1].result,
  };
}

/** Best of `runs` runs of `measure`. */
function best(runs, measure) {
  return bestOf(Array.from({ length: runs }, () => once(measure)));
}

const child = (f) => Object.assign(f, { child: true });

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * A child process with stdin from `file` and stdout to /dev/null; returns its
 * CPU seconds (user + system, from /usr/bin/time) when they can be had.
 */
function timedChild(command, commandArgs, stdinFile) {
  const stdin = stdinFile === undefined ? 'ignore' : openSync(stdinFile, 'r');
  try {
    const argv = TIME === undefined ? [command, commandArgs] : [TIME, ['-f', '@cpu %U %S', command, ...commandArgs]];
    const r = spawnSync(argv[0], argv[1], { stdio: [stdin, 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${command} exited ${r.status}`);
    const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr.toString());
    return m === null ? NaN : Number(m[1]) + Number(m[2]);
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-'));
const plain = join(dir, 'corpus.nmea');
writeFileSync(plain, corpus);
try {
  decodeInMemory(); // warm-up: compile the hot paths once before timing
  const a = best(RUNS, decodeInMemory);
  const haveGpsd = existsSync(GPSDECODE);
  // (b) and (c) take turns, so that a slow spell of a shared machine falls on both alike.
  const bRuns = [];
  const cRuns = [];
  for (let i = 0; i < RUNS; i++) {
    if (haveGpsd) bRuns.push(once(child(() => timedChild(GPSDECODE, ['-j'], plain))));
    cRuns.push(once(child(() => timedChild(process.execPath, [TIDEWATCH, 'decode', '--format', 'gpsd', plain]))));
  }
  const b = haveGpsd ? bestOf(bRuns) : undefined;
  const c = bestOf(cRuns);
  const paired = bRuns.map((r, i) => r.seconds / cRuns[i].seconds).sort((x, y) => x - y);

  const perSecond = (n, s) => n / s;
  const aLines = perSecond(lineCount, a.seconds);
  const aMessages = perSecond(a.result, a.seconds);
  const bLines = b === undefined ? NaN : perSecond(lineCount, b.seconds);
  const cLines = perSecond(lineCount, c.seconds);
  const aCpuLines = perSecond(lineCount, a.cpu);
  const bCpuLines = b === undefined ? NaN : perSecond(lineCount, b.cpu);
  const cCpuLines = perSecond(lineCount, c.cpu);
  const fmt = (x) => (Number.isFinite(x) ? `${(x / 1e3).toFixed(0).padStart(6)} k` : '     n/a');
  const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
  const verdict = (ok) => (ok ? 'met' : 'NOT met');

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gpsdVersion = haveGpsd ? spawnSync(GPSDECODE, ['-V']).stderr.toString().trim() || 'gpsdecode' : 'gpsdecode absent';
  const out = [
    `AIS decode benchmark — ${new Date().toISOString().slice(0, 10)}`,
    `corpus: ${CORPUS.startsWith(SHARED) ? 'shared/data' + CORPUS.slice(SHARED.length) : CORPUS}: ${lineCount} lines, ${(corpus.length / 1e6).toFixed(1)} MB, ${a.result} messages decoded by us`,
    `machine: ${cpu}, ${process.env.TIDEWATCH_BENCH_PINNED ? 'pinned to one CPU (taskset -c 0)' : 'not pinned (no taskset)'}; node ${process.version}; ${gpsdVersion}`,
    `best of ${RUNS} runs each; (b) and (c) run in turns; (c) runs ${COMMAND_BUILD}`,
    '',
    '                                                     lines/s  messages/s  wall time   lines per CPU-second',
    `(a) ours: AisReceiver, in memory, typed fields      ${fmt(aLines)}    ${fmt(aMessages)}   ${a.seconds.toFixed(3).padStart(7)} s   ${fmt(aCpuLines)}`,
    `(b) gpsdecode -j < file > /dev/null                 ${fmt(bLines)}                ${b === undefined ? '    n/a' : b.seconds.toFixed(3).padStart(7) + ' s'}   ${fmt(bCpuLines)}`,
    `(c) tidewatch decode --format gpsd file > /dev/null ${fmt(cLines)}                ${c.seconds.toFixed(3).padStart(7)} s   ${fmt(cCpuLines)}`,
    '',
    `(c) against (b), run by run (gpsdecode's time over ours, sorted): ${paired.length > 0 ? paired.map((x) => `${x.toFixed(2)}×`).join(' ') : 'n/a'}`,
    `load average when done: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (the targets are for an otherwise idle core)`,
    '',
    'target                                   measured        verdict',
    `(a) >= 1.5 M lines/s                     ${fmt(aLines).trim()} lines/s`.padEnd(57) + verdict(aLines >= 1.5e6),
    `(a) >= 6× gpsdecode lines/s              ${ratio(aLines / bLines)}`.padEnd(57) + verdict(aLines / bLines >= 6),
    `(c) >= 2× gpsdecode lines/s              ${ratio(cLines / bLines)}`.padEnd(57) + verdict(cLines / bLines >= 2),
  ];
  console.log(out.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
