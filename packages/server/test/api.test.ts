/**
 * The HTTP API against a real server on a real SQLite file: vessels in a box,
 * one vessel's identity history and track, events with filters and paging,
 * layers, sources, the OpenAPI document. Expected values come from the
 * scenario that was sent (brute force over its positions), never from the
 * code under test.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EVENT_TYPES, type EventRecord, type LayerInfo, type Page, type SourceHealth, type VesselDetail, type VesselSummary } from '@tidewatch/protocol';
import { RECORD_SCHEMAS } from '../src/api/schemas.js';
import { renaming, rendezvous, T0, type ScenarioPosition } from './support/scenario.js';
import { getJson, postLines, startServer, tempDir, type TestServer } from './support/server.js';

const scenario = rendezvous({ hours: 3, everyS: 10, meetMinutes: 60 });
/** The steamer crosses 20.3°E at about 01:30; the zone is the sea east of it. */
const EAST_BOX = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'East Box', kind: 'user' }, geometry: { type: 'Polygon', coordinates: [[[20.3, 35], [20.9, 35], [20.9, 35.4], [20.3, 35.4], [20.3, 35]]] } }],
};
const RENAMED = 538009999;

/** Keys a record must have per its schema, and no others. */
function assertShape(name: keyof typeof RECORD_SCHEMAS, value: object): void {
  const schema = RECORD_SCHEMAS[name] as { required: readonly string[]; properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(value).sort(), [...schema.required].sort(), `${name} has exactly its schema's fields`);
}

function latestPositions(positions: readonly ScenarioPosition[]): Map<number, ScenarioPosition> {
  const latest = new Map<number, ScenarioPosition>();
  for (const p of positions) if ((latest.get(p.mmsi)?.t ?? -Infinity) <= p.t) latest.set(p.mmsi, p);
  return latest;
}

