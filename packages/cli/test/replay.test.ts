/**
 * `tidewatch replay`, run as the built command. Inputs are small seas rendered
 * as real AIS by our encoder (tagged NMEA, and the same reports as a CSV export)
 * and the real Baltic sample; the oracle for "the same events" is always the
 * command itself on the whole, clean, ordered input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { encodeSentences, positionReportClassA, staticAndVoyageData, type EncodableMessage } from '@tidewatch/ais';
import { destinationPoint, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { scratchFiles, tidewatch, type Run } from './support/command.js';
import { SHARED_DATA, sharedDataAbsent } from './support/shared-data.js';

const BALTIC = `${SHARED_DATA}/ais-samples/baltic_gibraltar_samples/baltic_2018-04_20k_sample.csv`;

const { dir, file: tempFile } = scratchFiles('tidewatch-replay-');

/** `tidewatch replay args...`. */
function replay(args: readonly string[], input?: string): Run {
  return tidewatch(['replay', ...args], input);
}

/** Replays and returns the event lines; fails the test on an unexpected exit status. */
function events(args: readonly string[], status = 0): string[] {
  const r = replay(args);
  assert.equal(r.status, status, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const typesOf = (lines: readonly string[]): string[] => [...new Set(lines.map((l) => (JSON.parse(l) as { type: string }).type))].sort();

// ---------------------------------------------------------------- a small sea

const hours = (n: number): number => n * 3600;
const START = Date.parse('2021-03-01T00:00:00Z');

/** One stretch of a voyage: course and speed for some seconds, transmitting or not. */
interface Leg {
  readonly seconds: number;
  readonly course: number;
  readonly knots: number;
  readonly silent?: boolean;
}

interface Plan {
  readonly mmsi: number;
  readonly name: string;
  readonly shipType: number;
  readonly lat: number;
  readonly lon: number;
  readonly everyS: number;
  readonly legs: readonly Leg[];
  /** From this second on, reported positions are displaced (a transmitter whose position jumps). */
  readonly displaceAt?: { readonly s: number; readonly dLat: number; readonly dLon: number };
}

/** One message as it goes on the wire: its time, whose it is, its sentences; and, for a position, what it says. */
interface Sent {
  readonly t: number;
  readonly mmsi: number;
  readonly lines: readonly string[];
  readonly position?: { readonly lat: number; readonly lon: number; readonly sog: number; readonly cog: number };
}

function tagBlock(t: number): string {
  const body = `s:sea,c:${Math.floor(t / 1000)}`;
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
}

/** Every report of every vessel, in time order (ties by plan order): positions, and a type 5 every 6 minutes. */
function render(plans: readonly Plan[]): Sent[] {
  const due: Array<{ t: number; order: number; mmsi: number; message: EncodableMessage; position?: Sent['position'] }> = [];
  plans.forEach((p, order) => {
    let [lat, lon, t] = [p.lat, p.lon, START];
    for (const leg of p.legs) {
      for (let s = 0; s < leg.seconds; s += p.everyS) {
        const here = destinationPoint(lat, lon, leg.course, leg.knots * METRES_PER_SECOND_PER_KNOT * s);
        const at = t + s * 1000;
        if (leg.silent === true) continue;
        const shift = p.displaceAt !== undefined && at >= START + p.displaceAt.s * 1000 ? p.displaceAt : { dLat: 0, dLon: 0 };
        const position = { lat: here.lat + shift.dLat, lon: here.lon + shift.dLon };
        const report = { ...position, sog: leg.knots, cog: leg.course };
        due.push({ t: at, order, mmsi: p.mmsi, message: positionReportClassA({ mmsi: p.mmsi, ...report, heading: leg.course, status: 0, second: new Date(at).getUTCSeconds() }), position: report });
        if ((at - START) % 360_000 < p.everyS * 1000) {
          due.push({ t: at, order, mmsi: p.mmsi, message: staticAndVoyageData({ mmsi: p.mmsi, shipname: p.name, shiptype: p.shipType, callsign: `C${p.mmsi % 10000}`, destination: 'AT SEA' }) });
        }
      }
      const end = destinationPoint(lat, lon, leg.course, leg.knots * METRES_PER_SECOND_PER_KNOT * leg.seconds);
      [lat, lon, t] = [end.lat, end.lon, t + leg.seconds * 1000];
    }
  });
  due.sort((a, b) => a.t - b.t || a.order - b.order);
  let sequence = 0;
  return due.map((d) => {
    const sentences = encodeSentences(d.message, { sequenceId: sequence });
    if (sentences.length > 1) sequence = (sequence + 1) % 10;
    return { t: d.t, mmsi: d.mmsi, lines: sentences.map((s) => tagBlock(d.t) + s), position: d.position };
  });
}

const nmea = (sent: readonly Sent[]): string => sent.flatMap((s) => s.lines).join('\n') + '\n';

/**
 * Mid-Atlantic, 400 km from the nearest land and anchorage, over ten hours: a
 * reefer and a fishing vessel drift alongside for three hours (an encounter,
 * and each loiters); a carrier drifts alone (loitering); a vessel steams, goes
 * silent for seven hours and comes back (an AIS gap, with two pickets heard
 * near both ends all along); one transmitter's position jumps 30 km and stays.
 */
function sea(): Plan[] {
  const [lat, lon] = [40, -35];
  const beside = destinationPoint(lat, lon, 90, 150);
  return [
    { mmsi: 244123000, name: 'REEFER ONE', shipType: 70, lat, lon, everyS: 30, legs: [{ seconds: hours(1), course: 90, knots: 0.3 }, { seconds: hours(3), course: 45, knots: 0.4 }, { seconds: hours(2), course: 90, knots: 12 }] },
    { mmsi: 244456000, name: 'FISHER TWO', shipType: 30, lat: beside.lat, lon: beside.lon, everyS: 30, legs: [{ seconds: hours(1), course: 90, knots: 0.3 }, { seconds: hours(3), course: 45, knots: 0.4 }, { seconds: hours(2), course: 270, knots: 9 }] },
    { mmsi: 255806000, name: 'CARRIER', shipType: 70, lat: lat + 0.5, lon, everyS: 60, legs: [{ seconds: hours(4), course: 200, knots: 0.6 }, { seconds: hours(4), course: 200, knots: 11 }] },
    { mmsi: 636012345, name: 'SHADOW', shipType: 80, lat: lat - 0.4, lon: lon + 0.3, everyS: 60, legs: [{ seconds: hours(1.5), course: 0, knots: 1 }, { seconds: hours(7), course: 0, knots: 1, silent: true }, { seconds: hours(1.5), course: 0, knots: 1 }] },
    { mmsi: 538001001, name: 'PICKET NORTH', shipType: 52, lat: lat - 0.35, lon: lon + 0.35, everyS: 180, legs: [{ seconds: hours(10), course: 0, knots: 0 }] },
    { mmsi: 538001002, name: 'PICKET SOUTH', shipType: 52, lat: lat - 0.42, lon: lon + 0.25, everyS: 180, legs: [{ seconds: hours(10), course: 0, knots: 0 }] },
    { mmsi: 311000777, name: 'JUMPER', shipType: 70, lat: lat + 0.8, lon: lon - 1, everyS: 30, legs: [{ seconds: hours(3), course: 270, knots: 12 }], displaceAt: { s: hours(1.5), dLat: 0.27, dLon: 0 } },
  ];
}

const SEA = render(sea());
const SEA_FILE = tempFile(nmea(SEA), '.nmea');
const NONE = ['--layers', 'none'];

/** The sea's events, replayed whole with the shipped layers: the reference for every variation. */
const reference = events([SEA_FILE]);

test('the sea gives one event of each kind it was built to show', () => {
  assert.deepEqual(typesOf(reference), ['ais_gap', 'encounter', 'loitering', 'position_jump']);
  const byType = (type: string) => reference.map((l) => JSON.parse(l) as { type: string; mmsi: number[] }).filter((e) => e.type === type);
  assert.deepEqual(byType('encounter').map((e) => e.mmsi), [[244123000, 244456000]]);
  assert.deepEqual(byType('ais_gap').map((e) => e.mmsi), [[636012345]]);
  assert.deepEqual(byType('position_jump').map((e) => e.mmsi), [[311000777]]);
  // The drifting three, and the two pickets lying stopped all day.
  assert.deepEqual(byType('loitering').map((e) => e.mmsi[0]).sort(), [244123000, 244456000, 255806000, 538001001, 538001002]);
  // Far from land: the same events without the shipped layers.
  assert.deepEqual(events([...NONE, SEA_FILE]), reference);
});

test('deterministic: two runs write byte-identical event files', () => {
  const a = join(dir, 'a.jsonl');
  const b = join(dir, 'b.jsonl');
  const ra = replay(['--events', a, SEA_FILE]);
  const rb = replay(['--events', b, SEA_FILE]);
  assert.equal(ra.status, 0, ra.stderr);
  assert.equal(rb.status, 0, rb.stderr);
  assert.ok(readFileSync(a).length > 0);
  assert.deepEqual(readFileSync(a), readFileSync(b));
});

test('the layer cache: a first run packs the shipped layers, the next reads them, and the events are the same as with no cache', () => {
  const cacheDir = join(dir, 'layer-cache');
  const first = tidewatch(['replay', SEA_FILE], undefined, { TIDEWATCH_CACHE_DIR: cacheDir });
  const second = tidewatch(['replay', SEA_FILE], undefined, { TIDEWATCH_CACHE_DIR: cacheDir });
  const none = tidewatch(['replay', SEA_FILE], undefined, { TIDEWATCH_CACHE_DIR: 'none' });
  for (const r of [first, second, none]) assert.equal(r.status, 0, r.stderr);
  assert.match(first.stderr, /^layers: layer cache: 0 layer\(s\) read from .*layer-cache, 5 written$/m);
  assert.match(second.stderr, /^layers: layer cache: 5 layer\(s\) read from .*layer-cache, 0 written$/m);
  assert.match(none.stderr, /^layers: layer cache: off$/m);
  assert.equal(second.stdout, first.stdout);
  assert.equal(none.stdout, first.stdout);
  // A cache that cannot be written (here a file where the folder should be) is said, and changes nothing else.
  const unwritable = tidewatch(['replay', SEA_FILE], undefined, { TIDEWATCH_CACHE_DIR: tempFile('not a folder') });
  assert.equal(unwritable.status, 0, unwritable.stderr);
  assert.match(unwritable.stderr, /^layers: layer cache: cannot write .*; layers are parsed every run$/m);
  assert.equal(unwritable.stdout, first.stdout);
  assert.deepEqual(second.stdout.split('\n').filter((l) => l !== ''), reference);
});

test('--events FILE writes the events there, nothing to stdout, and the summary counts them per type', () => {
  const out = join(dir, 'events.jsonl');
  const r = replay(['--events', out, SEA_FILE]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const written = readFileSync(out, 'utf8').split('\n').filter((l) => l !== '');
  assert.deepEqual(written, reference);
  assert.match(r.stderr, new RegExp(`^${written.length} events from \\d+ positions`, 'm'));
  // The shipped layers were loaded, the coastline among them.
  assert.match(r.stderr, /^layers: shore: \d+ coastline rings from coast\/coastline\.json$/m);
  assert.match(r.stderr, /^layers: anchorages: \d+ from anchorages\/anchorages\.csv$/m);
  for (const type of typesOf(written)) {
    const count = written.filter((l) => (JSON.parse(l) as { type: string }).type === type).length;
    assert.match(r.stderr, new RegExp(`^  ${type}  ${count}$`, 'm'));
  }
});

test('split by time at an arbitrary message into two files: the same events as the whole', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: SEA.length - 1 }), (at) => {
      const early = tempFile(nmea(SEA.slice(0, at)));
      const late = tempFile(nmea(SEA.slice(at)));
      assert.deepEqual(events([...NONE, early, late]), reference);
      // Named in the other order: merging is by time, not by argument order.
      assert.deepEqual(events([...NONE, late, early]), reference);
    }),
    { numRuns: 3 },
  );
});

