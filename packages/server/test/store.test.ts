/**
 * The SQLite store on real files: batches round-trip, the downsampling rule
 * against a brute-force oracle, events filtered and paged against a linear
 * scan, retention in data time, schema versions.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { EventRecord } from '@tidewatch/protocol';
import { Batch } from '../src/store/batch.js';
import { applyRetention } from '../src/store/retention.js';
import { MIGRATIONS } from '../src/store/schema.js';
import { openSqliteStore, STORE_FILE, type SqliteStore } from '../src/store/sqlite-store.js';
import type { EventQuery } from '../src/store/store.js';
import { tempDir } from './support/server.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshStore(): SqliteStore {
  const dir = tempDir();
  dirs.push(dir);
  const opened = openSqliteStore(dir);
  if (!opened.ok) throw new Error(opened.error);
  return opened.store;
}

const MINUTE = 60_000;

describe('store', () => {
  test('a batch round-trips: positions, identity, vessels, cursors; NaN is stored as null and read as NaN', () => {
    const store = freshStore();
    const b = new Batch();
    b.position(1, 244670000, 1000, 52.1, 4.2, 12.5, NaN, 90, 0, 1);
    b.position(2, 244670000, 2000, 52.2, 4.3, NaN, 180, NaN, NaN, 1);
    b.identities.push({ mmsi: 244670000, t: 1000, name: 'X', callsign: '', imo: NaN, shipType: 70 });
    b.vessels.push({ mmsi: 244670000, t: 2000, lat: 52.2, lon: 4.3, sog: NaN, cog: 180, heading: NaN, navStatus: NaN, name: 'X', callsign: '', imo: NaN, shipType: 70 });
    b.cursors.set('replay:a', { name: 'replay:a', fingerprint: 'f', safeOffset: 10, safeLine: 2, doneLine: 3, clockMs: NaN, finished: false });
    store.commit(b);
    assert.equal(store.nextSeq(), 3);
    const track = store.track(244670000, 0, 5000, null, 10);
    assert.deepEqual(track.map((r) => [r.seq, r.t, r.lat, r.sog, r.cog, r.heading, r.navStatus]), [
      [1, 1000, 52.1, 12.5, NaN, 90, 0],
      [2, 2000, 52.2, NaN, 180, NaN, NaN],
    ]);
    assert.deepEqual(store.identityHistory(244670000), [{ mmsi: 244670000, t: 1000, name: 'X', callsign: '', imo: NaN, shipType: 70 }]);
    assert.equal(store.vessel(244670000)?.cog, 180);
    assert.deepEqual(store.cursor('replay:a'), { name: 'replay:a', fingerprint: 'f', safeOffset: 10, safeLine: 2, doneLine: 3, clockMs: NaN, finished: false });
    store.close();
  });

  test('a store written by a newer schema is refused, not misread', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = openSqliteStore(dir);
    assert.ok(first.ok);
    first.store.close();
    const db = new Database(join(dir, STORE_FILE));
    db.pragma('user_version = 99');
    db.close();
    const again = openSqliteStore(dir);
    assert.equal(again.ok, false);
    assert.match(!again.ok ? again.error : '', /schema version 99/);
  });

  test('a store of schema 1 is migrated: its events keep their records', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(join(dir, STORE_FILE));
    db.exec(MIGRATIONS[0]!);
    const record = { id: 'e1', type: 'encounter', start: '2024-01-01T00:00:00Z', end: '2024-01-01T01:00:00Z', mmsi: [1, 2], lat: 1, lon: 2, profile: { id: 'p', version: '1' }, details: { n: 1 } };
    db.prepare('INSERT INTO events (id, type, start_ms, end_ms, lat, lon, open, zone, asset, record) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?)').run('e1', 'encounter', Date.parse(record.start), Date.parse(record.end), 1, 2, JSON.stringify(record));
    db.pragma('user_version = 1');
    db.close();
    const opened = openSqliteStore(dir);
    assert.ok(opened.ok);
    assert.deepEqual(opened.store.event('e1'), record);
    const q: EventQuery = { types: ['encounter'], from: null, to: null, bbox: null, mmsi: null, zone: null, asset: null, order: 'asc', after: null, limit: 10 };
    assert.deepEqual(opened.store.events(q).items, [record]);
    opened.store.close();
  });

  test('thinning keeps exactly the earliest report per vessel and bucket inside the span (brute-force oracle)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mmsi: fc.integer({ min: 1, max: 3 }), t: fc.integer({ min: 0, max: 20 * MINUTE }) }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 10 * MINUTE }),
        fc.integer({ min: 0, max: 12 * MINUTE }),
        (rows, from, span) => {
          const store = freshStore();
          const b = new Batch();
          rows.forEach((r, i) => b.position(i + 1, r.mmsi, r.t, 0, 0, NaN, NaN, NaN, NaN, 1));
          store.commit(b);
          store.thinPositions(from, from + span, MINUTE);
          const kept = new Set<number>();
          for (const m of [1, 2, 3]) for (const r of store.track(m, -1, Infinity, null, 1000)) kept.add(r.seq);
          const expected = new Set<number>();
          rows.forEach((r, i) => {
            const seq = i + 1;
            if (r.t < from || r.t >= from + span) return void expected.add(seq);
            const bucket = Math.floor(r.t / MINUTE);
            // Kept unless an earlier report (by time, then seq) of the same vessel lies in the same bucket.
            const earlier = rows.some((o, j) => o.mmsi === r.mmsi && Math.floor(o.t / MINUTE) === bucket && (o.t < r.t || (o.t === r.t && j < i)));
            if (!earlier) expected.add(seq);
          });
          assert.deepEqual([...kept].sort((a, b) => a - b), [...expected].sort((a, b) => a - b));
          store.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  test('events: every filter and page agrees with a linear scan', () => {
    const store = freshStore();
    const types = ['encounter', 'loitering', 'ais_gap'] as const;
    const all: EventRecord[] = [];
    const b = new Batch();
    for (let i = 0; i < 60; i++) {
      const start = Date.UTC(2024, 0, 1) + (i % 17) * 3_600_000;
      const e: EventRecord = {
        id: `e${String(i).padStart(2, '0')}`,
        type: types[i % 3]!,
        start: new Date(start).toISOString(),
        end: new Date(start + (i % 5) * 1_800_000).toISOString(),
        mmsi: i % 4 === 0 ? [200000000 + (i % 7), 300000000] : [200000000 + (i % 7)],
        lat: -10 + (i % 11) * 2,
        lon: i % 2 === 0 ? 170 + (i % 10) : -175 + (i % 10),
        profile: { id: 'p', version: '1' },
        details: { zone: i % 6 === 0 ? 'zone-a' : undefined, asset: i % 9 === 0 ? { id: 'cable-1' } : undefined, n: i },
      };
      all.push(e);
      b.events.set(e.id, { record: e, open: false, zone: i % 6 === 0 ? 'zone-a' : null, asset: i % 9 === 0 ? 'cable-1' : null });
    }
    store.commit(b);
    const base: EventQuery = { types: null, from: null, to: null, bbox: null, mmsi: null, zone: null, asset: null, order: 'desc', after: null, limit: 1000 };
    const key = (e: EventRecord): [number, string] => [Date.parse(e.start), e.id];
    const sorted = (order: 'asc' | 'desc', keep: (e: EventRecord) => boolean): string[] =>
      all
        .filter(keep)
        .sort((x, y) => {
          const [a, ai] = key(x);
          const [c, ci] = key(y);
          const d = a !== c ? a - c : ai < ci ? -1 : ai > ci ? 1 : 0;
          return order === 'asc' ? d : -d;
        })
        .map((e) => e.id);
    const cases: Array<[Partial<EventQuery>, (e: EventRecord) => boolean]> = [
      [{}, () => true],
      [{ types: ['loitering'] }, (e) => e.type === 'loitering'],
      [{ types: ['loitering', 'ais_gap'] }, (e) => e.type !== 'encounter'],
      [{ mmsi: 300000000 }, (e) => e.mmsi.includes(300000000)],
      [{ mmsi: 200000003 }, (e) => e.mmsi.includes(200000003)],
      [{ zone: 'zone-a' }, (e) => (e.details as { zone?: string }).zone === 'zone-a'],
      [{ asset: 'cable-1' }, (e) => (e.details as { asset?: unknown }).asset !== undefined],
      [{ bbox: [172, -5, 180, 5] }, (e) => e.lon >= 172 && e.lon <= 180 && e.lat >= -5 && e.lat <= 5],
      // Across the antimeridian: west > east.
      [{ bbox: [175, -10, -172, 10] }, (e) => (e.lon >= 175 || e.lon <= -172) && e.lat >= -10 && e.lat <= 10],
      [{ from: Date.UTC(2024, 0, 1, 5), to: Date.UTC(2024, 0, 1, 8) }, (e) => Date.parse(e.end) >= Date.UTC(2024, 0, 1, 5) && Date.parse(e.start) <= Date.UTC(2024, 0, 1, 8)],
      [{ types: ['encounter'], mmsi: 300000000, from: Date.UTC(2024, 0, 1, 3) }, (e) => e.type === 'encounter' && e.mmsi.includes(300000000) && Date.parse(e.end) >= Date.UTC(2024, 0, 1, 3)],
    ];
    for (const [filter, keep] of cases) {
      for (const order of ['asc', 'desc'] as const) {
        const q = { ...base, ...filter, order };
        assert.deepEqual(store.events(q).items.map((e) => e.id), sorted(order, keep), `${JSON.stringify(filter)} ${order}`);
        for (const limit of [1, 7]) {
          const paged: string[] = [];
          let next = null;
          do {
            const page = store.events({ ...q, limit, after: next });
            assert.ok(page.items.length <= limit);
            paged.push(...page.items.map((e) => e.id));
            next = page.next;
          } while (next !== null);
          assert.deepEqual(paged, sorted(order, keep), `${JSON.stringify(filter)} ${order} by ${limit}`);
        }
      }
    }
    store.close();
  });

  test('an event written again under its id is updated, not duplicated', () => {
    const store = freshStore();
    const e: EventRecord = { id: 'x', type: 'encounter', start: '2024-01-01T00:00:00Z', end: '2024-01-01T00:30:00Z', mmsi: [1, 2], lat: 0, lon: 0, profile: { id: 'p', version: '1' }, details: {} };
    for (const end of ['2024-01-01T00:30:00Z', '2024-01-01T01:00:00Z']) {
      const b = new Batch();
      b.events.set('x', { record: { ...e, end }, open: end < '2024-01-01T01', zone: null, asset: null });
      store.commit(b);
    }
    const q: EventQuery = { types: null, from: null, to: null, bbox: null, mmsi: 2, zone: null, asset: null, order: 'asc', after: null, limit: 10 };
    assert.deepEqual(store.events(q).items.map((x) => x.end), ['2024-01-01T01:00:00Z']);
    store.close();
  });

  test('journal: positions and static reports come back in seq order; journalSeqAt finds the first at a time', () => {
    const store = freshStore();
    const b = new Batch();
    for (let i = 1; i <= 100; i++) {
      if (i % 10 === 0) {
        b.statics.push({ seq: i, mmsi: 5, t: i * 1000, name: 'N', callsign: '', imo: NaN, shipType: NaN, toBow: NaN, toStern: NaN, toPort: NaN, toStarboard: NaN, destination: '', draught: NaN });
      } else {
        b.position(i, 5, i * 1000, 1, 2, NaN, NaN, NaN, NaN, 1);
      }
    }
    store.commit(b);
    const entries = store.journal(0, 1000);
    assert.deepEqual(entries.map((e) => e.seq), Array.from({ length: 100 }, (_, i) => i + 1));
    assert.ok(entries.every((e) => (e.seq % 10 === 0) === (e.kind === 'static')));
    assert.deepEqual(store.journal(95, 3).map((e) => e.seq), [96, 97, 98]);
    for (const t of [0, 1000, 20_500, 55_000, 99_000]) {
      const seq = store.journalSeqAt(t);
      // Times rise with seq here, so the split is exact: positions from `seq` on are at or after t, those before it are not.
      const positions = entries.filter((e) => e.kind === 'position');
      assert.ok(positions.every((e) => (e.seq >= seq) === (e.t >= t)), `at ${t}: ${seq}`);
    }
    assert.equal(store.journalSeqAt(1e9), 100, 'after the last position');
    store.close();
  });

  test('retention thins what aged out of the full-resolution window and expires what passed retention, in data time', async () => {
    const store = freshStore();
    const b = new Batch();
    const HOUR = 3_600_000;
    let seq = 1;
    // One vessel reporting every 10 s for 50 hours.
    for (let t = 0; t < 50 * HOUR; t += 10_000) b.position(seq++, 7, t, 0, 0, NaN, NaN, NaN, NaN, 1);
    b.vessels.push({ mmsi: 7, t: 50 * HOUR - 10_000, lat: 0, lon: 0, sog: NaN, cog: NaN, heading: NaN, navStatus: NaN, name: '', callsign: '', imo: NaN, shipType: NaN });
    store.commit(b);
    const newest = 50 * HOUR - 10_000;
    await applyRetention(store, newest, { retentionDays: 1.5, fullResolutionHours: 24, downsampleSeconds: 60 }, async () => {});
    const rows = store.track(7, -Infinity, Infinity, null, 1_000_000);
    const cut = newest - 36 * HOUR;
    const full = newest - 24 * HOUR;
    // The oracle: drop what is older than retention, then keep the earliest remaining report of each minute older than the window.
    const expected: number[] = [];
    const seenBuckets = new Set<number>();
    for (let t = 0; t <= newest; t += 10_000) {
      if (t < cut) continue;
      if (t >= full) expected.push(t);
      else if (!seenBuckets.has(Math.floor(t / 60_000))) {
        seenBuckets.add(Math.floor(t / 60_000));
        expected.push(t);
      }
    }
    assert.deepEqual(rows.map((r) => r.t), expected);
    assert.equal(store.journalCompleteSince(0), false);
    assert.equal(store.journalCompleteSince(full), true);
    store.close();
  });
});
