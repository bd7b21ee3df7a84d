#!/usr/bin/env node
/**
 * Seeded benchmark of the spatial indexes on the shipped layers, against the
 * plain scans they replace. Run after `npx tsc -b`:
 *
 *   node packages/geo/bench/bench.mjs > packages/geo/bench/result.txt
 *
 * Numbers depend on the machine; the ratios are what to watch.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { CellGrid, CorridorIndex, ZoneIndex, areaContains, haversineMetres, parseAssets, parseZones } from '../dist/src/index.js';

const DATA = new URL('../../../data/', import.meta.url);
let seed = 20231008;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);

function rate(label, count, run) {
  run(Math.min(count, 1000)); // warm up
  const start = performance.now();
  const result = run(count);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(58)} ${Math.round(count / seconds).toLocaleString('en').padStart(12)} /s   (${result})`);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}`);

// Zones: the Baltic territorial seas, random points over the Baltic.
const zones = parseZones(JSON.parse(readFileSync(new URL('zones/territorial_seas.geojson', DATA), 'utf8'))).zones.filter((z) => z.properties.region === 'baltic');
const areas = zones.map((z) => z.area);
const vertices = areas.reduce((n, a) => n + a.rings.reduce((m, r) => m + r.length / 2, 0), 0);
let start = performance.now();
const zoneIndex = new ZoneIndex(areas);
console.log(`ZoneIndex over ${areas.length} Baltic zones, ${vertices} vertices: built in ${Math.round(performance.now() - start)} ms`);
const points = Float64Array.from({ length: 2_000_000 }, (_, i) => (i % 2 === 0 ? 53.5 + 12 * random() : 9 + 21 * random()));
const out = [];
rate('ZoneIndex.zonesAt', 1_000_000, (n) => {
  let hits = 0;
  for (let i = 0; i < n; i++) hits += zoneIndex.zonesAt(points[2 * i], points[2 * i + 1], out);
  return `${hits} hits`;
});
rate('areaContains over every zone (the plain ray cast)', 20_000, (n) => {
  let hits = 0;
  for (let i = 0; i < n; i++) for (const a of areas) hits += areaContains(a, points[2 * i], points[2 * i + 1]) ? 1 : 0;
  return `${hits} hits`;
});

// Corridors: the Gulf of Finland assets, random points over the gulf.
const assets = parseAssets(JSON.parse(readFileSync(new URL('infrastructure/gulf_of_finland.geojson', DATA), 'utf8'))).assets;
const corridors = new CorridorIndex(assets.map((a) => ({ lines: a.lines, halfWidthMetres: a.corridorMetres })));
const hit = { asset: -1, line: -1, segment: -1, metres: 0 };
const gulf = Float64Array.from({ length: 2_000_000 }, (_, i) => (i % 2 === 0 ? 59.3 + random() : 22 + 6 * random()));
rate('CorridorIndex.nearestInto, 10 km', 1_000_000, (n) => {
  let found = 0;
  for (let i = 0; i < n; i++) found += corridors.nearestInto(gulf[2 * i], gulf[2 * i + 1], 10_000, hit) ? 1 : 0;
  return `${found} found`;
});

// Moving vessels: 20 000 over the Baltic, moved at random, asked who is within 5 km.
const grid = new CellGrid();
const lat = new Float64Array(20_000), lon = new Float64Array(20_000);
for (let i = 0; i < 20_000; i++) grid.update(i, (lat[i] = 54 + 10 * random()), (lon[i] = 10 + 20 * random()));
rate('CellGrid.update, 20 000 vessels', 2_000_000, (n) => {
  for (let k = 0; k < n; k++) {
    const i = k % 20_000;
    grid.update(i, (lat[i] += (random() - 0.5) * 0.01), (lon[i] += (random() - 0.5) * 0.02));
  }
  return `${grid.size} vessels`;
});
rate('CellGrid.near, 5 km', 200_000, (n) => {
  let found = 0;
  for (let k = 0; k < n; k++) found += grid.near(lat[k % 20_000], lon[k % 20_000], 5000, out);
  return `${found} found`;
});
rate('linear scan with haversine, 5 km', 2_000, (n) => {
  let found = 0;
  for (let k = 0; k < n; k++) for (let i = 0; i < 20_000; i++) found += haversineMetres(lat[k], lon[k], lat[i], lon[i]) <= 5000 ? 1 : 0;
  return `${found} found`;
});
