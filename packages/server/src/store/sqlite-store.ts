/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode.
 *
 * WAL lets readers run beside the writer, and with `synchronous = NORMAL` a
 * committed transaction survives the process being killed (only a power loss
 * can take the last few back). Every statement is prepared once. NaN, which
 * the engine uses for "not available", is stored as NULL and read back as NaN.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventRecord } from '@tidewatch/protocol';
import type { Batch, CursorRow, IdentityRow, StoredEvent, VesselRow } from './batch.js';
import { eventsSql } from './event-sql.js';
import { layerRow, num, str, trackRow, vesselRow, type Row } from './rows.js';
import { MIGRATIONS } from './schema.js';
import type { EventKey, EventPage, EventQuery, JournalEntry, Store, StoredLayer, TrackRow } from './store.js';

type Db = Database.Database;
type Statement = Database.Statement;

/** The database file inside the data directory. */
export const STORE_FILE = 'tidewatch.sqlite';

export type OpenResult = { ok: true; store: SqliteStore } | { ok: false; error: string };

/** Opens (creating if needed) the store in `dataDir`; a value, not an exception, when it cannot. */
export function openSqliteStore(dataDir: string): OpenResult {
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, STORE_FILE));
    const migrated = migrate(db);
    if (migrated !== null) {
      db.close();
      return { ok: false, error: migrated };
    }
    return { ok: true, store: new SqliteStore(db) };
  } catch (e) {
    return { ok: false, error: `cannot open the store in ${dataDir}: ${(e as Error).message}` };
  }
}

/** Applies the missing migrations; an error message when the file is from a newer schema. */
function migrate(db: Db): string | null {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2): the indexes of a busy journal stay in memory.
  db.pragma('cache_size = -65536');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) return `the store has schema version ${version}; this server knows up to ${MIGRATIONS.length}`;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
  return null;
}

const nul = (x: number): number | null => (Number.isNaN(x) ? null : x);

export class SqliteStore implements Store {
  private readonly insertPosition: Statement;
  private readonly insertStatic: Statement;
  private readonly upsertIdentity: Statement;
  private readonly upsertVessel: Statement;
  private readonly upsertEvent: Statement;
  private readonly upsertEventRecord: Statement;
  private readonly insertEventVessel: Statement;
  private readonly upsertCursor: Statement;
  private readonly upsertMeta: Statement;
  private readonly selectMeta: Statement;
  private readonly selectVessel: Statement;
  private readonly selectAllVessels: Statement;
  private readonly selectIdentity: Statement;
  private readonly selectTrackFirst: Statement;
  private readonly selectTrackAfter: Statement;
  private readonly countTrack: Statement;
  private readonly selectEvent: Statement;
  private readonly selectJournal: Statement;
  private readonly selectSeqTime: Statement;
  private readonly selectSeqBounds: Statement;
  private readonly selectLayers: Statement;
  private readonly selectLayer: Statement;
  private readonly insertLayer: Statement;
  private readonly removeLayer: Statement;
  private readonly selectCursor: Statement;
  private readonly eventQueries = new Map<string, Statement>();
  private readonly commitBatch: (batch: Batch) => void;
  private seqNext: number;

