import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { readAnchorages } from '../src/layers/anchorages.js';

/** The points a plain reading finds: split into lines and fields, the lat and lon columns as Number reads them. */
function plainReading(text: string): Array<[number, number]> {
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const [latAt, lonAt] = [header.indexOf('lat'), header.indexOf('lon')];
  const points: Array<[number, number]> = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const fields = line.split(',');
    const [lat, lon] = [Number(fields[latAt]), Number(fields[lonAt])];
    if (Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) points.push([lat, lon]);
  }
  return points;
}

test('anchorages: rows read as a plain split reads them, whatever the line ends, gaps and extra columns (property)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-anchorages-'));
  try {
    const file = join(dir, 'anchorages.csv');
    const value = fc.oneof(
      fc.double({ min: -95, max: 185, noNaN: true }).map((x) => String(Math.round(x * 1e5) / 1e5)),
      fc.constantFrom('', ' 12.5 ', 'x', '"A, B"', '-0', '1e1', '.5'),
    );
    const row = fc.array(value, { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom(['lat', 'lon', 'name'], ['name', 'LON', ' Lat '], ['lon', 'lat']),
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (header, rows, newline, trailing) => {
          const text = [header.join(','), ...rows.map((r) => r.join(','))].join(newline) + (trailing ? newline : '');
          writeFileSync(file, text);
          const read = readAnchorages(file);
          assert.ok(read.ok);
          const want = plainReading(text);
          assert.equal(read.count, want.length, JSON.stringify(text));
          // Every point found is an anchorage at distance 0 from itself.
          for (const [lat, lon] of want) assert.equal(read.index.nearestMetres(lat, lon, 10), 0, `${lat}, ${lon} in ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: 300 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('anchorages: a header without lat and lon is an error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-anchorages-'));
  try {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'latitude,longitude\n1,2\n');
    const read = readAnchorages(file);
    assert.ok(!read.ok);
    assert.match(read.error, /bad\.csv: the header needs lat and lon columns/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
