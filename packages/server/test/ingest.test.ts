/**
 * Ingest: line splitting over any chunking, reconnect delays, and every
 * source kind feeding a real server over real sockets and files.
 */
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, Socket, type Server } from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { encodeSentences, positionReportClassA } from '@tidewatch/ais';
import type { EventRecord, Page, SourceHealth, VesselSummary } from '@tidewatch/protocol';
import { backoffDelay } from '../src/ingest/backoff.js';
import { LineSplitter } from '../src/ingest/line-splitter.js';
import { STORE_FILE } from '../src/store/sqlite-store.js';
import { rendezvous } from './support/scenario.js';
import { getJson, postLines, startServer, tempDir, until, type TestServer } from './support/server.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function scratchDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

async function health(s: TestServer, kind: SourceHealth['kind']): Promise<SourceHealth> {
  return (await getJson<SourceHealth[]>(s.server, '/api/v1/sources')).body.find((h) => h.kind === kind)!;
}

describe('line splitting', () => {
  test('any chunking of a stream gives its lines; a line over the limit is dropped and counted once', () => {
    const line = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '!', ',', '\r'), maxLength: 40 }), fc.string({ unit: fc.constant('x'), minLength: 65, maxLength: 200 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), (lines, cuts) => {
        const text = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const got: string[] = [];
        let rejected = 0;
        const splitter = new LineSplitter((buf, s, e) => got.push(Buffer.from(buf.subarray(s, e)).toString()), () => rejected++, 64);
        let at = 0;
        for (let i = 0; at < text.length; i++) {
          const n = cuts[i % cuts.length]!;
          splitter.push(text.subarray(at, at + n));
          at += n;
        }
        splitter.end();
        assert.deepEqual(got, lines.filter((l) => l.length <= 64));
        assert.equal(rejected, lines.filter((l) => l.length > 64).length);
      }),
    );
  });

  test('a peer that never sends a newline cannot make it buffer more than the limit', () => {
    let rejected = 0;
    const splitter = new LineSplitter(() => assert.fail('no line'), () => rejected++, 64);
    for (let i = 0; i < 10_000; i++) splitter.push(Buffer.alloc(1000, 0x41));
    assert.equal(rejected, 1, 'one over-long line, reported once');
  });
});

describe('reconnect backoff', () => {
  test('delays grow exponentially to the cap, with half of each one random', () => {
    const policy = { initialMs: 500, maxMs: 30_000 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(30_000, 500 * 2 ** attempt);
        const d = backoffDelay(attempt, policy, () => r);
        assert.ok(d >= ceiling / 2 && d < ceiling, `attempt ${attempt}: ${d}`);
      }),
    );
    assert.equal(backoffDelay(3, policy, () => 0), 2000);
  });
});

