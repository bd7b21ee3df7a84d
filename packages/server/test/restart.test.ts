/**
 * Restart and crash safety. A server stopped halfway (cleanly, or killed with
 * SIGKILL in the middle of a replay) and started again on the same store ends
 * with exactly the events, positions, vessels and identity history of a run
 * that was never interrupted: no event lost, none duplicated.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { EventRecord, Page, SourceHealth, VesselDetail, VesselSummary } from '@tidewatch/protocol';
import { STORE_FILE } from '../src/store/sqlite-store.js';
import { rendezvous, renaming } from './support/scenario.js';
import { getJson, postLines, startServer, tempDir, until } from './support/server.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

/** Everything a run leaves in its store that must not depend on interruptions. */
function contentsOf(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
  try {
    return {
      events: db.prepare('SELECT e.id, e.type, e.start_ms, e.end_ms, e.open, e.zone, e.asset, r.record FROM events AS e JOIN event_records AS r USING (id) ORDER BY id').all(),
      eventVessels: db.prepare('SELECT * FROM event_vessels ORDER BY event_id, mmsi').all(),
      positions: db.prepare('SELECT * FROM positions ORDER BY seq').all(),
      statics: db.prepare('SELECT * FROM static_reports ORDER BY seq').all(),
      identity: db.prepare('SELECT * FROM identity_history ORDER BY mmsi, t').all(),
      vessels: db.prepare('SELECT * FROM vessels ORDER BY mmsi').all(),
    };
  } finally {
    db.close();
  }
}

const scenario = rendezvous({ hours: 4, everyS: 10, meetMinutes: 90 });
const lines = [...scenario.lines, ...renaming(538009999, Date.UTC(2024, 4, 1, 3))];

describe('restart', () => {
  test('a clean stop halfway and a restart give what one uninterrupted run gives', async () => {
    const whole = await startServer();
    await postLines(whole.server, lines, 1000);
    whole.server.pipeline.flush();
    const expectedEvents = (await getJson<Page<EventRecord>>(whole.server, '/api/v1/events?limit=1000')).body.items;
    const expectedVessels = (await getJson<Page<VesselSummary>>(whole.server, '/api/v1/vessels')).body.items;
    const expectedDetail = (await getJson<VesselDetail>(whole.server, '/api/v1/vessels/538009999')).body;
    await whole.stop();
    assert.ok(expectedEvents.some((e) => e.type === 'encounter'));

    // Cut inside the encounter, so the engine holds an open episode across the restart.
    const cut = lines.findIndex((l) => l.includes(`c:${Date.UTC(2024, 4, 1, 1, 10)}`));
    assert.ok(cut > 0);
    const first = await startServer();
    await postLines(first.server, lines.slice(0, cut), 1000);
    await first.stop();
    const second = await startServer({ dir: first.dir });
    try {
      assert.deepEqual((await getJson<Page<VesselSummary>>(second.server, '/api/v1/vessels')).body.items.length, 3, 'the live picture is back before any new data');
      await postLines(second.server, lines.slice(cut), 1000);
      second.server.pipeline.flush();
      assert.deepEqual((await getJson<Page<EventRecord>>(second.server, '/api/v1/events?limit=1000')).body.items, expectedEvents);
      assert.deepEqual((await getJson<Page<VesselSummary>>(second.server, '/api/v1/vessels')).body.items, expectedVessels);
      assert.deepEqual((await getJson<VesselDetail>(second.server, '/api/v1/vessels/538009999')).body, expectedDetail);
    } finally {
      await second.stop();
    }
    const a = contentsOf(whole.dir);
    const b = contentsOf(first.dir);
    assert.deepEqual(b, a);
    dirs.push(whole.dir, first.dir);
  });

  test('a restart re-feeds the engine with every journalled observation since it started', async () => {
    const s = await startServer();
    dirs.push(s.dir);
    await postLines(s.server, lines.slice(0, 3000), 1000);
    assert.equal(s.resumed.refed, 0, 'nothing to re-feed in a new store');
    await s.stop();
    const db = new Database(join(s.dir, STORE_FILE), { readonly: true });
    const journalled = (db.prepare('SELECT (SELECT count(*) FROM positions) + (SELECT count(*) FROM static_reports)').pluck().get() as number);
    db.close();
    const again = await startServer({ dir: s.dir });
    await again.stop();
    assert.deepEqual(again.resumed, { refed: journalled, exact: true, suppressed: 0 });
  });
});

