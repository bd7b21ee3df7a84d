/**
 * Exports read back by GDAL (Debian's gdal-bin: `ogrinfo`, `ogr2ogr`): each
 * GeoJSON, KML and CSV export opens as a layer with one feature per track
 * position or event, at the positions and with the attributes the API gives.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EventRecord, Page, VesselDetail } from '@tidewatch/protocol';
import { rendezvous, T0 } from './support/scenario.js';
import { getJson, postLines, startServer, tempDir, type TestServer } from './support/server.js';

const gdalAbsent: false | string = spawnSync('ogrinfo', ['--version']).status === 0 ? false : 'skipped: ogrinfo (gdal-bin) not installed; run scripts/setup-test-deps.sh';

interface OgrFeature {
  geometry: { type: string; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** The file as GDAL reads it, converted to GeoJSON features. */
function readBack(path: string, options: string[] = []): OgrFeature[] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, ...options], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { features: OgrFeature[] }).features;
}

const CSV_POINTS = ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat', '-oo', 'KEEP_GEOM_COLUMNS=NO'];

describe('exports read back by GDAL', { skip: gdalAbsent }, () => {
  let s: TestServer;
  const dir = tempDir();
  const MMSI = 636012345;
  let track: VesselDetail['track'];
  let events: EventRecord[];

  before(async () => {
    s = await startServer();
    await postLines(s.server, rendezvous({ hours: 3, everyS: 60 }).lines);
    s.server.pipeline.flush();
    track = (await getJson<VesselDetail>(s.server, `/api/v1/vessels/${MMSI}?from=${new Date(T0).toISOString()}&limit=50000`)).body.track;
    events = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?order=asc&limit=1000')).body.items;
    assert.ok(track.length === 180 && events.length >= 1);
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (url: string, file: string): Promise<string> => {
    const r = await s.server.app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="tidewatch-/);
    const path = join(dir, file);
    writeFileSync(path, r.rawPayload);
    return path;
  };

  for (const [format, extension, options] of [['geojson', 'geojson', []], ['kml', 'kml', []], ['csv', 'csv', CSV_POINTS]] as const) {
    test(`a track as ${format}`, async () => {
      const path = await download(`/api/v1/export/vessels/${MMSI}/track?format=${format}`, `track.${extension}`);
      const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', path, ...options], { encoding: 'utf8' });
      assert.match(info, new RegExp(`Feature Count: ${track.length}\\b`));
      const features = readBack(path, [...options]);
      assert.equal(features.length, track.length);
      features.forEach((f, i) => {
        assert.equal(f.geometry.type, 'Point');
        assert.ok(Math.abs(f.geometry.coordinates[0] - track[i]!.lon) < 1e-9 && Math.abs(f.geometry.coordinates[1] - track[i]!.lat) < 1e-9, `point ${i}`);
        assert.equal(Date.parse(String(f.properties.time)), Date.parse(track[i]!.time));
        assert.equal(Number(f.properties.mmsi), MMSI);
        assert.equal(Number(f.properties.sog), track[i]!.sog);
      });
    });

    test(`events as ${format}`, async () => {
      const path = await download(`/api/v1/export/events?format=${format}`, `events.${extension}`);
      const features = readBack(path, [...options]);
      assert.equal(features.length, events.length);
      features.forEach((f, i) => {
        const e = events[i]!;
        assert.equal(f.properties.id, e.id);
        assert.equal(f.properties.type, e.type);
        assert.equal(Date.parse(String(f.properties.start)), Date.parse(e.start));
        assert.equal(String(f.properties.mmsi), e.mmsi.join(' '));
        assert.ok(Math.abs(f.geometry.coordinates[0] - e.lon) < 1e-9 && Math.abs(f.geometry.coordinates[1] - e.lat) < 1e-9);
        const details = typeof f.properties.details === 'string' ? JSON.parse(f.properties.details) : f.properties.details;
        assert.deepEqual(details, e.details);
      });
    });
  }

  test('an export takes the same filters as the events list', async () => {
    const r = await s.server.app.inject({ method: 'GET', url: '/api/v1/export/events?format=csv&type=ais_gap' });
    assert.equal(r.body.trim().split('\r\n').length, 1 + events.filter((e) => e.type === 'ais_gap').length);
    assert.equal((await s.server.app.inject({ method: 'GET', url: '/api/v1/export/vessels/999999999/track' })).statusCode, 404);
  });
});
