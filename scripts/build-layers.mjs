#!/usr/bin/env node
/**
 * Builds the reference layers shipped in data/ from the published sources.
 *
 *   node scripts/build-layers.mjs [path/to/shared/data]
 *
 * The source folder defaults to ../shared/data beside the repository. Only
 * sources whose licence allows redistribution are read; data/README.md says
 * what each output is, where it comes from and the attribution it needs.
 * Plain Node, no dependencies; re-running on the same sources gives the same
 * files byte for byte.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = resolve(process.argv[2] ?? join(REPO, '..', 'shared', 'data'));
const OUT = join(REPO, 'data');

const R = 6_371_008.8; // mean Earth radius, metres, as in @tidewatch/geo
const NM = 1852;
const RAD = Math.PI / 180;

// ---------------------------------------------------------------- helpers

/** Five decimals of a degree: about 1 m, well inside the sources' own accuracy. */
const round5 = (x) => Math.round(x * 1e5) / 1e5;

function readJson(path) {
  return JSON.parse(readFileSync(join(SOURCE, path), 'utf8'));
}

/** Rounds a ring, drops vertices that rounding made repeat, and closes it. */
function roundRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round5(lon), round5(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
  if (out.length < 4) throw new Error(`a ring shrank to ${out.length} positions when rounded`);
  return out;
}

