/**
 * Hostile and careless input: oversized bodies, malformed GeoJSON and CSV,
 * bad boxes, times and cursors, wrong media types. Each is refused with a
 * 4xx `ApiError` whose stable code says what kind of mistake it is and whose
 * message shows the offending value; nothing is stored.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ApiError, LayerInfo } from '@tidewatch/protocol';
import { startServer, tempDir, type TestServer } from './support/server.js';

type Issue = { path: string; message: string };

describe('hostile input', () => {
  let s: TestServer;
  const dataDir = tempDir();

  before(async () => {
    mkdirSync(join(dataDir, 'zones'));
    writeFileSync(
      join(dataDir, 'zones', 'harbour.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Harbour' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] }),
    );
    s = await startServer({ dataDir, limits: { ingestBodyBytes: 4096, layerBodyBytes: 8192 } });
  });
  after(async () => {
    await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (url: string): Promise<{ status: number; body: ApiError }> => {
    const r = await s.server.app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() as ApiError };
  };
  const post = async (url: string, type: string, payload: string): Promise<{ status: number; body: ApiError & { issues?: Issue[] } }> => {
    const r = await s.server.app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
    return { status: r.statusCode, body: r.json() as ApiError & { issues?: Issue[] } };
  };
  const assertError = (r: { status: number; body: ApiError }, status: number, code: string, message?: RegExp): void => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.statusCode, status);
    assert.equal(r.body.code, code);
    if (message) assert.match(r.body.message, message);
  };

  test('an NMEA body over the limit is refused with 413 and nothing is ingested', async () => {
    const line = '!AIVDM,1,1,,A,15C;a40P2lowb7p<T9ScaIH00000,0*3D\n';
    assertError(await post('/api/v1/ingest', 'text/plain', line.repeat(200)), 413, 'TW_BODY_TOO_LARGE', /4096 bytes/);
    const sources = (await s.server.app.inject({ url: '/api/v1/sources' })).json() as Array<{ kind: string; lines: number }>;
    assert.equal(sources.find((h) => h.kind === 'http-post')!.lines, 0);
  });

  test('a layer over the limit is refused with 413', async () => {
    const big = JSON.stringify({ type: 'FeatureCollection', features: [], padding: 'x'.repeat(10_000) });
    assertError(await post('/api/v1/layers?kind=zones', 'application/geo+json', big), 413, 'TW_BODY_TOO_LARGE');
  });

  test('a body in a media type a route does not take is refused with 415', async () => {
    assertError(await post('/api/v1/ingest', 'image/png', 'x'), 415, 'TW_UNSUPPORTED_MEDIA_TYPE', /image\/png/);
    assertError(await post('/api/v1/layers?kind=zones', 'text/csv', 'a,b\n1,2\n'), 415, 'TW_UNSUPPORTED_MEDIA_TYPE', /application\/geo\+json/);
    assertError(await post('/api/v1/layers?kind=watchlist', 'application/geo+json', '{}'), 415, 'TW_UNSUPPORTED_MEDIA_TYPE', /text\/csv/);
  });

  describe('malformed GeoJSON is refused with every problem located', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['not JSON', '{"type": "FeatureCollection", "features": [', /not JSON/],
      ['not a FeatureCollection', { type: 'Feature', geometry: null, properties: {} }, /FeatureCollection/],
      ['a ring of two points', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } }] }, /features\[0\]/],
      ['a longitude out of range', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [500, 0], [1, 1], [0, 0]]] } }] }, /500/],
      ['a zone that is a line', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] }, /LineString/],
      ['coordinates that are strings', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[['0', '0'], [1, 0], [1, 1], [0, 0]]] } }] }, /features\[0\]/],
    ];
    for (const [what, body, where] of cases) {
      test(what, async () => {
        const before = ((await s.server.app.inject({ url: '/api/v1/layers' })).json() as LayerInfo[]).length;
        const r = await post('/api/v1/layers?kind=zones&name=bad', 'application/geo+json', typeof body === 'string' ? body : JSON.stringify(body));
        assertError(r, 400, 'TW_BAD_GEOJSON');
        assert.ok(r.body.issues && r.body.issues.length >= 1);
        assert.match(`${r.body.issues[0]!.path} ${r.body.issues[0]!.message}`, where);
        assert.equal(((await s.server.app.inject({ url: '/api/v1/layers' })).json() as LayerInfo[]).length, before, 'nothing stored');
      });
    }
    test('infrastructure that is a polygon', async () => {
      const r = await post('/api/v1/layers?kind=infrastructure', 'application/json', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] }));
      assertError(r, 400, 'TW_BAD_GEOJSON');
    });
  });

  test('a malformed watchlist is refused with its line numbers', async () => {
    const r = await post('/api/v1/layers?kind=watchlist', 'text/csv', 'name,mmsi,imo\nGOOD,123456789,\nBAD,12345,\nWORSE,,1234568\n');
    assertError(r, 400, 'TW_BAD_CSV', /line 3 mmsi: "12345" is not a 9-digit MMSI \(and 1 more/);
    assert.deepEqual(r.body.issues!.map((i) => i.path), ['line 3 mmsi', 'line 4 imo']);
    assertError(await post('/api/v1/layers?kind=watchlist', 'text/csv', 'name,mmsi\n"OPEN,123456789\n'), 400, 'TW_BAD_CSV', /line 2: a quoted field is not closed/);
    assertError(await post('/api/v1/layers?kind=watchlist', 'text/csv', 'colour,size\nred,1\n'), 400, 'TW_BAD_CSV', /imo, mmsi or name/);
    assertError(await post('/api/v1/layers?kind=watchlist', 'text/csv', '   '), 400, 'TW_BAD_BODY');
  });

  test('a layer kind that does not exist is a schema error naming the allowed values', async () => {
    assertError(await post('/api/v1/layers?kind=ports', 'application/geo+json', '{}'), 400, 'TW_BAD_REQUEST', /zones, infrastructure, watchlist/);
    assertError(await post('/api/v1/layers', 'application/geo+json', '{}'), 400, 'TW_BAD_REQUEST', /kind/);
  });

  test('a builtin layer cannot be deleted through the API', async () => {
    const layers = (await s.server.app.inject({ url: '/api/v1/layers' })).json() as LayerInfo[];
    const builtin = layers.find((l) => l.origin === 'builtin')!;
    assert.equal(builtin.name, 'harbour.geojson');
    const r = await s.server.app.inject({ method: 'DELETE', url: `/api/v1/layers/${builtin.id}` });
    assert.equal(r.statusCode, 409);
    assert.equal((r.json() as ApiError).code, 'TW_LAYER_BUILTIN');
  });

  describe('bad bounding boxes', () => {
    const cases: Array<[string, RegExp]> = [
      ['1,2,3', /4 comma-separated numbers/],
      ['1,2,3,4,5', /it has 5/],
      ['a,0,1,1', /west "a" is not a number/],
      [',0,1,1', /west/],
      ['0,0,1,NaN', /north/],
      ['0,0,1,Infinity', /north/],
      ['-181,0,1,1', /west -181 is outside -180..180/],
      ['0,0,200,1', /east 200/],
      ['0,-91,1,1', /south -91 is outside -90..90/],
      ['0,10,1,5', /south 10 is north of north 5/],
      ['1e999,0,1,1', /west/],
    ];
    for (const [bbox, message] of cases) {
      test(bbox, async () => {
        assertError(await get(`/api/v1/vessels?bbox=${encodeURIComponent(bbox)}`), 400, 'TW_BAD_BBOX', message);
        assertError(await get(`/api/v1/events?bbox=${encodeURIComponent(bbox)}`), 400, 'TW_BAD_BBOX', message);
      });
    }
    test('west greater than east is a box across the antimeridian, not an error', async () => {
      assert.equal((await get('/api/v1/vessels?bbox=170,-10,-170,10')).status, 200);
    });
  });

  test('bad times and ranges', async () => {
    assertError(await get('/api/v1/events?from=yesterday'), 400, 'TW_BAD_TIME', /from "yesterday"/);
    assertError(await get('/api/v1/events?to=2024-13-45T99:00:00Z'), 400, 'TW_BAD_TIME', /to/);
    assertError(await get('/api/v1/events?from=1714521600'), 400, 'TW_BAD_TIME');
    assertError(await get('/api/v1/events?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z'), 400, 'TW_BAD_TIME_RANGE', /after/);
    assert.equal((await get('/api/v1/events?from=2024-05-01&to=2024-05-01T12:00:00.123%2B02:00')).status, 200);
  });

  test('bad cursors, limits, types and unknown parameters', async () => {
    assertError(await get('/api/v1/events?cursor=garbage'), 400, 'TW_BAD_CURSOR');
    assertError(await get(`/api/v1/events?cursor=${Buffer.from('[1,"x","asc"]').toString('base64url')}`), 400, 'TW_BAD_CURSOR', /order=asc/);
    assertError(await get('/api/v1/events?limit=0'), 400, 'TW_BAD_REQUEST', /limit/);
    assertError(await get('/api/v1/events?limit=100000'), 400, 'TW_BAD_REQUEST', /limit/);
    assertError(await get('/api/v1/events?type=encounter,teleport'), 400, 'TW_BAD_REQUEST', /"teleport" is not an event type/);
    assertError(await get('/api/v1/events?bbbox=0,0,1,1'), 400, 'TW_BAD_REQUEST', /unknown querystring parameter "bbbox"/);
    assertError(await get('/api/v1/vessels/abc'), 400, 'TW_BAD_REQUEST', /mmsi/);
    assertError(await get('/api/v1/vessels/1234567890'), 400, 'TW_BAD_REQUEST', /mmsi/);
    assertError(await get('/api/v1/export/events?format=shapefile'), 400, 'TW_BAD_REQUEST', /geojson, kml, csv/);
  });

  test('unknown routes and bad paths are 404/400 ApiErrors, never a stack trace', async () => {
    assertError(await get('/api/v1/ships'), 404, 'TW_NOT_FOUND', /\/api\/v1\/ships/);
    assertError(await get('/%E0%A4%A'), 400, 'TW_BAD_REQUEST');
    const r = await s.server.app.inject({ method: 'PUT', url: '/api/v1/events' });
    assert.equal(r.statusCode, 404);
    assert.equal((r.json() as ApiError).code, 'TW_NOT_FOUND');
  });
});