describe('acknowledged means stored', () => {
  test('a POST is answered only once its lines are committed: another reader of the file sees them', async () => {
    const s = await startServer({ pipeline: { flushMs: 3_600_000 } });
    dirs.push(s.dir);
    try {
      const part = lines.slice(0, 500);
      await postLines(s.server, part);
      const db = new Database(join(s.dir, STORE_FILE), { readonly: true });
      const stored = db.prepare('SELECT count(*) FROM positions').pluck().get();
      db.close();
      assert.equal(stored, part.filter((l) => l.includes('!AIVDM,1,1')).length);
    } finally {
      await s.stop();
    }
  });
});

describe('crash', () => {
  const child = fileURLToPath(new URL('./support/serve-child.js', import.meta.url));

  function run(dataDir: string, file: string, speed: number): { proc: ChildProcess; ready: Promise<{ port: number; resumed: { refed: number; exact: boolean } }> } {
    const proc = spawn(process.execPath, [child, dataDir, file, String(speed)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = new Promise<{ port: number; resumed: { refed: number; exact: boolean } }>((resolve, reject) => {
      createInterface({ input: proc.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
      proc.once('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
    });
    return { proc, ready };
  }

  async function replayHealth(port: number): Promise<SourceHealth> {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/sources`);
    return ((await r.json()) as SourceHealth[]).find((h) => h.kind === 'file-replay')!;
  }

  async function runToEnd(dataDir: string, file: string, speed: number): Promise<void> {
    const { proc, ready } = run(dataDir, file, speed);
    const { port } = await ready;
    await until(async () => (await replayHealth(port)).state === 'finished', 60_000, 'replay finished');
    proc.kill('SIGTERM');
    await new Promise((resolve) => proc.once('exit', resolve));
  }

  test('SIGKILL during a replay, then a restart: the store ends as after an uninterrupted run', async () => {
    const dir = scratch();
    const file = join(dir, 'scenario.nmea');
    writeFileSync(file, `${lines.join('\n')}\n`);
    // 4 hours of data at 3600x: about four seconds of replay to interrupt.
    const speed = 3600;

    const uninterrupted = scratch();
    await runToEnd(uninterrupted, file, speed);

    const crashed = scratch();
    const first = run(crashed, file, speed);
    const { port } = await first.ready;
    await until(async () => (await replayHealth(port)).lines >= lines.length * 0.4, 60_000, '40% replayed');
    first.proc.kill('SIGKILL');
    await new Promise((resolve) => first.proc.once('exit', resolve));

    // The kill came in the middle: some but not all of the file is stored, and the replay is not finished.
    const db = new Database(join(crashed, STORE_FILE), { readonly: true });
    const cursor = db.prepare('SELECT done_line, finished FROM source_cursors').get() as { done_line: number; finished: number } | undefined;
    db.close();
    assert.ok(cursor !== undefined && cursor.finished === 0 && cursor.done_line > 0 && cursor.done_line < lines.length, JSON.stringify(cursor));

    const second = run(crashed, file, speed);
    const { port: port2, resumed } = await second.ready;
    assert.ok(resumed.refed > 0 && resumed.exact, JSON.stringify(resumed));
    await until(async () => (await replayHealth(port2)).state === 'finished', 60_000, 'replay finished after the restart');
    second.proc.kill('SIGTERM');
    await new Promise((resolve) => second.proc.once('exit', resolve));

    const a = contentsOf(uninterrupted);
    const b = contentsOf(crashed);
    assert.ok(a.events!.length >= 1 && a.positions!.length === scenario.positions.length + 20);
    assert.deepEqual(b.events, a.events, 'events');
    assert.deepEqual(b.eventVessels, a.eventVessels, 'event vessels');
    assert.deepEqual(b.positions, a.positions, 'positions');
    assert.deepEqual(b.statics, a.statics, 'static reports');
    assert.deepEqual(b.identity, a.identity, 'identity history');
    assert.deepEqual(b.vessels, a.vessels, 'vessels');
  });
});
