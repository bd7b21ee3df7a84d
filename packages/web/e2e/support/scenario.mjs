/**
 * Traffic for the browser tests, as NMEA lines with tag-block times, built with our own
 * AIS encoder so the behaviour under test is sure to be in the data:
 *
 * - an encounter far from any port: a tanker and a fishing vessel 200 m apart, drifting
 *   at half a knot for 2 h 30 min (gfw-2018 needs 500 m, 2 h, median under 2 kn), then
 *   the fishing vessel leaves;
 * - a latecomer that first reports two hours in, so the picture early on differs from
 *   the picture at the end;
 * - a zone entry: a vessel leaving the open corridor of the Gulf of Finland southwards into
 *   Estonia's territorial sea (the shipped data/zones layer, read here to place the track);
 * - an anchor dragged over a pipeline: a vessel reporting "at anchor" while making 3 knots
 *   for an hour along the Balticconnector (the shipped data/infrastructure layer);
 * - a watchlist hit: a vessel broadcasting the IMO number and name of the first entry with
 *   an IMO number in the shipped data/watchlists/ofac_vessels.csv;
 * - real traffic, when the shared real data is there: the first hours of the SBARC week
 *   (Santa Barbara Channel, June 2018, real positions and times), merged in time order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { encodeSentences, positionReportClassA, staticAndVoyageData } from '@tidewatch/ais';
import { REPO_ROOT } from './server.mjs';

/** 2018-06-01T00:00:00Z, where the SBARC week starts. */
export const T0 = Date.UTC(2018, 5, 1);
export const TANKER = { mmsi: 366_990_001, name: 'NORTHERN STAR', callsign: 'WDA1234', imo: 9_300_001, type: 80 };
export const FISHER = { mmsi: 366_990_002, name: 'SOUTHERN CROSS', callsign: 'WDB5678', imo: 9_300_002, type: 30 };
export const LATECOMER = { mmsi: 366_990_003, name: 'LATECOMER', callsign: 'WDC9012', imo: 9_300_003, type: 70 };
export const ENTRANT = { mmsi: 273_990_004, name: 'GULF RUNNER', callsign: 'UBCD1', imo: 9_300_004, type: 70 };
export const ENTERED_ZONE = 'Estonia territorial sea (Baltic Sea)';
export const DRAGGER = { mmsi: 273_990_005, name: 'HEAVY ANCHOR', callsign: 'UBCD2', imo: 9_300_005, type: 70 };
export const DRAGGED_ASSET = 'Balticconnector';
export const LISTED = { mmsi: 352_990_006, callsign: 'HOFAC1', type: 80, ...listedEntry() };
/** Every vessel the scenarios invent (the rest of the traffic is real). */
export const SCENARIO_MMSIS = [TANKER, FISHER, LATECOMER, ENTRANT, DRAGGER, LISTED].map((v) => v.mmsi);
const MEETING = { lat: 33.2, lon: -121.0 };
const ASSETS = join(REPO_ROOT, 'data/infrastructure/gulf_of_finland.geojson');
const ZONES = join(REPO_ROOT, 'data/zones/territorial_seas.geojson');
const MINUTE = 60_000;
const SBARC_NMEA = join(REPO_ROOT, '../shared/data/ais-bench/sbarc_week_2018-06.nmea.gz');

/** The first watchlist entry with an IMO number: its name and number. */
function listedEntry() {
  const [header, ...rows] = readFileSync(join(REPO_ROOT, 'data/watchlists/ofac_vessels.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  for (const row of rows) {
    const cells = row.split(',');
    const imo = Number(cells[cols.indexOf('imo')]);
    const name = cells[cols.indexOf('name')];
    if (imo > 0 && /^[A-Z0-9 ]{4,20}$/.test(name)) return { imo, name };
  }
  throw new Error('no watchlist entry with an IMO number and a plain name');
}

/** Whether the real traffic can be mixed in. */
export const realTrafficPresent = existsSync(SBARC_NMEA);

function tagged(time, sentence) {
  const body = `c:${Math.floor(time / 1000)},s:scenario`;
  let cs = 0;
  for (let i = 0; i < body.length; i++) cs ^= body.charCodeAt(i);
  return `\\${body}*${cs.toString(16).toUpperCase().padStart(2, '0')}\\${sentence}`;
}

function position(vessel, time, lat, lon, sog, cog, status = 0) {
  const m = positionReportClassA({ mmsi: vessel.mmsi, lat, lon, sog, cog, heading: Math.round(cog), status, second: new Date(time).getUTCSeconds() });
  return { time, lines: encodeSentences(m).map((s) => tagged(time, s)) };
}

function identity(vessel, time) {
  const m = staticAndVoyageData({ mmsi: vessel.mmsi, shipname: vessel.name, callsign: vessel.callsign, imo: vessel.imo, shiptype: vessel.type, destination: 'SEA' });
  return { time, lines: encodeSentences(m).map((s) => tagged(time, s)) };
}

const METRES_PER_DEGREE = 111_320;

function scenarioReports() {
  const out = [identity(TANKER, T0 + 5 * MINUTE), identity(FISHER, T0 + 5 * MINUTE), identity(LATECOMER, T0 + 120 * MINUTE)];
  const eastOf = (lat, metres) => metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  // Half a knot north: 926 m an hour.
  const drift = (minutes) => (926 * minutes) / 60 / METRES_PER_DEGREE;
  for (let min = 10; min <= 150; min++) {
    const t = T0 + min * MINUTE;
    const lat = MEETING.lat + drift(min);
    out.push(position(TANKER, t, lat, MEETING.lon, 0.5, 0));
    out.push(position(FISHER, t + 20_000, lat, MEETING.lon + eastOf(lat, 200), 0.5, 0));
  }
  // The fishing vessel leaves east at 12 knots: 22 km an hour.
  for (let min = 151; min <= 180; min++) {
    const lat = MEETING.lat + drift(150);
    out.push(position(FISHER, T0 + min * MINUTE + 20_000, lat, MEETING.lon + eastOf(lat, 200 + (22_224 * (min - 150)) / 60), 12, 90));
  }
  // The latecomer steams north-west at 14 knots from two hours in.
  for (let min = 120; min <= 180; min++) {
    const run = (25_928 * (min - 120)) / 60 / METRES_PER_DEGREE;
    out.push(position(LATECOMER, T0 + min * MINUTE + 40_000, 33.6 + run * 0.7, -120.6 - run * 0.7, 14, 315));
  }
  return out;
}

/** Ray casting over a Polygon or MultiPolygon's rings (even-odd, holes included). */
function inside(geometry, lon, lat) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let odd = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd;
      }
    }
  }
  return odd;
}