test('split by vessel (odd and even MMSI) into two files: the same events as the whole', () => {
  const odd = tempFile(nmea(SEA.filter((s) => s.mmsi % 2 === 1)));
  const even = tempFile(nmea(SEA.filter((s) => s.mmsi % 2 === 0)));
  assert.deepEqual(events([...NONE, odd, even]), reference);
});

test('messages shuffled within a few seconds of their time: the same events', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: SEA.length, maxLength: SEA.length }), (jitter) => {
      // A receiver's lines arrive out of order by up to 5 s; multi-sentence messages stay whole.
      const shuffled = SEA.map((s, i) => ({ s, key: s.t + jitter[i]! })).sort((a, b) => a.key - b.key).map((x) => x.s);
      assert.deepEqual(events([...NONE, tempFile(nmea(shuffled))]), reference);
    }),
    { numRuns: 3 },
  );
});

test('malformed lines are counted with their reasons and every good record still gives its events', () => {
  // Three position reports of the reefer spoilt: their events are those of the input without them.
  const victims = new Set(SEA.flatMap((s, i) => (s.mmsi === 244123000 && s.lines.length === 1 && i % 97 === 0 ? [i] : [])).slice(0, 3));
  assert.equal(victims.size, 3);
  const spoilt: string[] = [];
  const without: string[] = [];
  SEA.forEach((s, i) => {
    if (i === 500) spoilt.push('this is not AIS at all', '!AIVDM,1,1,,A,garbage');
    if (!victims.has(i)) {
      spoilt.push(...s.lines);
      without.push(...s.lines);
    } else spoilt.push(s.lines[0]!.replace(/\*[0-9A-F]{2}$/, (c) => (c === '*00' ? '*01' : '*00')));
  });
  const r = replay([...NONE, tempFile(spoilt.join('\n') + '\n')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => l !== ''), events([...NONE, tempFile(without.join('\n') + '\n')]));
  assert.match(r.stderr, /^ {2}bad_checksum {2}3$/m);
  assert.match(r.stderr, /^ {2}not_ais {2}1$/m);
  assert.match(r.stderr, /, 5 refused$/m);
  assert.match(r.stderr, /e\.g\. line \d+: bad_checksum/);
});

