/** The reference layers shipped in data/: valid for our readers, and known places fall where they should. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CorridorIndex, ZoneIndex, areaContains, parseAssets, parseZones, type Asset, type Zone } from '../src/index.js';

/** data/ at the root of the repository, from dist/test. */
const DATA = fileURLToPath(new URL('../../../../data/', import.meta.url));

function zones(file: string): Zone[] {
  const result = parseZones(JSON.parse(readFileSync(`${DATA}zones/${file}`, 'utf8')));
  assert.ok(result.ok, `${file}: ${JSON.stringify(!result.ok && result.errors.slice(0, 3))}`);
  return result.zones;
}

function assets(file: string): Asset[] {
  const result = parseAssets(JSON.parse(readFileSync(`${DATA}infrastructure/${file}`, 'utf8')));
  assert.ok(result.ok, `${file}: ${JSON.stringify(!result.ok && result.errors.slice(0, 3))}`);
  return result.assets;
}

/** Names of the zones containing a point. */
function namesAt(list: Zone[], lat: number, lon: number): string[] {
  return list.filter((z) => areaContains(z.area, lat, lon)).map((z) => z.name);
}

function csv(path: string): string[][] {
  return readFileSync(`${DATA}${path}`, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
}

test('territorial seas: every country has a kind and code; Helsinki harbour is Finnish, the open Baltic is no one’s', () => {
  const seas = zones('territorial_seas.geojson');
  assert.ok(seas.length >= 20);
  assert.ok(seas.every((z) => z.kind === 'territorial_sea' && z.country !== null && /^[A-Z]{3}$/.test(z.country)));
  const finland = (lat: number, lon: number) => seas.filter((z) => areaContains(z.area, lat, lon)).map((z) => z.country);
  assert.deepEqual(finland(60.1635, 24.9569), ['FIN'], 'Helsinki South Harbour');
  assert.deepEqual(finland(59.4444, 24.7645), ['EST'], 'Tallinn Old City Harbour');
  assert.deepEqual(namesAt(seas, 56.5, 19.5), [], 'between Gotland and Latvia');
  assert.deepEqual(finland(1.265, 103.82), ['SGP'], 'Singapore, Keppel Harbour approaches');
});

test('territorial seas: the zone index agrees with the plain ray cast over the Baltic', () => {
  const seas = zones('territorial_seas.geojson').filter((z) => z.properties['region'] === 'baltic');
  const index = new ZoneIndex(seas.map((z) => z.area));
  const out: number[] = [];
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let i = 0; i < 20_000; i++) {
    const lat = 53.5 + 12 * random(), lon = 9 + 21 * random();
    const n = index.zonesAt(lat, lon, out);
    const expected = seas.flatMap((z, k) => (areaContains(z.area, lat, lon) ? [k] : []));
    assert.deepEqual(out.slice(0, n), expected, `at ${lat}, ${lon}`);
  }
});

test('DPRK region: off Wonsan is North Korea’s EEZ, off Nakhodka Russia’s territorial sea', () => {
  const region = zones('dprk_eez.geojson');
  assert.deepEqual(namesAt(region, 39.3, 128.0), ['North Korea exclusive economic zone (east coast)']);
  assert.deepEqual(namesAt(region, 42.6, 133.2), ['Russia territorial sea near North Korea (12 nm)']);
  assert.deepEqual(namesAt(region, 41.5, 133.0), ['Russia exclusive economic zone near North Korea (beyond 12 nm)']);
  assert.deepEqual(namesAt(region, 36.0, 131.0), [], 'off South Korea');
});