describe('sources', () => {
  const scenario = rendezvous({ hours: 2, everyS: 30 });

  test('tcp-client: reads a feed, and reconnects after the feed drops', async () => {
    const connections: Socket[] = [];
    const feed: Server = createTcpServer((socket) => {
      connections.push(socket);
      // First connection: half the scenario, then the feed drops. Second: the rest.
      const half = Math.floor(scenario.lines.length / 2);
      const part = connections.length === 1 ? scenario.lines.slice(0, half) : scenario.lines.slice(half);
      socket.end(`${part.join('\r\n')}\r\n`);
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    const port = (feed.address() as { port: number }).port;
    const s = await startServer({ sources: [{ kind: 'tcp-client', host: '127.0.0.1', port }] });
    try {
      await until(async () => (await health(s, 'tcp-client')).lines === scenario.lines.length, 20_000, 'both connections read');
      assert.ok(connections.length >= 2, 'it reconnected');
      const h = await health(s, 'tcp-client');
      assert.equal(h.name, `tcp:127.0.0.1:${port}`);
      assert.deepEqual(h.rejected, {});
      assert.equal((await getJson<Page<VesselSummary>>(s.server, '/api/v1/vessels')).body.items.length, 3);
    } finally {
      await s.close();
      await new Promise((resolve) => feed.close(resolve));
    }
  });

  test('tcp-client: a feed that is down shows as disconnected, with the error', async () => {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const s = await startServer({ sources: [{ kind: 'tcp-client', host: '127.0.0.1', port }] });
    try {
      await until(async () => (await health(s, 'tcp-client')).state === 'disconnected', 10_000, 'disconnected');
      assert.match(s.server.sources[0]!.status.note, /ECONNREFUSED/);
    } finally {
      await s.close();
    }
  });

  test('tcp-listener: feeds connect and push lines; each connection reassembles its own messages', async () => {
    const s = await startServer({ sources: [{ kind: 'tcp-listener', port: 0 }] });
    try {
      const listener = s.server.sources[0]!;
      await until(() => listener.status.state === 'listening', 5000, 'listening');
      const port = listener.boundPort!()!;
      // Two feeds at once, their lines interleaved in time: fragments must not mix.
      const a = new Socket();
      const b = new Socket();
      await Promise.all([a, b].map((c) => new Promise<void>((resolve) => c.connect(port, '127.0.0.1', resolve))));
      const half = Math.floor(scenario.lines.length / 2);
      a.end(`${scenario.lines.slice(0, half).join('\n')}\n`);
      b.end(`${scenario.lines.slice(half).join('\n')}\n`);
      await until(async () => (await health(s, 'tcp-listener')).lines === scenario.lines.length, 10_000, 'all lines');
      const h = await health(s, 'tcp-listener');
      assert.deepEqual(h.rejected, {});
      assert.equal(h.messages, scenario.positions.length + scenario.lines.filter((l) => l.includes('!AIVDM,2,1')).length);
    } finally {
      await s.close();
    }
  });

  test('udp-listener: datagrams of whole lines', async () => {
    const s = await startServer({ sources: [{ kind: 'udp-listener', port: 0 }] });
    const client = createSocket('udp4');
    try {
      const listener = s.server.sources[0]!;
      await until(() => listener.status.state === 'listening', 5000, 'listening');
      const port = listener.boundPort!()!;
      const lines = scenario.lines.slice(0, 40);
      for (let i = 0; i < lines.length; i += 4) {
        await new Promise<void>((resolve, reject) => client.send(`${lines.slice(i, i + 4).join('\r\n')}\r\n`, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())));
      }
      // Loopback UDP does not lose datagrams at this rate; wait for all of them.
      await until(async () => (await health(s, 'udp-listener')).lines === lines.length, 10_000, 'all datagrams');
      assert.deepEqual((await health(s, 'udp-listener')).rejected, {});
    } finally {
      client.close();
      await s.close();
    }
  });

  test('a line without a tag-block time gets the receive time', async () => {
    const now = Date.UTC(2025, 2, 3, 4, 5, 6, 789);
    const s = await startServer({ now: () => now });
    try {
      await postLines(s.server, encodeSentences(positionReportClassA({ mmsi: 211000001, lat: 54, lon: 10, sog: 5, cog: 45 })));
      const v = (await getJson<Page<VesselSummary>>(s.server, '/api/v1/vessels')).body.items[0]!;
      assert.equal(v.time, new Date(now).toISOString());
    } finally {
      await s.close();
    }
  });

  test('live data: through a silence the engine follows the wall clock and closes what the silence ends', async () => {
    let now = Date.UTC(2025, 5, 1, 12, 0, 0);
    // Two vessels lying together for the last hour, up to the moment the feed goes quiet.
    const live = rendezvous({ hours: 1.5, everyS: 30, meetMinutes: 600, start: now - 90 * 60_000 });
    const s = await startServer({ now: () => now });
    try {
      await postLines(s.server, live.lines);
      const openFlag = (): number | undefined => {
        const db = new Database(join(s.dir, STORE_FILE), { readonly: true });
        try {
          return db.prepare("SELECT open FROM events WHERE type = 'encounter'").pluck().get() as number | undefined;
        } finally {
          db.close();
        }
      };
      assert.equal(openFlag(), 1, 'the encounter is going on');
      // Twenty minutes without a word (more than the 10 minutes after which a pair is no longer together).
      now += 20 * 60_000;
      await until(() => {
        s.server.pipeline.flush();
        return openFlag() === 0;
      }, 10_000, 'the encounter closed');
    } finally {
      await s.close();
    }
  });

  test('file-replay: a plain and a gzipped file give what a POST of the same lines gives', async () => {
    const dir = scratchDir();
    const plain = join(dir, 'scenario.nmea');
    writeFileSync(plain, `${scenario.lines.join('\n')}\n`);
    const gz = join(dir, 'scenario.nmea.gz');
    writeFileSync(gz, gzipSync(`${scenario.lines.join('\r\n')}\r\n`));

    const posted = await startServer();
    await postLines(posted.server, scenario.lines);
    posted.server.pipeline.flush();
    const expected = (await getJson<Page<EventRecord>>(posted.server, '/api/v1/events?limit=1000')).body.items;
    const expectedVessels = (await getJson<Page<VesselSummary>>(posted.server, '/api/v1/vessels')).body.items;
    await posted.close();
    assert.ok(expected.length > 0);

    for (const path of [plain, gz]) {
      const s = await startServer({ sources: [{ kind: 'file-replay', path, speed: 0 }], finishAfterReplay: false });
      try {
        await s.server.replaysDone;
        s.server.pipeline.flush();
        const h = await health(s, 'file-replay');
        assert.equal(h.state, 'finished');
        assert.equal(h.lines, scenario.lines.length);
        assert.equal(h.name, path === gz ? 'replay:scenario.nmea.gz' : 'replay:scenario.nmea');
        assert.deepEqual((await getJson<Page<EventRecord>>(s.server, '/api/v1/events?limit=1000')).body.items, expected, path);
        assert.deepEqual((await getJson<Page<VesselSummary>>(s.server, '/api/v1/vessels')).body.items, expectedVessels, path);
      } finally {
        await s.close();
      }
    }
  });

  test('file-replay: a file that is not there shows as disconnected with the reason', async () => {
    const s = await startServer({ sources: [{ kind: 'file-replay', path: join(scratchDir(), 'missing.nmea'), speed: 0 }] });
    try {
      await s.server.replaysDone;
      const h = await health(s, 'file-replay');
      assert.equal(h.state, 'disconnected');
      assert.match(s.server.sources[0]!.status.note, /ENOENT/);
    } finally {
      await s.close();
    }
  });
});
