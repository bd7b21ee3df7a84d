/**
 * The SQLite schema, as an ordered list of migrations.
 *
 * `PRAGMA user_version` holds the number of migrations applied; a store opened
 * by a newer server runs the missing ones in one transaction, and a store
 * written by a newer schema than this code knows is refused rather than
 * misread. A released migration is never edited: add a new one.
 *
 * Tables:
 * - `positions`, `static_reports`: the journal. Every observation handed to the
 *   engine, in the order it was handed (`seq`, shared by both tables). Queries
 *   read tracks from `positions`; a restart re-feeds the engine from both.
 * - `identity_history`: one row each time a vessel's broadcast identity
 *   (name, call sign, IMO, ship type) changed.
 * - `vessels`: the latest position and identity of every vessel: the live
 *   picture, restored at start.
 * - `events`, `event_vessels`, `event_records`: detected behaviour, upserted by
 *   deterministic id. `events` holds only what queries filter and sort on, so a
 *   scan over it reads narrow rows; the record as served is in `event_records`.
 * - `layers`: zones, infrastructure and watchlists, builtin and uploaded.
 * - `source_cursors`: how far each replayable source got, committed in the same
 *   transaction as what it produced.
 * - `meta`: small named values (the newest data time, thinning progress).
 */

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE positions (
    seq INTEGER PRIMARY KEY,
    mmsi INTEGER NOT NULL,
    t INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    sog REAL,
    cog REAL,
    heading REAL,
    nav_status INTEGER,
    source INTEGER NOT NULL
  );
  CREATE INDEX positions_vessel ON positions (mmsi, t);
  CREATE INDEX positions_time ON positions (t);

  CREATE TABLE static_reports (
    seq INTEGER PRIMARY KEY,
    mmsi INTEGER NOT NULL,
    t INTEGER NOT NULL,
    name TEXT NOT NULL,
    callsign TEXT NOT NULL,
    imo INTEGER,
    ship_type INTEGER,
    to_bow REAL,
    to_stern REAL,
    to_port REAL,
    to_starboard REAL,
    destination TEXT NOT NULL,
    draught REAL
  );
  CREATE INDEX static_reports_time ON static_reports (t);

  CREATE TABLE identity_history (
    mmsi INTEGER NOT NULL,
    t INTEGER NOT NULL,
    name TEXT,
    callsign TEXT,
    imo INTEGER,
    ship_type INTEGER,
    PRIMARY KEY (mmsi, t)
  ) WITHOUT ROWID;

  CREATE TABLE vessels (
    mmsi INTEGER PRIMARY KEY,
    t INTEGER,
    lat REAL,
    lon REAL,
    sog REAL,
    cog REAL,
    heading REAL,
    nav_status INTEGER,
    name TEXT,
    callsign TEXT,
    imo INTEGER,
    ship_type INTEGER
  );

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    open INTEGER NOT NULL,
    zone TEXT,
    asset TEXT,
    record TEXT NOT NULL
  );
  CREATE INDEX events_start ON events (start_ms, id);
  CREATE INDEX events_type ON events (type, start_ms, id);
  CREATE INDEX events_end ON events (end_ms);
  CREATE INDEX events_zone ON events (zone, start_ms) WHERE zone IS NOT NULL;
  CREATE INDEX events_asset ON events (asset, start_ms) WHERE asset IS NOT NULL;

  CREATE TABLE event_vessels (
    mmsi INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (mmsi, start_ms, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX event_vessels_event ON event_vessels (event_id);

  CREATE TABLE layers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    origin TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    body TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  );

  CREATE TABLE source_cursors (
    name TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    safe_offset INTEGER NOT NULL,
    safe_line INTEGER NOT NULL,
    done_line INTEGER NOT NULL,
    clock_ms REAL,
    finished INTEGER NOT NULL
  );

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: the served record out of the filtered table.
  `
  CREATE TABLE event_records (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO event_records (id, record) SELECT id, record FROM events;
  ALTER TABLE events DROP COLUMN record;
  `,
  // 3: events clustered by (start, id), the order every events query reads them
  // in: a filtered scan reads consecutive rows instead of one lookup per row.
  `
  CREATE TABLE events_by_start (
    start_ms INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    end_ms INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    open INTEGER NOT NULL,
    zone TEXT,
    asset TEXT,
    PRIMARY KEY (start_ms, id)
  ) WITHOUT ROWID;
  INSERT INTO events_by_start (start_ms, id, type, end_ms, lat, lon, open, zone, asset)
    SELECT start_ms, id, type, end_ms, lat, lon, open, zone, asset FROM events;
  DROP TABLE events;
  ALTER TABLE events_by_start RENAME TO events;
  CREATE INDEX events_type ON events (type, start_ms, id);
  CREATE INDEX events_end ON events (end_ms);
  CREATE INDEX events_zone ON events (zone, start_ms) WHERE zone IS NOT NULL;
  CREATE INDEX events_asset ON events (asset, start_ms) WHERE asset IS NOT NULL;
  `,
];