/**
 * The entrant's reports: south along 24.8° E from the last point outside every territorial
 * sea to 0.05° inside Estonia's, at 10 knots, from 30 minutes in.
 */
function entryReports() {
  const zones = JSON.parse(readFileSync(ZONES, 'utf8')).features;
  const estonia = zones.find((f) => f.properties.name === ENTERED_ZONE);
  if (!estonia) throw new Error(`${ENTERED_ZONE} is not in data/zones/territorial_seas.geojson`);
  const lon = 24.8;
  let firstInside = null;
  for (let lat = 59.95; lat > 59.3; lat -= 0.002) {
    const outsideAll = !zones.some((f) => inside(f.geometry, lon, lat));
    if (outsideAll) firstInside = null;
    else if (firstInside === null && inside(estonia.geometry, lon, lat)) firstInside = lat;
    if (firstInside !== null && firstInside - lat > 0.05) break;
  }
  if (firstInside === null) throw new Error('no open water north of the Estonian territorial sea along 24.8° E');
  // 10 knots south: 0.00278° of latitude a minute.
  const step = 18_520 / 60 / METRES_PER_DEGREE;
  const out = [identity(ENTRANT, T0 + 25 * MINUTE)];
  const start = firstInside + 20 * step;
  for (let min = 0; min <= 45; min++) out.push(position(ENTRANT, T0 + (30 + min) * MINUTE + 30_000, start - min * step, lon, 10, 180));
  return out;
}

/** The dragger's reports: along the pipeline's first leg, 3 knots south, "at anchor", from 40 minutes in. */
function dragReports() {
  const asset = JSON.parse(readFileSync(ASSETS, 'utf8')).features.find((f) => f.properties.name === DRAGGED_ASSET);
  if (!asset) throw new Error(`${DRAGGED_ASSET} is not in data/infrastructure/gulf_of_finland.geojson`);
  const [[lon0, lat0], [lon1, lat1]] = asset.geometry.coordinates;
  const onRoute = (lat) => lon0 + ((lat - lat0) * (lon1 - lon0)) / (lat1 - lat0);
  const step = 5_556 / 60 / METRES_PER_DEGREE;
  const start = lat0 - (lat0 - lat1) / 3;
  const out = [identity(DRAGGER, T0 + 35 * MINUTE)];
  for (let min = 0; min <= 60; min++) {
    const lat = start - min * step;
    // Yawing a little either side of the route, as a ship on a dragging anchor does.
    out.push(position(DRAGGER, T0 + (40 + min) * MINUTE + 10_000, lat, onRoute(lat) + (min % 2 ? 0.0005 : -0.0005), 3, min % 2 ? 160 : 200, 1));
  }
  return out;
}

/** The listed vessel: west along 34.2° N (the Santa Barbara Channel) at 8 knots, from 50 minutes in. */
function listedReports() {
  const out = [identity(LISTED, T0 + 50 * MINUTE)];
  const step = 14_816 / 60 / (METRES_PER_DEGREE * Math.cos((34 * Math.PI) / 180));
  for (let min = 0; min <= 60; min++) out.push(position(LISTED, T0 + (50 + min) * MINUTE + 50_000, 34.2, -119.9 - min * step, 8, 270));
  return out;
}

/** Real SBARC lines up to `until` (ms), grouped by their tag-block time; fragments stay together. */
function realReports(until) {
  if (!realTrafficPresent) return [];
  const out = [];
  for (const line of gunzipSync(readFileSync(SBARC_NMEA)).toString().split('\n')) {
    const m = /c:(\d+)/.exec(line);
    if (!m) continue;
    const time = Number(m[1]) * 1000;
    if (time > until) break;
    const last = out[out.length - 1];
    if (last && last.time === time) last.lines.push(line);
    else out.push({ time, lines: [line] });
  }
  return out;
}

/** Every report up to 3 h in, in time order, cut into chunks of `chunkMinutes` of data time, each with its newest report's time. */
export function scenarioChunks(chunkMinutes = 20) {
  const end = T0 + 180 * MINUTE;
  const all = [...scenarioReports(), ...entryReports(), ...dragReports(), ...listedReports(), ...realReports(end)].sort((a, b) => a.time - b.time);
  const chunks = [];
  for (let from = T0; from <= end; from += chunkMinutes * MINUTE) {
    const to = from + chunkMinutes * MINUTE;
    const reports = all.filter((r) => r.time >= from && (r.time < to || (to > end && r.time <= end)));
    if (reports.length) chunks.push({ lastTime: reports[reports.length - 1].time, lines: reports.flatMap((r) => r.lines) });
  }
  return chunks;
}