  constructor(private readonly db: Db) {
    this.insertPosition = db.prepare(
      'INSERT INTO positions (seq, mmsi, t, lat, lon, sog, cog, heading, nav_status, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertStatic = db.prepare(
      `INSERT INTO static_reports (seq, mmsi, t, name, callsign, imo, ship_type, to_bow, to_stern, to_port, to_starboard, destination, draught)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upsertIdentity = db.prepare(
      'INSERT OR REPLACE INTO identity_history (mmsi, t, name, callsign, imo, ship_type) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.upsertVessel = db.prepare(
      `INSERT INTO vessels (mmsi, t, lat, lon, sog, cog, heading, nav_status, name, callsign, imo, ship_type)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (mmsi) DO UPDATE SET t = excluded.t, lat = excluded.lat, lon = excluded.lon, sog = excluded.sog,
         cog = excluded.cog, heading = excluded.heading, nav_status = excluded.nav_status, name = excluded.name,
         callsign = excluded.callsign, imo = excluded.imo, ship_type = excluded.ship_type`,
    );
    this.upsertEvent = db.prepare(
      `INSERT INTO events (id, type, start_ms, end_ms, lat, lon, open, zone, asset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET end_ms = excluded.end_ms, lat = excluded.lat, lon = excluded.lon, open = excluded.open,
         zone = excluded.zone, asset = excluded.asset`,
    );
    this.upsertEventRecord = db.prepare('INSERT INTO event_records (id, record) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET record = excluded.record');
    this.insertEventVessel = db.prepare('INSERT OR IGNORE INTO event_vessels (mmsi, start_ms, event_id) VALUES (?, ?, ?)');
    this.upsertCursor = db.prepare(
      `INSERT INTO source_cursors (name, fingerprint, safe_offset, safe_line, done_line, clock_ms, finished) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint, safe_offset = excluded.safe_offset,
         safe_line = excluded.safe_line, done_line = excluded.done_line, clock_ms = excluded.clock_ms, finished = excluded.finished`,
    );
    this.upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.selectMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.selectVessel = db.prepare('SELECT * FROM vessels WHERE mmsi = ?');
    this.selectAllVessels = db.prepare('SELECT * FROM vessels WHERE mmsi > ? ORDER BY mmsi LIMIT 5000');
    this.selectIdentity = db.prepare('SELECT * FROM identity_history WHERE mmsi = ? ORDER BY t');
    const track = 'SELECT seq, t, lat, lon, sog, cog, heading, nav_status FROM positions WHERE mmsi = ? AND t <= ?';
    this.selectTrackFirst = db.prepare(`${track} AND t >= ? ORDER BY t, seq LIMIT ?`);
    this.selectTrackAfter = db.prepare(`${track} AND t >= ? AND (t, seq) > (?, ?) ORDER BY t, seq LIMIT ?`);
    this.countTrack = db.prepare('SELECT count(*) FROM positions WHERE mmsi = ? AND t >= ? AND t <= ?').pluck();
    this.selectEvent = db.prepare('SELECT record FROM event_records WHERE id = ?').pluck();
    this.selectJournal = db.prepare(
      `SELECT * FROM (
         SELECT seq, 0 AS static, mmsi, t, lat, lon, sog, cog, heading, nav_status, source,
                NULL AS name, NULL AS callsign, NULL AS imo, NULL AS ship_type, NULL AS to_bow, NULL AS to_stern,
                NULL AS to_port, NULL AS to_starboard, NULL AS destination, NULL AS draught
           FROM positions WHERE seq > @after
         UNION ALL
         SELECT seq, 1, mmsi, t, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                name, callsign, imo, ship_type, to_bow, to_stern, to_port, to_starboard, destination, draught
           FROM static_reports WHERE seq > @after)
       ORDER BY seq LIMIT @limit`,
    );
    this.selectSeqTime = db.prepare('SELECT seq, t FROM positions WHERE seq >= ? ORDER BY seq LIMIT 1');
    this.selectSeqBounds = db.prepare('SELECT min(seq) AS lo, max(seq) AS hi FROM positions');
    this.selectLayers = db.prepare('SELECT * FROM layers ORDER BY origin, kind, name, id');
    this.selectLayer = db.prepare('SELECT * FROM layers WHERE id = ?');
    this.insertLayer = db.prepare(
      `INSERT INTO layers (id, kind, name, origin, size, format, body, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, origin = excluded.origin, size = excluded.size,
         format = excluded.format, body = excluded.body, created_ms = excluded.created_ms`,
    );
    this.removeLayer = db.prepare('DELETE FROM layers WHERE id = ?');
    this.selectCursor = db.prepare('SELECT * FROM source_cursors WHERE name = ?');
    this.commitBatch = db.transaction((batch: Batch) => this.write(batch));
    const top = db.prepare('SELECT max(s) FROM (SELECT max(seq) AS s FROM positions UNION ALL SELECT max(seq) FROM static_reports)').pluck().get();
    this.seqNext = (typeof top === 'number' ? top : 0) + 1;
  }

  commit(batch: Batch): void {
    if (batch.empty) return;
    this.commitBatch(batch);
  }

  private write(batch: Batch): void {
    const p = this.insertPosition;
    for (let i = 0; i < batch.positionCount; i++) {
      p.run(batch.seq[i], batch.mmsi[i], batch.t[i], batch.lat[i], batch.lon[i], nul(batch.sog[i]!), nul(batch.cog[i]!), nul(batch.heading[i]!), nul(batch.navStatus[i]!), batch.source[i]);
      if (batch.seq[i]! >= this.seqNext) this.seqNext = batch.seq[i]! + 1;
    }
    for (const s of batch.statics) {
      this.insertStatic.run(s.seq, s.mmsi, s.t, s.name, s.callsign, nul(s.imo), nul(s.shipType), nul(s.toBow), nul(s.toStern), nul(s.toPort), nul(s.toStarboard), s.destination, nul(s.draught));
      if (s.seq >= this.seqNext) this.seqNext = s.seq + 1;
    }
    for (const r of batch.identities) this.upsertIdentity.run(r.mmsi, r.t, r.name || null, r.callsign || null, nul(r.imo), nul(r.shipType));
    for (const v of batch.vessels) {
      this.upsertVessel.run(v.mmsi, nul(v.t), nul(v.lat), nul(v.lon), nul(v.sog), nul(v.cog), nul(v.heading), nul(v.navStatus), v.name || null, v.callsign || null, nul(v.imo), nul(v.shipType));
    }
    for (const e of batch.events.values()) this.writeEvent(e);
    for (const c of batch.cursors.values()) {
      this.upsertCursor.run(c.name, c.fingerprint, c.safeOffset, c.safeLine, c.doneLine, nul(c.clockMs), c.finished ? 1 : 0);
    }
    for (const [key, value] of batch.meta) this.upsertMeta.run(key, value);
  }

  private writeEvent(e: StoredEvent): void {
    const r = e.record;
    const start = Date.parse(r.start);
    this.upsertEvent.run(r.id, r.type, start, Date.parse(r.end), r.lat, r.lon, e.open ? 1 : 0, e.zone, e.asset);
    this.upsertEventRecord.run(r.id, JSON.stringify(r));
    for (const m of r.mmsi) this.insertEventVessel.run(m, start, r.id);
  }

  nextSeq(): number {
    return this.seqNext;
  }

  meta(key: string): string | undefined {
    const v = this.selectMeta.get(key);
    return typeof v === 'string' ? v : undefined;
  }

  setMeta(key: string, value: string): void {
    this.upsertMeta.run(key, value);
  }

  oldestPositionTime(): number {
    return num(this.db.prepare('SELECT min(t) FROM positions').pluck().get());
  }

  eachVessel(visit: (row: VesselRow) => void): void {
    let after = -1;
    for (;;) {
      const rows = this.selectAllVessels.all(after) as Row[];
      for (const r of rows) visit(vesselRow(r));
      if (rows.length < 5000) return;
      after = num(rows[rows.length - 1]!.mmsi);
    }
  }

  vessel(mmsi: number): VesselRow | undefined {
    const r = this.selectVessel.get(mmsi) as Row | undefined;
    return r === undefined ? undefined : vesselRow(r);
  }

  identityHistory(mmsi: number): IdentityRow[] {
    return (this.selectIdentity.all(mmsi) as Row[]).map((r) => ({
      mmsi: num(r.mmsi),
      t: num(r.t),
      name: str(r.name),
      callsign: str(r.callsign),
      imo: num(r.imo),
      shipType: num(r.ship_type),
    }));
  }

  track(mmsi: number, from: number, to: number, after: { t: number; seq: number } | null, limit: number): TrackRow[] {
    const rows = (after === null
      ? this.selectTrackFirst.all(mmsi, to, from, limit)
      : this.selectTrackAfter.all(mmsi, to, from, after.t, after.seq, limit)) as Row[];
    return rows.map(trackRow);
  }

  trackCount(mmsi: number, from: number, to: number): number {
    return this.countTrack.get(mmsi, from, to) as number;
  }

  events(q: EventQuery): EventPage {
    const page = this.eventsJson(q);
    return { items: page.items.map((text) => JSON.parse(text) as EventRecord), next: page.next };
  }

  eventsJson(q: EventQuery): { items: string[]; next: EventKey | null } {
    const { sql, args } = eventsSql(q);
    let statement = this.eventQueries.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.eventQueries.set(sql, statement);
    }
    const rows = statement.all(...args) as Row[];
    const more = rows.length > q.limit;
    if (more) rows.length = q.limit;
    const items = rows.map((r) => str(r.record));
    const last = rows[rows.length - 1];
    return { items, next: more && last !== undefined ? { start: num(last.start_ms), id: str(last.id) } : null };
  }

  event(id: string): EventRecord | undefined {
    const r = this.selectEvent.get(id);
    return typeof r === 'string' ? (JSON.parse(r) as EventRecord) : undefined;
  }

  journalSeqAt(t: number): number {
    const bounds = this.selectSeqBounds.get() as Row;
    let lo = num(bounds.lo);
    let hi = num(bounds.hi);
    if (Number.isNaN(lo)) return this.seqNext;
    // Binary search on seq: times rise with seq up to the few seconds feeds arrive out of order.
    if (this.timeAtOrAfter(lo) >= t) return lo;
    if (this.timeAtOrAfter(hi) < t) return hi + 1;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.timeAtOrAfter(mid) < t) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  private timeAtOrAfter(seq: number): number {
    const r = this.selectSeqTime.get(seq) as Row | undefined;
    return r === undefined ? Infinity : num(r.t);
  }

  journal(afterSeq: number, limit: number): JournalEntry[] {
    return (this.selectJournal.all({ after: afterSeq, limit }) as Row[]).map((r): JournalEntry => {
      if (r.static === 0) return { kind: 'position', mmsi: num(r.mmsi), source: num(r.source), ...trackRow(r) };
      return {
        kind: 'static',
        seq: num(r.seq),
        mmsi: num(r.mmsi),
        t: num(r.t),
        name: str(r.name),
        callsign: str(r.callsign),
        imo: num(r.imo),
        shipType: num(r.ship_type),
        toBow: num(r.to_bow),
        toStern: num(r.to_stern),
        toPort: num(r.to_port),
        toStarboard: num(r.to_starboard),
        destination: str(r.destination),
        draught: num(r.draught),
      };
    });
  }

  journalCompleteSince(t: number): boolean {
    const cut = this.meta('journal_cut_ms');
    return cut === undefined || t >= Number(cut);
  }

  private noteJournalCut(t: number): void {
    const cut = Number(this.meta('journal_cut_ms') ?? -Infinity);
    if (t > cut) this.upsertMeta.run('journal_cut_ms', String(t));
  }

  layers(): StoredLayer[] {
    return (this.selectLayers.all() as Row[]).map(layerRow);
  }

  layer(id: string): StoredLayer | undefined {
    const r = this.selectLayer.get(id) as Row | undefined;
    return r === undefined ? undefined : layerRow(r);
  }

  putLayer(l: StoredLayer): void {
    this.insertLayer.run(l.id, l.kind, l.name, l.origin, l.size, l.format, l.body, l.createdMs);
  }

  deleteLayer(id: string): boolean {
    return this.removeLayer.run(id).changes > 0;
  }

  cursor(name: string): CursorRow | undefined {
    const r = this.selectCursor.get(name) as Row | undefined;
    if (r === undefined) return undefined;
    return {
      name: str(r.name),
      fingerprint: str(r.fingerprint),
      safeOffset: num(r.safe_offset),
      safeLine: num(r.safe_line),
      doneLine: num(r.done_line),
      clockMs: num(r.clock_ms),
      finished: r.finished === 1,
    };
  }

  thinPositions(from: number, to: number, bucketMs: number): number {
    if (!(to > from)) return 0;
    return this.db.transaction(() => {
      const deleted = this.db
        .prepare(
          `DELETE FROM positions WHERE t >= @from AND t < @to AND EXISTS (
             SELECT 1 FROM positions AS p WHERE p.mmsi = positions.mmsi
               AND p.t >= CAST(positions.t / @bucket AS INTEGER) * @bucket AND (p.t, p.seq) < (positions.t, positions.seq))`,
        )
        .run({ from, to, bucket: bucketMs }).changes;
      if (deleted > 0) this.noteJournalCut(to);
      return deleted;
    })();
  }

  expireStaticReports(t: number): number {
    return this.db.transaction(() => {
      const deleted = this.db.prepare('DELETE FROM static_reports WHERE t < ?').run(t).changes;
      if (deleted > 0) this.noteJournalCut(t);
      return deleted;
    })();
  }

  expireBefore(t: number): number {
    return this.db.transaction(() => {
      let deleted = this.db.prepare('DELETE FROM positions WHERE t < ?').run(t).changes;
      deleted += this.db.prepare('DELETE FROM event_vessels WHERE event_id IN (SELECT id FROM events WHERE end_ms < ?)').run(t).changes;
      deleted += this.db.prepare('DELETE FROM event_records WHERE id IN (SELECT id FROM events WHERE end_ms < ?)').run(t).changes;
      deleted += this.db.prepare('DELETE FROM events WHERE end_ms < ?').run(t).changes;
      deleted += this.db.prepare('DELETE FROM vessels WHERE t < ?').run(t).changes;
      deleted += this.db.prepare('DELETE FROM identity_history WHERE mmsi NOT IN (SELECT mmsi FROM vessels)').run().changes;
      if (deleted > 0) this.noteJournalCut(t);
      return deleted;
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