test('a truncated .gz: everything readable is replayed, the summary says where it broke, exit 1', () => {
  const gz = gzipSync(nmea(SEA));
  const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
  const r = replay([...NONE, tempFile(cut, '.nmea.gz')]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /input ended early/);
  // The oracle: the complete lines zlib can recover from the same bytes, replayed as plain text.
  const readable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  const whole = readable.slice(0, readable.lastIndexOf('\n') + 1);
  const got = r.stdout.split('\n').filter((l) => l !== '');
  assert.deepEqual(got, events([...NONE, tempFile(whole)]));
  assert.ok(got.length > 0);
});

/** IMO numbers of the sea's vessels, for exports that carry them (valid check digits). */
const IMO = new Map([[244123000, 9074729]]);

/**
 * The sea's position reports as a NOAA-style CSV export, each row with the
 * vessel's name and IMO as such exports repeat them; the row for message
 * `badTimeAt` gets an impossible time.
 */
function csv(sent: readonly Sent[], badTimeAt = -1): string {
  const names = new Map(sea().map((p) => [p.mmsi, p.name]));
  const out = ['MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO'];
  sent.forEach((s, i) => {
    const p = s.position;
    if (p === undefined) return; // static messages: their content is on every row
    const time = i === badTimeAt ? '2021-03-01T25:61:00' : new Date(s.t).toISOString().slice(0, 19);
    out.push(`${s.mmsi},${time},${p.lat.toFixed(6)},${p.lon.toFixed(6)},${p.sog},${p.cog},${p.cog},${names.get(s.mmsi)},${IMO.get(s.mmsi) ?? ''}`);
  });
  return out.join('\n') + '\n';
}

