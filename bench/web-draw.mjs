#!/usr/bin/env node
/**
 * Time for the page to draw 100 k vessels in headless Chromium.
 *
 * Serves the built page (packages/web/dist) with a stand-in live socket, waits for the map,
 * then sends binary position frames of 100 k vessels and measures, in the page, from the
 * frame's arrival to the end of the first deck.gl render that drew all of them
 * (`window.tidewatch.drawn`). Vessel positions, courses and types are real: 100 k vessels
 * are laid along the tracks of the SBARC week (Santa Barbara Channel, June 2018), each
 * vessel a real position of a real track, so the picture has real density and headings.
 *
 * Usage: node bench/web-draw.mjs [--vessels 100000] [--frames 6]
 * Needs: npm run build (for dist), Debian chromium, ../shared/data (real tracks).
 * Headless Debian chromium draws WebGL in software (SwiftShader): a GPU is much faster.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { WebSocketServer } from 'ws';
import { chromium } from 'playwright-core';
import { allocateFrame } from '@tidewatch/protocol';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'packages/web/dist');
const SBARC = join(ROOT, '../shared/data/ais-samples/sbarc_2018-06/sbarc_positions_2018-06-01_to_07.csv.gz');
const CHROMIUM = '/usr/bin/chromium';
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const VESSELS = arg('vessels', 100_000);
const FRAMES = arg('frames', 6);

for (const [what, path] of [['built page (npm run build)', join(DIST, 'index.html')], ['chromium', CHROMIUM], ['shared SBARC data', SBARC]]) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path}`);
    process.exit(1);
  }
}

/** Real positions (lon, lat, sog, cog, heading, type), in time order per vessel. */
function realPositions() {
  const lines = gunzipSync(readFileSync(SBARC)).toString().split('\n');
  const rows = [];
  // Every 7th line: 98 k positions spread over the whole week and all 798 vessels.
  for (let i = 1; i < lines.length; i += 7) {
    const c = lines[i].split(',');
    if (c.length < 11) continue;
    const heading = Number(c[7]);
    rows.push([Number(c[3]), Number(c[4]), Number(c[5]), Number(c[6]), heading === 511 ? NaN : heading, Number(c[10]) || 0]);
  }
  return rows;
}

/** One frame of `n` vessels at step `step`: vessel i takes real position (i + step) mod rows. */
function frame(rows, n, step, time) {
  const { buffer, columns: c } = allocateFrame(n, time, true);
  for (let i = 0; i < n; i++) {
    const r = rows[(i * 13 + step) % rows.length];
    // Distinct positions for repeats of the same row: a small, fixed offset per lap.
    const lap = Math.floor((i * 13) / rows.length);
    c.mmsi[i] = 200_000_000 + i;
    c.lon[i] = r[0] + (lap % 10) * 0.01;
    c.lat[i] = r[1] + Math.floor(lap / 10) * 0.01;
    c.sog[i] = r[2];
    c.cog[i] = r[3];
    c.heading[i] = r[4];
    c.age[i] = 0;
    c.shipType[i] = r[5];
    c.navStatus[i] = 0;
  }
  return buffer;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.geojson': 'application/json' };
const http = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/v1/')) {
    res.setHeader('content-type', 'application/json');
    res.end(url.pathname === '/api/v1/events' ? '{"items":[],"next":null}' : '[]');
    return;
  }
  const path = join(DIST, url.pathname === '/' ? 'index.html' : url.pathname);
  if (!path.startsWith(DIST) || !existsSync(path)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
  createReadStream(path).pipe(res);
});
const wss = new WebSocketServer({ server: http, path: '/api/v1/live' });
let client = null;
wss.on('connection', (ws) => (client = ws));
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const port = http.address().port;

const rows = realPositions();
const userDir = mkdtempSync(join(tmpdir(), 'tidewatch-bench-'));
const browser = await chromium.launchPersistentContext(userDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = [];
const applied = [];
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(`http://127.0.0.1:${port}/?view=-119.5,33.5,6.5`);
  await page.waitForFunction(() => window.tidewatch && window.tidewatch.drawn.at > 0, null, { timeout: 60_000 });
  await page.waitForFunction(() => document.getElementById('link-state').classList.contains('open'));
  const t0 = Date.parse('2018-06-01T00:00:00Z');
  for (let k = 0; k < FRAMES; k++) {
    const buffer = frame(rows, VESSELS, k * 1000, t0 + k * 60_000);
    const before = await page.evaluate(() => window.tidewatch.frames);
    client.send(buffer);
    await page.waitForFunction(
      ([n, f]) => window.tidewatch.frames > f && window.tidewatch.drawn.count === n && window.tidewatch.drawn.at > window.tidewatch.frameAt,
      [VESSELS, before],
      { timeout: 120_000, polling: 5 },
    );
    const [ms, applyMs] = await page.evaluate(() => [window.tidewatch.drawn.at - window.tidewatch.frameAt, window.tidewatch.appliedAt - window.tidewatch.frameAt]);
    results.push(ms);
    applied.push(applyMs);
    console.log(`frame ${k + 1}: ${VESSELS} vessels drawn ${ms.toFixed(0)} ms after arrival (${applyMs.toFixed(0)} ms of it writing the vessel table)`);
  }
  if (process.argv.includes('--screenshot')) await page.screenshot({ path: join(ROOT, 'docs/screenshots/100k-vessels.png') });
} finally {
  await browser.close();
  rmSync(userDir, { recursive: true, force: true });
  wss.close();
  http.close();
}

const later = results.slice(1).sort((a, b) => a - b);
const median = later[Math.floor(later.length / 2)];
const version = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
const report = [
  `# bench/web-draw.mjs — time for the page to draw ${VESSELS.toLocaleString('en')} vessels (binary frame → deck.gl render done)`,
  `# ${new Date().toISOString().slice(0, 10)}, ${version}, headless, WebGL in software (SwiftShader), ${cpus()[0].model}, ${cpus().length} cores`,
  `# positions: real SBARC June 2018 tracks, ${rows.length} real positions spread over ${VESSELS} vessels`,
  `# load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine inflates these times)`,
  `first frame (allocation, upload, shader compile): ${results[0].toFixed(0)} ms, of which writing the vessel table ${applied[0].toFixed(0)} ms`,
  `later frames, median of ${later.length}: ${median.toFixed(0)} ms (min ${later[0].toFixed(0)}, max ${later[later.length - 1].toFixed(0)}); writing the vessel table, median ${applied.slice(1).sort((a, b) => a - b)[Math.floor(later.length / 2)].toFixed(0)} ms`,
  '',
].join('\n');
console.log(report);
if (!process.argv.includes('--no-write')) writeFileSync(join(ROOT, 'bench/results/web.txt'), report);
