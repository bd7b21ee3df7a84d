import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CORRIDOR_METRES, areaContains, parseAssets, parseZones, type GeoJsonIssue } from '../src/index.js';

const SQUARE = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];

function collection(...features: unknown[]): unknown {
  return { type: 'FeatureCollection', features };
}

function feature(geometry: unknown, properties: unknown = {}): unknown {
  return { type: 'Feature', properties, geometry };
}

/** The errors of a result that must have failed. */
function errorsOf(result: { ok: true } | { ok: false; errors: GeoJsonIssue[] }): GeoJsonIssue[] {
  assert.equal(result.ok, false, 'expected the input to be refused');
  return result.ok ? [] : result.errors;
}

function assertIssue(errors: GeoJsonIssue[], path: string, message: RegExp): void {
  assert.ok(errors.some((e) => e.path === path && message.test(e.message)), `no issue at ${path} matching ${message}: ${JSON.stringify(errors)}`);
}

test('zones: polygons and multipolygons with name, kind and country', () => {
  const result = parseZones(
    collection(
      feature({ type: 'Polygon', coordinates: SQUARE }, { name: 'Box', kind: 'territorial_sea', country: 'FIN', source: 'test' }),
      feature({ type: 'MultiPolygon', coordinates: [SQUARE, [[[5, 5], [6, 5], [6, 6], [5, 5]]]] }, { kind: 'eez', country: 'EST' }),
      feature({ type: 'Polygon', coordinates: SQUARE }, null),
    ),
  );
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  const [box, multi, bare] = result.zones;
  assert.deepEqual([box!.name, box!.kind, box!.country, box!.properties['source']], ['Box', 'territorial_sea', 'FIN', 'test']);
  assert.equal(areaContains(box!.area, 0.5, 0.5), true);
  assert.equal(multi!.name, 'EST eez', 'a missing name is derived from country and kind');
  assert.equal(areaContains(multi!.area, 5.2, 5.8), true);
  assert.deepEqual([bare!.name, bare!.kind, bare!.country], ['user 3', 'user', null]);
});

test('zones: each malformed input is refused with its path and the offending value', () => {
  const cases: [unknown, string, RegExp][] = [
    [42, '$', /FeatureCollection object, got 42/],
    [{ type: 'Feature' }, '$.type', /"FeatureCollection", got "Feature"/],
    [{ type: 'FeatureCollection', features: {} }, '$.features', /array of features, got an object/],
    [collection('x'), '$.features[0]', /Feature object, got "x"/],
    [collection({ type: 'Point' }), '$.features[0].type', /"Feature", got "Point"/],
    [collection(feature(null)), '$.features[0].geometry', /Polygon or MultiPolygon geometry, got null/],
    [collection(feature({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })), '$.features[0].geometry.type', /got "LineString"/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })), '$.features[0].geometry.coordinates[0]', /not closed: it starts at \[0, 0\] and ends at \[0, 1\]/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })), '$.features[0].geometry.coordinates[0]', /at least 4 positions, got 3/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 95], [0, 0]]] })), '$.features[0].geometry.coordinates[0][2]', /latitude 95 is outside \[-90, 90\]/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], [181, 0], [1, 1], [0, 0]]] })), '$.features[0].geometry.coordinates[0][1]', /longitude 181 is outside/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], [Number.NaN, 0], [1, 1], [0, 0]]] })), '$.features[0].geometry.coordinates[0][1]', /two finite numbers, got \[0, NaN\]|\[NaN, 0\]/],
    [collection(feature({ type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] })), '$.features[0].geometry.coordinates[0][1]', /two finite numbers/],
    [collection(feature({ type: 'Polygon', coordinates: [] })), '$.features[0].geometry.coordinates', /non-empty array of linear rings, got \[\]/],
    [collection(feature({ type: 'Polygon', coordinates: SQUARE }, { name: 7 })), '$.features[0].properties.name', /non-empty string, got 7/],
    [collection(feature({ type: 'Polygon', coordinates: SQUARE }, { kind: 'harbour' })), '$.features[0].properties.kind', /one of "territorial_sea", .*got "harbour"/],
    [collection(feature({ type: 'Polygon', coordinates: SQUARE }, { country: 'fi' })), '$.features[0].properties.country', /alpha-3 .* got "fi"/],
    [collection({ type: 'Feature', properties: 'x', geometry: null }), '$.features[0].properties', /object or null, got "x"/],
  ];
  for (const [input, path, message] of cases) assertIssue(errorsOf(parseZones(input)), path, message);
});