test('a CSV export: a row with a bad time is counted, the rest give the same events as without it', () => {
  const bad = SEA.findIndex((s, i) => i > 1000 && s.mmsi === 538001001 && s.position !== undefined);
  const withBad = replay([...NONE, tempFile(csv(SEA, bad), '.csv')]);
  assert.equal(withBad.status, 0, withBad.stderr);
  assert.match(withBad.stderr, /^ {2}bad_time {2}1$/m);
  assert.match(withBad.stderr, /\(csv\): \d+ lines, \d+ rows, \d+ observations, 1 refused/);
  const got = withBad.stdout.split('\n').filter((l) => l !== '');
  assert.deepEqual(got, events([...NONE, tempFile(csv(SEA.filter((_, i) => i !== bad)), '.csv')]));
  assert.deepEqual(typesOf(got), ['ais_gap', 'encounter', 'loitering', 'position_jump']);
});

test('a CSV export in any row order gives the same events, identities included (a watchlist match from the first row)', () => {
  const list = tempFile('imo,mmsi,name,list\n9074729,,REEFER ONE,TEST LIST\n', '.csv');
  const ordered = events([...NONE, '--watchlist', list, tempFile(csv(SEA), '.csv')]);
  const match = ordered.map((l) => JSON.parse(l) as { type: string; start: string }).filter((e) => e.type === 'watchlist_match');
  assert.equal(match.length, 1);
  // Known from the reefer's first row, at the start of the sea.
  assert.equal(Date.parse(match[0]!.start), START);
  const [header, ...rows] = csv(SEA).split('\n').filter((l) => l !== '');
  const replayRows = (order: readonly string[]): string[] => events([...NONE, '--watchlist', list, tempFile([header, ...order].join('\n') + '\n', '.csv')]);
  assert.deepEqual(replayRows([...rows].reverse()), ordered);
  // Every third row moved to the end: out of order, but not simply reversed.
  assert.deepEqual(replayRows([...rows.filter((_, i) => i % 3 !== 0), ...rows.filter((_, i) => i % 3 === 0)]), ordered);
});