test('Senkaku: near Uotsuri-shima is territorial sea, further out contiguous zone, then neither', () => {
  const [territorial, contiguous] = zones('senkaku.geojson');
  assert.equal(territorial!.kind, 'territorial_sea');
  assert.equal(contiguous!.kind, 'contiguous_zone');
  assert.match(String(territorial!.properties['approximation']), /APPROXIMATE/);
  // Uotsuri-shima's summit area, 25°44′42″N 123°29′06″E; the zones come from other island points.
  const [lat, lon] = [25 + 44 / 60 + 42 / 3600, 123 + 29 / 60 + 6 / 3600];
  const kinds = (dLat: number, dLon: number) => [territorial!, contiguous!].filter((z) => areaContains(z.area, lat + dLat, lon + dLon)).map((z) => z.kind);
  assert.deepEqual(kinds(0, 0), ['territorial_sea']);
  assert.deepEqual(kinds(-0.1, 0), ['territorial_sea'], 'about 11 km south');
  assert.deepEqual(kinds(-0.3, 0), ['contiguous_zone'], 'about 33 km south');
  assert.deepEqual(kinds(-0.6, 0), [], 'about 67 km south');
  assert.deepEqual(kinds(0.18, 1.08), ['territorial_sea'], 'at Taisho-jima, about 110 km east');
});

test('Gulf of Finland: a point on the Balticconnector route is in its corridor, mid-gulf is in none', () => {
  const list = assets('gulf_of_finland.geojson');
  const byName = new Map(list.map((a, i) => [a.name, i]));
  const pipeline = byName.get('Balticconnector')!, cable = byName.get('Estlink 2')!;
  assert.equal(list[pipeline]!.kind, 'pipeline');
  assert.equal(list[cable]!.kind, 'cable');
  const index = new CorridorIndex(list.map((a) => ({ lines: a.lines, halfWidthMetres: a.corridorMetres })));
  const out: number[] = [];
  // Halfway between the landfalls at Inkoo (60.02 N 24.03 E, approximate) and Pakrineeme (59.3853 N 24.0768 E).
  const n = index.corridorsAt((60.02 + 59.3853) / 2, (24.03 + 24.0768) / 2, out);
  assert.deepEqual(out.slice(0, n), [pipeline]);
  // A vertex of the Estlink 2 route mapped in OpenStreetMap, offshore.
  const m = index.corridorsAt(59.9085275, 26.3441859, out);
  assert.deepEqual(out.slice(0, m), [cable]);
  assert.equal(index.corridorsAt(59.8, 25.2, out), 0, 'mid-gulf, tens of km from both');
  const hit = index.nearest(59.8, 25.2, 100_000);
  assert.ok(hit !== null && hit.metres > 20_000);
});

test('watchlists: imo,mmsi,name,list with 7-digit IMOs and 9-digit MMSIs', () => {
  for (const [file, min] of [['watchlists/ofac_vessels.csv', 800], ['watchlists/ofac_dprk_vessels.csv', 100]] as const) {
    const [header, ...rows] = csv(file);
    assert.deepEqual(header, ['imo', 'mmsi', 'name', 'list']);
    assert.ok(rows.length >= min, `${file}: ${rows.length} rows`);
    for (const [imo, mmsi] of rows) {
      assert.match(imo!, /^(\d{7})?$/);
      assert.match(mmsi!, /^(\d{9})?$/);
    }
  }
  assert.ok(csv('watchlists/ofac_dprk_vessels.csv').some((r) => r[0] === '7937317' && r[2] === 'CHONG CHON GANG'));
});

test('anchorages and ports: positions in range, five decimals at most', () => {
  for (const [file, min] of [['anchorages/anchorages.csv', 50_000], ['ports/wpi_ports.csv', 3000]] as const) {
    const [header, ...rows] = csv(file);
    assert.deepEqual(header!.slice(0, 2), ['lat', 'lon']);
    assert.ok(rows.length >= min);
    for (const [lat, lon] of rows) {
      assert.ok(Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180, `${lat}, ${lon}`);
      assert.match(`${lat},${lon}`, /^-?\d+(\.\d{1,5})?,-?\d+(\.\d{1,5})?$/);
    }
  }
});