test('zones: too many vertices, and errors capped', () => {
  const ring = Array.from({ length: 101 }, (_, i) => [Math.cos(i / 16), Math.sin(i / 16)]);
  ring.push(ring[0]!);
  const big = collection(feature({ type: 'Polygon', coordinates: [ring] }), feature({ type: 'Polygon', coordinates: [ring] }));
  assert.equal(parseZones(big, { maxVertices: 300 }).ok, true);
  assertIssue(errorsOf(parseZones(big, { maxVertices: 150 })), '$.features[1].geometry.coordinates[0]', /too many vertices: the collection holds more than 150/);
  const bad = collection(...Array.from({ length: 30 }, () => feature(null)));
  const errors = errorsOf(parseZones(bad, { maxErrors: 5 }));
  assert.equal(errors.length, 6);
  assert.match(errors[5]!.message, /more than 5 problems/);
});

test('assets: lines with name, kind and corridor width', () => {
  const result = parseAssets(
    collection(
      feature({ type: 'LineString', coordinates: [[24, 59.4], [24, 60]] }, { name: 'Pipe', kind: 'pipeline', corridor_m: 5000 }),
      feature({ type: 'MultiLineString', coordinates: [[[25, 60], [26, 59.5]], [[26, 59.5], [27, 59.4, 0]]] }, { name: 'Cable' }),
    ),
  );
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  const [pipe, cable] = result.assets;
  assert.deepEqual([pipe!.name, pipe!.kind, pipe!.corridorMetres, [...pipe!.lines[0]!]], ['Pipe', 'pipeline', 5000, [24, 59.4, 24, 60]]);
  assert.deepEqual([cable!.kind, cable!.corridorMetres, cable!.lines.length], ['other', DEFAULT_CORRIDOR_METRES, 2]);
  assert.deepEqual([...cable!.lines[1]!], [26, 59.5, 27, 59.4], 'altitude dropped');
});

test('assets: malformed input is refused with its path', () => {
  const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
  const cases: [unknown, string, RegExp][] = [
    [collection(feature(line, {})), '$.features[0].properties.name', /needs a name/],
    [collection(feature(line, { name: 'x', corridor_m: -5 })), '$.features[0].properties.corridor_m', /in \(0, 100000\], got -5/],
    [collection(feature(line, { name: 'x', corridor_m: '1 km' })), '$.features[0].properties.corridor_m', /got "1 km"/],
    [collection(feature(line, { name: 'x', kind: 'road' })), '$.features[0].properties.kind', /"cable", "pipeline", "other", got "road"/],
    [collection(feature({ type: 'LineString', coordinates: [[0, 0]] }, { name: 'x' })), '$.features[0].geometry.coordinates', /at least 2 positions, got 1/],
    [collection(feature({ type: 'Polygon', coordinates: SQUARE }, { name: 'x' })), '$.features[0].geometry.type', /LineString or MultiLineString geometry, got "Polygon"/],
    [collection(feature({ type: 'MultiLineString', coordinates: [[[0, 0], [0, -91]]] }, { name: 'x' })), '$.features[0].geometry.coordinates[0][1]', /latitude -91/],
  ];
  for (const [input, path, message] of cases) assertIssue(errorsOf(parseAssets(input)), path, message);
});

test('any JSON value, or any value at all, gives a result and never throws', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.equal(typeof parseZones(value).ok, 'boolean');
      assert.equal(typeof parseAssets(value).ok, 'boolean');
    }),
    { numRuns: 500 },
  );
  // Values shaped like GeoJSON, with anything in the places that matter.
  const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true });
  const shaped = fc.record({
    type: fc.constantFrom('FeatureCollection', 'Feature', 7),
    features: fc.array(
      fc.record({
        type: fc.constantFrom('Feature', 'X'),
        properties: fc.oneof(anything, fc.record({ name: anything, kind: anything, country: anything, corridor_m: anything })),
        geometry: fc.oneof(anything, fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'), coordinates: anything })),
      }),
    ),
  });
  fc.assert(
    fc.property(fc.oneof(anything, shaped), (value) => {
      assert.equal(typeof parseZones(value).ok, 'boolean');
      assert.equal(typeof parseAssets(value).ok, 'boolean');
    }),
    { numRuns: 500 },
  );
});
