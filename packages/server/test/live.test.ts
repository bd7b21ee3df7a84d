/**
 * The live WebSocket stream with real `ws` clients: hello, position frames
 * for a box (snapshot, then deltas), events, bad and flooding clients, and
 * clients that stop reading: the server drops frames, says `lagging`, and
 * disconnects rather than buffer without bound.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WebSocket, type RawData } from 'ws';
import { encodeSentences, positionReportClassA } from '@tidewatch/ais';
import { readFrame, type EventRecord, type PositionColumns, type ServerMessage } from '@tidewatch/protocol';
import { linesOf, rendezvous, T0 } from './support/scenario.js';
import { postLines, startServer, until, type TestServer } from './support/server.js';

interface Client {
  ws: WebSocket;
  messages: ServerMessage[];
  frames: PositionColumns[];
  closed: { code: number } | null;
}

async function connect(s: TestServer): Promise<Client> {
  const ws = new WebSocket(`${s.url.replace('http', 'ws')}api/v1/live`);
  const client: Client = { ws, messages: [], frames: [], closed: null };
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const buf = data as Buffer;
    if (isBinary) {
      const copy = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
      const frame = readFrame(copy);
      assert.ok(frame.ok, frame.ok ? '' : frame.error);
      client.frames.push(frame.columns);
    } else {
      client.messages.push(JSON.parse(buf.toString()) as ServerMessage);
    }
  });
  ws.on('close', (code) => (client.closed = { code }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await until(() => client.messages.length > 0, 5000, 'hello');
  return client;
}

function mmsisOf(frame: PositionColumns): number[] {
  return [...frame.mmsi].sort((a, b) => a - b);
}

describe('live stream', () => {
  let s: TestServer;
  const scenario = rendezvous({ hours: 2, everyS: 30 });

  before(async () => {
    s = await startServer({ live: { maxHz: 20, snapshotMs: 60_000 } });
    await postLines(s.server, scenario.lines.slice(0, 200));
  });
  after(() => s.close());

  test('a client is greeted with the protocol version and the rate cap', async () => {
    const c = await connect(s);
    const hello = c.messages[0]!;
    assert.equal(hello.type, 'hello');
    assert.equal(hello.type === 'hello' && hello.version, 1);
    assert.equal(hello.type === 'hello' && hello.maxHz, 20);
    c.ws.close();
  });

  test('events: a subscriber receives each event as it fires, filtered by type', async () => {
    const all = await connect(s);
    const gaps = await connect(s);
    all.ws.send(JSON.stringify({ type: 'subscribe-events' }));
    gaps.ws.send(JSON.stringify({ type: 'subscribe-events', types: ['ais_gap'] }));
    all.ws.send(JSON.stringify({ type: 'ping', id: 1 }));
    gaps.ws.send(JSON.stringify({ type: 'ping', id: 1 }));
    await until(() => all.messages.some((m) => m.type === 'pong') && gaps.messages.some((m) => m.type === 'pong'), 5000, 'subscribed');
    await postLines(s.server, scenario.lines.slice(200));
    await until(() => all.messages.some((m) => m.type === 'event' && m.event.type === 'encounter'), 10_000, 'encounter event');
    const received = all.messages.filter((m): m is { type: 'event'; event: EventRecord } => m.type === 'event');
    assert.ok(received.some((m) => m.event.mmsi.join() === '352001234,636012345'));
    assert.ok(!gaps.messages.some((m) => m.type === 'event' && m.event.type !== 'ais_gap'));
    all.ws.close();
    gaps.ws.close();
  });

  test('positions: a snapshot of the box, then only the vessels that changed', async () => {
    const c = await connect(s);
    // The two vessels of the rendezvous are near 21°E; the third steams along 35.2°N from 20°E.
    c.ws.send(JSON.stringify({ type: 'subscribe-positions', bbox: [20.9, 34.9, 21.1, 35.1] }));
    await until(() => c.frames.length > 0, 5000, 'snapshot');
    const snapshot = c.frames[0]!;
    assert.equal(snapshot.snapshot, true);
    assert.deepEqual(mmsisOf(snapshot), [352001234, 636012345]);
    for (let i = 0; i < snapshot.count; i++) {
      assert.ok(snapshot.lat[i]! >= 34.9 && snapshot.lat[i]! <= 35.1 && snapshot.lon[i]! >= 20.9 && snapshot.lon[i]! <= 21.1);
    }
    // One vessel reports again: the next frame carries it alone.
    const t = T0 + 5 * 3_600_000;
    await postLines(s.server, linesOf(positionReportClassA({ mmsi: 352001234, lat: 35.01, lon: 21.01, sog: 1, cog: 10 }), t));
    await until(() => c.frames.length > 1, 5000, 'delta');
    const delta = c.frames[1]!;
    assert.equal(delta.snapshot, false);
    assert.deepEqual(mmsisOf(delta), [352001234]);
    assert.ok(Math.abs(delta.lat[0]! - 35.01) < 1e-5 && Math.abs(delta.sog[0]! - 1) < 1e-6);
    assert.equal(delta.time, t);
    assert.equal(delta.age[0], 0);
    // A vessel outside the box changes: no frame for this client.
    await postLines(s.server, linesOf(positionReportClassA({ mmsi: 244670000, lat: 35.2, lon: 20.5, sog: 12, cog: 90 }), t + 1000));
    c.ws.send(JSON.stringify({ type: 'ping', id: 7 }));
    await until(() => c.messages.some((m) => m.type === 'pong'), 5000, 'pong');
    assert.equal(c.frames.length, 2);
    c.ws.close();
  });

  test('a malformed message gets an error naming what is wrong; the connection stays', async () => {
    const c = await connect(s);
    for (const bad of ['not json', '[]', '{"type":"subscribe-positions","bbox":[0,10,1,5]}', '{"type":"subscribe-positions","bbox":[0,0,1]}', '{"type":"jump"}', '{"type":"ping","id":"x"}']) {
      c.ws.send(bad);
    }
    await until(() => c.messages.filter((m) => m.type === 'error').length === 6, 5000, 'six errors');
    const errors = c.messages.filter((m): m is { type: 'error'; code: string; message: string } => m.type === 'error');
    assert.ok(errors.every((e) => e.code === 'TW_LIVE_BAD_MESSAGE'));
    assert.match(errors[2]!.message, /south 10 is north of north 5/);
    assert.match(errors[4]!.message, /unknown message type "jump"/);
    assert.equal(c.closed, null);
    c.ws.close();
  });

  test('clients beyond the limit are turned away, and may come back when there is room', async () => {
    const small = await startServer({ live: { maxClients: 2 } });
    try {
      const a = await connect(small);
      const b = await connect(small);
      const c = new WebSocket(`${small.url.replace('http', 'ws')}api/v1/live`);
      const code = await new Promise<number>((resolve) => c.on('close', (k) => resolve(k)));
      assert.equal(code, 1013);
      a.ws.close();
      await until(() => small.server.live.stats().clients === 1, 5000, 'room');
      const d = await connect(small);
      assert.equal(d.messages[0]!.type, 'hello');
      b.ws.close();
      d.ws.close();
    } finally {
      await small.close();
    }
  });

  test('a client flooding the server with messages is cut off', async () => {
    const c = await connect(s);
    for (let i = 0; i < 500; i++) c.ws.send(JSON.stringify({ type: 'ping', id: i }));
    await until(() => c.closed !== null, 5000, 'closed');
    assert.equal(c.closed!.code, 1008);
    assert.ok(c.messages.some((m) => m.type === 'error' && m.code === 'TW_LIVE_TOO_FAST'));
  });
});

describe('clients that do not read', () => {
  const soft = 16 * 1024;
  const hard = 256 * 1024;
  let s: TestServer;

  before(async () => {
    s = await startServer({ live: { maxHz: 20, snapshotMs: 50, softLimitBytes: soft, hardLimitBytes: hard } });
    // 3000 vessels: every snapshot frame is about 90 kB.
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(...encodeSentences(positionReportClassA({ mmsi: 201000000 + i, lat: (i % 60) - 30, lon: Math.floor(i / 60) - 25, sog: 1, cog: 1 })));
    await postLines(s.server, lines);
  });
  after(() => s.close());

  test('position frames are dropped, not queued, and the client hears it is lagging', async () => {
    const c = await connect(s);
    c.ws.send(JSON.stringify({ type: 'subscribe-positions', bbox: [-180, -90, 180, 90], maxHz: 20 }));
    await until(() => c.frames.length > 0, 5000, 'first frame');
    // Stop reading: the kernel buffers fill, then the server's socket backlog grows.
    const socket = (c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    await until(() => s.server.live.stats().framesDropped >= 20, 60_000, 'dropped frames');
    const stats = s.server.live.stats();
    const frameBytes = 24 + 3000 * 30;
    assert.ok(stats.maxBufferedBytes <= soft + frameBytes, `backlog ${stats.maxBufferedBytes} stays within the soft limit plus one frame`);
    assert.equal(stats.disconnectedSlow, 0, 'frames alone never force a disconnect');
    socket.resume();
    await until(() => c.messages.some((m) => m.type === 'lagging'), 10_000, 'lagging');
    const lagging = c.messages.find((m): m is { type: 'lagging'; dropped: number } => m.type === 'lagging')!;
    assert.ok(lagging.dropped >= 1);
    c.ws.close();
  });

  test('a client that lets events pile up past the hard limit is disconnected', async () => {
    const c = await connect(s);
    c.ws.send(JSON.stringify({ type: 'subscribe-events' }));
    c.ws.send(JSON.stringify({ type: 'ping', id: 1 }));
    await until(() => c.messages.some((m) => m.type === 'pong'), 5000, 'subscribed');
    const socket = (c.ws as unknown as { _socket: { pause(): void } })._socket;
    socket.pause();
    const before = s.server.live.stats().disconnectedSlow;
    const event: EventRecord = {
      id: 'encounter:1-2:20240501T000000Z:test',
      type: 'encounter',
      start: '2024-05-01T00:00:00Z',
      end: '2024-05-01T01:00:00Z',
      mmsi: [1, 2],
      lat: 0,
      lon: 0,
      profile: { id: 'test', version: '1' },
      details: { padding: 'x'.repeat(1000) },
    };
    // An event storm, as the pipeline would hand it over.
    for (let round = 0; round < 400 && s.server.live.stats().disconnectedSlow === before; round++) {
      for (let i = 0; i < 100; i++) s.server.live.event(event);
      await new Promise((r) => setTimeout(r, 5));
    }
    const stats = s.server.live.stats();
    assert.equal(stats.disconnectedSlow, before + 1);
    assert.ok(stats.maxBufferedBytes <= hard + 2000, `backlog ${stats.maxBufferedBytes} never passed the hard limit by more than one message`);
  });
});