test('an unreadable file, an unknown format, a bad profile: exit 2 with a message saying which', () => {
  const missing = replay([join(dir, 'no-such-file.nmea')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-file\.nmea/);
  assert.equal(missing.stdout, '');

  const prose = replay([tempFile('Dear reader,\nthis is a letter, not AIS.\n', '.txt')]);
  assert.equal(prose.status, 2);
  assert.match(prose.stderr, /neither NMEA nor a CSV export we can read/);

  const unknown = replay(['--profile', 'gfw-2019', SEA_FILE]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /profile "gfw-2019" is neither a built-in profile \(gfw-2018, rendezvous-fast\)/);

  const invalid = replay(['--profile', tempFile(JSON.stringify({ id: 'mine', version: '1' }), '.json'), SEA_FILE]);
  assert.equal(invalid.status, 2);
  assert.match(invalid.stderr, /profile .*\.json: .*tracks/);
  assert.equal(invalid.stdout, '');
});

test('an empty input replays as nothing, beside a real one: exit 0, its summary says 0 lines', () => {
  const empty = tempFile('', '.nmea');
  const alone = replay(['--layers', 'none', empty]);
  assert.equal(alone.status, 0, alone.stderr);
  assert.equal(alone.stdout, '');
  assert.match(alone.stderr, /\.nmea \(nmea\): 0 lines, 0 messages, 0 observations/);
  assert.deepEqual(events([...NONE, empty, SEA_FILE]), events([...NONE, SEA_FILE]));
});

/** The Baltic sample's header and rows, and the events of the whole file with the shipped layers. */
let baltic: { header: string; rows: string[]; whole: string[] } | undefined;
function balticSample(): { header: string; rows: string[]; whole: string[] } {
  if (baltic === undefined) {
    const [header, ...rows] = readFileSync(BALTIC, 'utf8').split('\n').filter((l) => l !== '');
    baltic = { header: header!, rows, whole: events([BALTIC]) };
  }
  return baltic;
}

const csvFile = (header: string, rows: readonly string[]): string => tempFile([header, ...rows].join('\n') + '\n', '.csv');

test('real data: the Baltic sample split at an arbitrary line, and by vessel, gives the events of the whole', { skip: sharedDataAbsent }, () => {
  const { header, rows, whole } = balticSample();
  assert.ok(whole.length > 0);
  // The export is not in time order: each part is sorted in memory before the merge.
  const at = 7919;
  assert.deepEqual(events([csvFile(header, rows.slice(0, at)), csvFile(header, rows.slice(at))]), whole);
  const mmsiAt = header.split(';').findIndex((h) => h.replace(/"/g, '') === 'mmsi');
  const odd = rows.filter((r) => Number(r.split(';')[mmsiAt]) % 2 === 1);
  const even = rows.filter((r) => Number(r.split(';')[mmsiAt]) % 2 === 0);
  assert.ok(odd.length > 1000 && even.length > 1000);
  assert.deepEqual(events([csvFile(header, even), csvFile(header, odd)]), whole);
});

test('real data: the Baltic sample with its rows in reverse order gives the same events', { skip: sharedDataAbsent }, () => {
  const { header, rows, whole } = balticSample();
  assert.deepEqual(events([csvFile(header, [...rows].reverse())]), whole);
});