function roundLine(line) {
  return line.map(([lon, lat]) => [round5(lon), round5(lat)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
}

function roundGeometry(geometry) {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(roundRing)) };
    case 'LineString':
      return { type: 'LineString', coordinates: roundLine(geometry.coordinates) };
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

/** Compact GeoJSON with one feature per line, so a changed feature shows as one changed line. */
function writeCollection(path, features) {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
  write(path, text);
}

function write(path, text) {
  const full = join(OUT, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  console.log(`${path}: ${(text.length / 1024).toFixed(0)} KiB`);
}

/** RFC 4180 CSV: fields, quoted fields with doubled quotes, CRLF or LF line ends. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function csvField(value) {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function writeCsv(path, columns, rows) {
  write(path, [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n') + '\n');
}

// ------------------------------------------------------- spherical geometry

function haversine(lat1, lon1, lat2, lon2) {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(Math.min(1, a)));
}

function destination(lat, lon, bearing, metres) {
  const d = metres / R, t = bearing * RAD, p1 = lat * RAD;
  const sinP2 = Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t);
  const p2 = Math.asin(sinP2);
  const l2 = lon * RAD + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * sinP2);
  return [l2 / RAD, p2 / RAD];
}

/** Twice the signed area of a lon/lat ring: positive when counter-clockwise. */
function ringTurn(ring) {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return s;
}

function ringContains(ring, lon, lat) {
  let inside = false;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1], [x2, y2] = ring[i];
    if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/**
 * The outline of the union of equal discs (geodesic circles) about the given
 * points, as closed counter-clockwise rings of [lon, lat], one per connected
 * part. Each circle is sampled every `stepDegrees` of bearing; the arcs that
 * lie outside every other disc are kept, their ends found by bisection where
 * they meet the next circle, and chained end to start into rings.
 */
function discUnion(centres, radius, stepDegrees = 1) {
  const covered = (i, [lon, lat]) => centres.some(([clat, clon], j) => j !== i && haversine(clat, clon, lat, lon) < radius);
  const runs = [];
  centres.forEach(([lat, lon], i) => {
    const n = Math.round(360 / stepDegrees);
    // Bearings decreasing from north: north, west, south, east is counter-clockwise on the map.
    const at = (k) => destination(lat, lon, 360 - k * stepDegrees, radius);
    const outside = Array.from({ length: n }, (_, k) => !covered(i, at(k)));
    if (outside.every((o) => o)) return runs.push({ points: [...Array.from({ length: n }, (_, k) => at(k)), at(0)], closed: true });
    if (!outside.some((o) => o)) return;
    const edge = (kIn, kOut) => {
      // Bisect the bearing between a covered sample and an uncovered one: the point where the arc meets another disc.
      let [a, b] = [kIn, kOut];
      for (let s = 0; s < 60; s++) {
        const mid = (a + b) / 2;
        if (covered(i, at(mid))) a = mid;
        else b = mid;
      }
      return at(b);
    };
    const first = outside.findIndex((o, k) => o && !outside[(k + n - 1) % n]);
    for (let k = first, seen = 0; seen < n; ) {
      if (!outside[k % n]) (k++, seen++);
      else {
        const points = [edge(k - 1, k)];
        while (outside[k % n] && seen < n) points.push(at(k)), k++, seen++;
        points.push(edge(k, k - 1));
        runs.push({ points, closed: false });
      }
    }
  });
  const rings = runs.filter((r) => r.closed).map((r) => r.points);
  const open = runs.filter((r) => !r.closed);
  while (open.length > 0) {
    const ring = [...open.shift().points];
    for (;;) {
      const [lon, lat] = ring[ring.length - 1];
      const gap = (r) => haversine(lat, lon, r.points[0][1], r.points[0][0]);
      const start = ring[0];
      const closing = haversine(lat, lon, start[1], start[0]);
      const next = open.reduce((best, r) => (best === null || gap(r) < gap(best) ? r : best), null);
      if (next === null || closing <= gap(next)) {
        if (closing > 1) throw new Error(`disc union: a ring does not close (gap ${closing.toFixed(1)} m)`);
        ring.push([...start]);
        break;
      }
      if (gap(next) > 1) throw new Error(`disc union: arcs do not meet (gap ${gap(next).toFixed(1)} m)`);
      open.splice(open.indexOf(next), 1);
      ring.push(...next.points.slice(1));
    }
    rings.push(ring);
  }
  for (const ring of rings) if (ringTurn(ring) <= 0) throw new Error('disc union: a ring is not counter-clockwise');
  return rings.map(roundRing);
}

// ------------------------------------------------------------------ zones

/** Countries in the clipped maritime layers. Landlocked ones have land only, no sea. */
const COUNTRIES = {
  ALA: 'Åland Islands (Finland)', BLR: 'Belarus', CHN: 'China', DEU: 'Germany', DJI: 'Djibouti', DNK: 'Denmark', ERI: 'Eritrea',
  EST: 'Estonia', ETH: 'Ethiopia', FIN: 'Finland', IDN: 'Indonesia', JPN: 'Japan', KOR: 'South Korea', LTU: 'Lithuania',
  LVA: 'Latvia', MYS: 'Malaysia', NOR: 'Norway', OMN: 'Oman', POL: 'Poland', PRK: 'North Korea', RUS: 'Russia',
  SAU: 'Saudi Arabia', SGP: 'Singapore', SOM: 'Somalia', SWE: 'Sweden', THA: 'Thailand', YEM: 'Yemen',
};
const LANDLOCKED = new Set(['BLR', 'ETH']);
const REGIONS = {
  baltic: 'Baltic Sea',
  gulf_of_aden: 'Gulf of Aden',
  korea_region: 'Korean Peninsula and Yellow Sea',
  singapore_malacca: 'Singapore Strait and Strait of Malacca',
};

function territorialSeas() {
  const folder = 'boundaries/derived';
  const features = [];
  for (const file of readdirSync(join(SOURCE, folder)).filter((f) => f.endsWith('_countries_maritime_10m_clip.geojson')).sort()) {
    const region = file.replace('_countries_maritime_10m_clip.geojson', '');
    for (const f of readJson(`${folder}/${file}`).features) {
      const code = f.properties.A3;
      if (LANDLOCKED.has(code)) continue;
      if (!COUNTRIES[code]) throw new Error(`${file}: no name for country ${code}; add it to COUNTRIES`);
      features.push({
        properties: {
          name: `${COUNTRIES[code]} territorial sea (${REGIONS[region] ?? region})`,
          kind: 'territorial_sea',
          country: code,
          region,
          includes_land: true,
          note: 'Land and the 12 nm territorial sea as one area, clipped to the region box (straight edges at the box are the clip, not a boundary). Not an EEZ.',
          source: `OpenStreetMap via @geo-maps/countries-maritime-10m, clipped (${file})`,
          licence: 'ODbL-1.0, © OpenStreetMap contributors',
        },
        geometry: roundGeometry(f.geometry),
      });
    }
  }
  writeCollection('zones/territorial_seas.geojson', features);
}

function dprkRegion() {
  const folder = 'boundaries/gfw_dprk_region';
  const source = (file) => `Marine Regions (marineregions.org) via Global Fishing Watch (${folder}/${file})`;
  const licence = 'CC-BY-4.0, Marine Regions';
  const polygon = (file) => {
    const g = readJson(`${folder}/${file}`).features[0].geometry;
    return roundGeometry(g); // eez_prk.json's ring is not closed in the source; roundRing closes it
  };
  writeCollection('zones/dprk_eez.geojson', [
    {
      properties: { name: 'North Korea exclusive economic zone (east coast)', kind: 'eez', country: 'PRK', mrgid_eez: 8328, source: source('eez_prk.json'), licence },
      geometry: polygon('eez_prk.json'),
    },
    {
      properties: { name: 'Russia territorial sea near North Korea (12 nm)', kind: 'territorial_sea', country: 'RUS', source: source('eez_rus_12nm.json'), licence },
      geometry: polygon('eez_rus_12nm.json'),
    },
    {
      properties: { name: 'Russia exclusive economic zone near North Korea (beyond 12 nm)', kind: 'eez', country: 'RUS', mrgid_eez: 5690, source: source('eez_rus_near_prk_wo_12nm.json'), licence },
      geometry: polygon('eez_rus_near_prk_wo_12nm.json'),
    },
  ]);
}

/**
 * Island positions to the nearest minute (degrees and minutes), from the Ocean
 * Policy Research Foundation's table "The Senkaku Islands: Location, Area, and
 * Other Geographical Data", computed from the GSI Digital Japan Basic Map.
 */
const SENKAKU = [
  ['Uotsuri-shima', 25, 44, 123, 28],
  ['Kita-kojima', 25, 43, 123, 32],
  ['Minami-kojima', 25, 43, 123, 33],
  ['Kuba-shima', 25, 55, 123, 40],
  ['Taisho-jima', 25, 55, 124, 33],
].map(([name, latD, latM, lonD, lonM]) => ({ name, lat: latD + latM / 60, lon: lonD + lonM / 60 }));

function senkaku() {
  const centres = SENKAKU.map((i) => [i.lat, i.lon]);
  const territorial = discUnion(centres, 12 * NM);
  const contiguous = discUnion(centres, 24 * NM);
  // The contiguous zone is the belt beyond the territorial sea: its parts get the 12 nm rings as holes.
  const belt = contiguous.map((outer) => [outer, ...territorial.filter((t) => ringContains(outer, t[0][0], t[0][1])).map((t) => [...t].reverse())]);
  const common = {
    country: 'JPN',
    administered_by: 'JPN',
    claimed_by: 'CHN, TWN',
    islands: SENKAKU.map((i) => i.name).join(', '),
    approximation:
      'APPROXIMATE: buffers around five island points given to the nearest minute, not limits measured from official baselines; expect the true limits to differ by up to a few kilometres.',
    source: 'Island positions: Ocean Policy Research Foundation, "The Senkaku Islands: Location, Area, and Other Geographical Data" (from the GSI Digital Japan Basic Map); buffers computed by scripts/build-layers.mjs',
  };
  writeCollection('zones/senkaku.geojson', [
    {
      properties: { name: 'Senkaku Islands territorial sea (12 nm, approximate)', kind: 'territorial_sea', ...common },
      geometry: territorial.length === 1 ? { type: 'Polygon', coordinates: territorial } : { type: 'MultiPolygon', coordinates: territorial.map((r) => [r]) },
    },
    {
      properties: { name: 'Senkaku Islands contiguous zone (12 to 24 nm, approximate)', kind: 'contiguous_zone', ...common },
      geometry: belt.length === 1 ? { type: 'Polygon', coordinates: belt[0] } : { type: 'MultiPolygon', coordinates: belt },
    },
  ]);
}

// --------------------------------------------------------- infrastructure

function gulfOfFinland() {
  const file = 'infrastructure/gulf_of_finland/gulf_of_finland_energy_infrastructure.geojson';
  const features = readJson(file).features;
  const find = (test, what) => features.find(test) ?? (() => { throw new Error(`${file}: no ${what}`); })();
  const estlink = find((f) => f.properties.name === 'HVDC Estlink 2', 'Estlink 2');
  const stub = find((f) => f.properties.kind === 'gas_pipeline' && /Balticconnector/.test(f.properties.name), 'Balticconnector landfall stub');
  const estonian = find((f) => f.properties.kind === 'gas_pipeline_landfall' && /Pakri/.test(f.properties.name), 'Pakrineeme landfall');
  const finnish = find((f) => f.properties.kind === 'gas_pipeline_landfall' && /Inkoo/.test(f.properties.name), 'Inkoo landfall');
  // Offshore: straight from the Finnish landfall to the Estonian one, which is the stub's first vertex; then the stub inland.
  const stubLine = stub.geometry.coordinates;
  if (stubLine[0][0] !== estonian.geometry.coordinates[0] || stubLine[0][1] !== estonian.geometry.coordinates[1]) {
    throw new Error(`${file}: the Balticconnector stub no longer starts at the Estonian landfall`);
  }
  writeCollection('infrastructure/gulf_of_finland.geojson', [
    {
      properties: {
        name: 'Balticconnector',
        kind: 'pipeline',
        carries: 'natural gas',
        corridor_m: 5000,
        route_quality:
          'APPROXIMATE: a straight line between the landfalls (Fjusö udde, Inkoo, placed within about 5 km; Pakrineeme, Pakri peninsula), then the OSM landfall stub; the laid route (about 77 km) is not public in open data. The corridor is wide to allow for it.',
        source: `Landfalls and stub: ${file} (OSM way 1019045277, balticconnector.fi, ERR News)`,
        licence: 'ODbL-1.0, © OpenStreetMap contributors',
      },
      geometry: roundGeometry({ type: 'LineString', coordinates: [finnish.geometry.coordinates, ...stubLine] }),
    },
    {
      properties: {
        name: 'Estlink 2',
        kind: 'cable',
        carries: 'HVDC power',
        corridor_m: 1000,
        route_quality: 'OSM-mapped route, 55 of the way’s vertices (offshore section east of 26.10° E at full OSM resolution, nearshore Finnish section thinned)',
        source: `OpenStreetMap way 265086462 (${file})`,
        licence: 'ODbL-1.0, © OpenStreetMap contributors',
      },
      geometry: roundGeometry(estlink.geometry),
    },
  ]);
}

// -------------------------------------------------------------- watchlists

/** OFAC writes several programmes as "IRAN] [NPWMD": one list label per vessel, programmes joined by "; ". */
function watchlist(source, target) {
  const rows = parseCsv(readFileSync(join(SOURCE, source), 'utf8')).map((r) => ({
    imo: r.imo.trim(),
    mmsi: r.mmsi.trim(),
    name: r.name.trim(),
    list: `OFAC SDN (${r.program.split('] [').map((p) => p.trim()).join('; ')})`,
  }));
  for (const r of rows) {
    if (r.imo !== '' && !/^\d{7}$/.test(r.imo)) throw new Error(`${source}: IMO ${r.imo} is not 7 digits`);
    if (r.mmsi !== '' && !/^\d{9}$/.test(r.mmsi)) throw new Error(`${source}: MMSI ${r.mmsi} is not 9 digits`);
  }
  writeCsv(target, ['imo', 'mmsi', 'name', 'list'], rows);
}

// ------------------------------------------------------- ports, anchorages

/**
 * Rows whose position is known to be wrong, by source and a key column. GFW anchorage 140edc01
 * puts TAICHUNG CITY (no country) at 24.43° N 24.43° E, in the Libyan desert: its longitude
 * repeats its latitude.
 */
const WRONG_POSITIONS = { 'ports/anchorage_overrides.csv': { column: 's2id', values: new Set(['140edc01']) } };

/** Named places as lat,lon,name,sublabel,iso3; rows with an impossible or known-wrong position are dropped and listed. */
function places(source, target, columns) {
  const wrong = WRONG_POSITIONS[source];
  const dropped = [];
  const rows = [];
  for (const r of parseCsv(readFileSync(join(SOURCE, source), 'utf8'))) {
    const lat = Number(r[columns.lat]), lon = Number(r[columns.lon]);
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180) || wrong?.values.has(r[wrong.column])) dropped.push(`${r[columns.name]} (${r[columns.lat]}, ${r[columns.lon]})`);
    else rows.push({ lat: round5(lat), lon: round5(lon), name: r[columns.name].trim(), sublabel: r.sublabel.trim(), iso3: r.iso3.trim() });
  }
  if (dropped.length > 0) console.log(`${target}: dropped ${dropped.length}: ${dropped.join('; ')}`);
  writeCsv(target, ['lat', 'lon', 'name', 'sublabel', 'iso3'], rows);
}

// ------------------------------------------------------------------- main

territorialSeas();
dprkRegion();
senkaku();
gulfOfFinland();
watchlist('sanctions/ofac_vessels_2024-05-02.csv', 'watchlists/ofac_vessels.csv');
watchlist('sanctions/ofac_dprk_vessels_2024-05-02.csv', 'watchlists/ofac_dprk_vessels.csv');
places('ports/anchorage_overrides.csv', 'anchorages/anchorages.csv', { lat: 'latitude', lon: 'longitude', name: 'label' });
places('ports/WPI_ports.csv', 'ports/wpi_ports.csv', { lat: 'latitude', lon: 'longitude', name: 'label' });