describe('HTTP API', () => {
  let s: TestServer;

  before(async () => {
    s = await startServer();
    await postLines(s.server, scenario.lines);
    await postLines(s.server, renaming(RENAMED));
    s.server.pipeline.flush();
  });
  after(() => s.close());

  test('GET /healthz says ok', async () => {
    const r = await getJson<{ status: string; vessels: number }>(s.server, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.vessels, 4);
  });

  test('live vessels in a box are exactly those whose last position lies in it', async () => {
    const latest = latestPositions(scenario.positions);
    for (const bbox of [[20.5, 34.5, 21.5, 35.5], [19, 34, 23, 36], [99, 9, 101, 11], [-10, -10, 10, 10]]) {
      const r = await getJson<Page<VesselSummary>>(s.server, `/api/v1/vessels?bbox=${bbox.join(',')}`);
      assert.equal(r.status, 200);
      const expected = [...latest.values()].filter((p) => p.lon >= bbox[0]! && p.lon <= bbox[2]! && p.lat >= bbox[1]! && p.lat <= bbox[3]!).map((p) => p.mmsi);
      if (bbox[0] === 99) expected.push(RENAMED);
      assert.deepEqual(r.body.items.map((v) => v.mmsi), expected.sort((a, b) => a - b), `box ${bbox}`);
      for (const v of r.body.items) assertShape('VesselSummary', v);
    }
  });

  test('a vessel summary carries its last position and identity', async () => {
    const r = await getJson<Page<VesselSummary>>(s.server, '/api/v1/vessels?bbox=19,34,23,36');
    const v = r.body.items.find((x) => x.mmsi === 244670000)!;
    const last = latestPositions(scenario.positions).get(244670000)!;
    assert.equal(v.name, 'NOORDERLICHT');
    assert.equal(v.callsign, 'PBAB3');
    assert.equal(v.imo, 9345678);
    assert.equal(v.shipType, 70);
    assert.equal(v.time, new Date(last.t).toISOString());
    assert.ok(Math.abs(v.lon - last.lon) < 1e-5 && Math.abs(v.lat - last.lat) < 1e-5);
    assert.equal(v.sog, 12);
    assert.equal(v.navStatus, 0);
  });

  test('vessels page by MMSI with `after`, without gaps or repeats', async () => {
    const all = await getJson<Page<VesselSummary>>(s.server, '/api/v1/vessels');
    const seen: number[] = [];
    let next: string | null = null;
    do {
      const r: { body: Page<VesselSummary> } = await getJson<Page<VesselSummary>>(s.server, `/api/v1/vessels?limit=1${next === null ? '' : `&after=${next}`}`);
      seen.push(...r.body.items.map((v) => v.mmsi));
      next = r.body.next;
    } while (next !== null);
    assert.deepEqual(seen, all.body.items.map((v) => v.mmsi));
    assert.equal(seen.length, 4);
  });

  test('one vessel: its track over the range asked, oldest first', async () => {
    const mmsi = 636012345;
    const from = T0 + 3_600_000;
    const to = T0 + 2 * 3_600_000;
    const r = await getJson<VesselDetail>(s.server, `/api/v1/vessels/${mmsi}?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`);
    assert.equal(r.status, 200);
    assertShape('VesselDetail', r.body);
    const expected = scenario.positions.filter((p) => p.mmsi === mmsi && p.t >= from && p.t <= to);
    assert.deepEqual(r.body.track.map((p) => p.time), expected.map((p) => new Date(p.t).toISOString()));
    for (const p of r.body.track) assertShape('TrackPoint', p);
  });

  test('one vessel: a long track is thinned evenly to `limit`', async () => {
    const r = await getJson<VesselDetail>(s.server, `/api/v1/vessels/636012345?from=${new Date(T0).toISOString()}&to=${new Date(T0 + 3 * 3_600_000).toISOString()}&limit=100`);
    const all = scenario.positions.filter((p) => p.mmsi === 636012345);
    const stride = Math.ceil(all.length / 100);
    assert.deepEqual(r.body.track.map((p) => p.time), all.filter((_, i) => i % stride === 0).map((p) => new Date(p.t).toISOString()));
  });

  test('one vessel: identity history records each change with its time', async () => {
    const r = await getJson<VesselDetail>(s.server, `/api/v1/vessels/${RENAMED}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.identityHistory, [
      { time: new Date(T0).toISOString(), name: 'OLD NAME', callsign: 'OLD1', imo: 9000001, shipType: 70 },
      { time: new Date(T0 + 10 * 60_000).toISOString(), name: 'NEW NAME', callsign: 'NEW1', imo: 9000001, shipType: 70 },
    ]);
    assert.equal(r.body.name, 'NEW NAME');
  });

  test('an unknown vessel is a 404 with a stable code', async () => {
    const r = await getJson<{ code: string }>(s.server, '/api/v1/vessels/123456789');
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'TW_VESSEL_NOT_FOUND');
  });

  test('the rendezvous is an encounter event between the two vessels', async () => {
    const r = await getJson<Page<EventRecord>>(s.server, '/api/v1/events?type=encounter');
    assert.equal(r.status, 200);
    const e = r.body.items.find((x) => x.mmsi.join() === '352001234,636012345');
    assert.ok(e, `an encounter of the pair among ${JSON.stringify(r.body.items.map((x) => x.mmsi))}`);
    assertShape('EventRecord', e);
    // They come within 250 m about a minute before the hour together begins and part as long after it ends.
    const meetStart = T0 + 30 * 60_000;
    const meetEnd = meetStart + 60 * 60_000;
    assert.ok(Math.abs(Date.parse(e.start) - meetStart) <= 5 * 60_000, `starts ${e.start}`);
    assert.ok(Math.abs(Date.parse(e.end) - meetEnd) <= 5 * 60_000, `ends ${e.end}`);
    assert.ok(!r.body.items.some((x) => x.mmsi.includes(244670000)), 'the passing vessel met nobody');
  });

  describe('event filters agree with filtering the full list', () => {
    let all: EventRecord[];
    before(async () => {
      all = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
      assert.ok(all.length >= 1);
    });

    const check = async (query: string, keep: (e: EventRecord) => boolean): Promise<void> => {
      const r = await getJson<Page<EventRecord>>(s.server, `/api/v1/events?limit=1000&${query}`);
      assert.equal(r.status, 200, query);
      assert.deepEqual(r.body.items.map((e) => e.id), all.filter(keep).map((e) => e.id), query);
    };

    test('by type', async () => {
      for (const type of EVENT_TYPES) await check(`type=${type}`, (e) => e.type === type);
      await check('type=encounter,ais_gap', (e) => e.type === 'encounter' || e.type === 'ais_gap');
    });
    test('by vessel', async () => {
      for (const mmsi of [636012345, 352001234, 244670000, RENAMED]) await check(`mmsi=${mmsi}`, (e) => e.mmsi.includes(mmsi));
    });
    test('by box', async () => {
      await check('bbox=20.9,34.9,21.1,35.1', (e) => e.lon >= 20.9 && e.lon <= 21.1 && e.lat >= 34.9 && e.lat <= 35.1);
      await check('bbox=0,0,1,1', () => false);
    });
    test('by time: events overlapping the range', async () => {
      const from = T0 + 45 * 60_000;
      const to = T0 + 50 * 60_000;
      await check(`from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`, (e) => Date.parse(e.end) >= from && Date.parse(e.start) <= to);
      await check(`from=${new Date(T0 + 10 * 3_600_000).toISOString()}`, (e) => Date.parse(e.end) >= T0 + 10 * 3_600_000);
    });
    test('newest first by default, oldest first with order=asc', async () => {
      const asc = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000&order=asc')).body.items;
      assert.deepEqual(asc.map((e) => e.id), [...all].reverse().map((e) => e.id));
      for (let i = 1; i < asc.length; i++) assert.ok(asc[i - 1]!.start <= asc[i]!.start);
    });
  });

  test('paging events one at a time visits every event once, in order', async () => {
    const all = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: Page<EventRecord> } = await getJson<Page<EventRecord>>(s.server, `/api/v1/events?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...r.body.items.map((e) => e.id));
      cursor = r.body.next;
    } while (cursor !== null);
    assert.deepEqual(seen, all.map((e) => e.id));
  });

  test('one event by id', async () => {
    const all = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1')).body.items;
    const r = await getJson<EventRecord>(s.server, `/api/v1/events/${encodeURIComponent(all[0]!.id)}`);
    assert.deepEqual(r.body, all[0]);
    assert.equal((await getJson<{ code: string }>(s.server, '/api/v1/events/nothing')).body.code, 'TW_EVENT_NOT_FOUND');
  });

  test('sources: the HTTP POST source counts what was posted', async () => {
    const r = await getJson<SourceHealth[]>(s.server, '/api/v1/sources');
    const http = r.body.find((x) => x.kind === 'http-post')!;
    assertShape('SourceHealth', http);
    assert.equal(http.lines, scenario.lines.length + renaming(RENAMED).length);
    assert.ok(http.messages > 0 && http.messages < http.lines, 'type 5 takes two lines');
    assert.deepEqual(http.rejected, {});
  });

  test('a POST counts its lines, messages and rejects by reason', async () => {
    const r = await s.server.app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { 'content-type': 'text/plain' },
      payload: ['!AIVDM,1,1,,A,15C;a40P2lowb7p<T9ScaIH00000,0*3D', '!AIVDM,1,1,,A,15C;a40P2lowb7p<T9ScaIH00000,0*00', 'hello', '$BSALR,,006,V,V,general failure*62'].join('\r\n'),
    });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { lines: 4, messages: 1, rejected: { bad_checksum: 1, not_ais: 1, other_sentence: 1 } });
  });

  describe('layers', () => {
    const zones = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Box A', kind: 'user' }, geometry: { type: 'Polygon', coordinates: [[[20, 34], [22, 34], [22, 36], [20, 36], [20, 34]]] } },
        { type: 'Feature', properties: { name: 'Box B', kind: 'user' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
      ],
    };

    test('upload, list, fetch back as sent, delete', async () => {
      const body = JSON.stringify(zones);
      const up = await s.server.app.inject({ method: 'POST', url: '/api/v1/layers?kind=zones&name=Patrol%20boxes', headers: { 'content-type': 'application/geo+json' }, payload: body });
      assert.equal(up.statusCode, 201, up.body);
      const info = up.json() as LayerInfo;
      assert.deepEqual({ ...info, id: undefined }, { id: undefined, kind: 'zones', name: 'Patrol boxes', size: 2, origin: 'upload' });
      assertShape('LayerInfo', info);
      const list = await getJson<LayerInfo[]>(s.server, '/api/v1/layers');
      assert.ok(list.body.some((l) => l.id === info.id));
      const back = await s.server.app.inject({ method: 'GET', url: `/api/v1/layers/${info.id}` });
      assert.equal(back.body, body);
      assert.match(String(back.headers['content-type']), /geo\+json/);
      const del = await s.server.app.inject({ method: 'DELETE', url: `/api/v1/layers/${info.id}` });
      assert.equal(del.statusCode, 204);
      assert.equal((await s.server.app.inject({ method: 'DELETE', url: `/api/v1/layers/${info.id}` })).statusCode, 404);
      assert.ok(!(await getJson<LayerInfo[]>(s.server, '/api/v1/layers')).body.some((l) => l.id === info.id));
    });

    test('a zone uploaded now applies to the data already seen: the engine is re-run over the journal', async () => {
      // A server of its own: the others' tests post live (receive-time) data, which moves the re-feed window to now.
      const s = await startServer();
      after(() => s.close());
      await postLines(s.server, scenario.lines);
      const zone = EAST_BOX;
      const before = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
      const up = await s.server.app.inject({ method: 'POST', url: '/api/v1/layers?kind=zones&name=East', headers: { 'content-type': 'application/geo+json' }, payload: JSON.stringify(zone) });
      assert.equal(up.statusCode, 201);
      const entries = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?type=zone_entry')).body.items;
      assert.deepEqual(entries.map((e) => e.mmsi), [[244670000]]);
      const entry = entries[0]!;
      const crossing = scenario.positions.find((p) => p.mmsi === 244670000 && p.lon >= 20.3)!;
      assert.equal(Date.parse(entry.start), crossing.t);
      const zoneId = (entry.details.zone as { id: string }).id;
      assert.deepEqual((await getJson<Page<EventRecord>>(s.server, `/api/v1/events?zone=${zoneId}`)).body.items.map((e) => e.id), [entry.id]);
      // What was there before is still there, unchanged.
      const now = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
      for (const e of before) assert.deepEqual(now.find((x) => x.id === e.id), e);
      const del = await s.server.app.inject({ method: 'DELETE', url: `/api/v1/layers/${(up.json() as LayerInfo).id}` });
      assert.equal(del.statusCode, 204);
    });

    test('a zone uploaded after a replay ended applies to the replay', async () => {
      const dir = tempDir();
      const file = join(dir, 'scenario.nmea');
      writeFileSync(file, `${scenario.lines.join('\n')}\n`);
      const s = await startServer({ sources: [{ kind: 'file-replay', path: file, speed: 0 }] });
      after(async () => {
        await s.close();
        rmSync(dir, { recursive: true, force: true });
      });
      await s.server.replaysDone;
      const before = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
      assert.ok(before.some((e) => e.type === 'encounter'));
      const up = await s.server.app.inject({ method: 'POST', url: '/api/v1/layers?kind=zones&name=East', headers: { 'content-type': 'application/geo+json' }, payload: JSON.stringify(EAST_BOX) });
      assert.equal(up.statusCode, 201);
      const now = (await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items;
      assert.deepEqual(now.filter((e) => e.type === 'zone_entry').map((e) => e.mmsi), [[244670000]]);
      for (const e of before) assert.deepEqual(now.find((x) => x.id === e.id), e, 'the replay closed its episodes once; re-running it closes them the same way');
    });

    test('a watchlist is CSV; its size is its entries', async () => {
      const csv = 'name,imo,mmsi,flag\r\nOCEAN TRADER,9123453,636012345,Liberia\r\n"SEA, BREEZE",,352001234,Panama\r\nNO NUMBERS,,,\r\n';
      const up = await s.server.app.inject({ method: 'POST', url: '/api/v1/layers?kind=watchlist&name=Interest', headers: { 'content-type': 'text/csv' }, payload: csv });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal((up.json() as LayerInfo).size, 3);
    });
  });

  test('the OpenAPI document lists every route, and every $ref resolves', async () => {
    const r = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>(s.server, '/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\.1\./);
    for (const [path, method] of [
      ['/healthz', 'get'],
      ['/api/v1/vessels', 'get'],
      ['/api/v1/vessels/{mmsi}', 'get'],
      ['/api/v1/events', 'get'],
      ['/api/v1/events/{id}', 'get'],
      ['/api/v1/layers', 'get'],
      ['/api/v1/layers', 'post'],
      ['/api/v1/layers/{id}', 'get'],
      ['/api/v1/layers/{id}', 'delete'],
      ['/api/v1/sources', 'get'],
      ['/api/v1/ingest', 'post'],
      ['/api/v1/live', 'get'],
      ['/api/v1/export/events', 'get'],
      ['/api/v1/export/vessels/{mmsi}/track', 'get'],
    ] as const) {
      assert.ok(r.body.paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    }
    const refs = JSON.stringify(r.body).match(/"\$ref":"[^"]+"/g) ?? [];
    assert.ok(refs.length > 10);
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      assert.ok(ref.includes('#/components/schemas/') && r.body.components.schemas[name], `${ref} resolves`);
    }
    const events = r.body.paths['/api/v1/events']!.get as { parameters: Array<{ name: string }> };
    assert.deepEqual(events.parameters.map((p) => p.name).sort(), ['asset', 'bbox', 'cursor', 'from', 'limit', 'mmsi', 'order', 'to', 'type', 'zone']);
  });

  test('GET / without a built UI says where the API is', async () => {
    const r = await s.server.app.inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /openapi\.json/);
    assert.equal((await s.server.app.inject({ method: 'GET', url: '/api/v1/nothing' })).json().code, 'TW_NOT_FOUND');
  });
});
