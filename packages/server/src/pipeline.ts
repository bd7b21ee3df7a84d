/**
 * The pipeline: lines → messages → observations → engine → store and live clients.
 *
 * Every observation handed to the engine is first written to the journal (the
 * `positions` and `static_reports` tables, numbered by `seq`) in the same
 * batch as the events it causes and the progress of the source it came from.
 * A batch is committed every `flushMs` or `flushRows` rows, always between
 * two lines, never inside one, so a crash leaves the store at a line boundary
 * of every replayed file.
 *
 * A restart re-feeds the engine from the journal (see `resume`): the engine is
 * a pure function of its input, so handed the same observations in the same
 * order it reaches the same state and re-emits the same events with the same
 * ids, which the store upserts without change. The journal is re-fed from
 * `refeedHours` before the newest data, or from where the current engine
 * started if that is later. When the journal no longer reaches back to the
 * engine's start (retention thinned it), the engine starts cold at the window
 * and events starting within `warmupMinutes` of it are dropped: they would
 * be truncated copies of episodes already stored.
 *
 * Event time comes from the data (tag block `c:`, receiver metadata) and,
 * for lines without one, from the source's receive time.
 */
import { AisReceiver, type AisMessage, type LineRejection, type MessageContext, type ReceiverSink } from '@tidewatch/ais';
import { copyStatic, emptyPosition, positionFromAis, staticFromAis, type EngineEvent, type Observation, type PositionObservation, type StaticObservation, type PositionSource } from '@tidewatch/engine';
import type { EventRecord } from '@tidewatch/protocol';
import type { LivePicture } from './live/picture.js';
import type { Ingest, LineChannel, SourceStatus } from './ingest/source.js';
import { Batch, type CursorRow } from './store/batch.js';
import { storedEvent } from './store/event-record.js';
import type { Store } from './store/store.js';

/** The engine as the pipeline uses it (`@tidewatch/engine`'s `Engine` fits). */
export interface EventEngine {
  push(observation: Observation, emit: (event: EngineEvent) => void): void;
  advance(t: number, emit: (event: EngineEvent) => void): void;
  finish(emit: (event: EngineEvent) => void): void;
}

export interface PipelineOptions {
  flushMs: number;
  flushRows: number;
  /** How much recent journal a restart re-feeds, hours of data time. */
  refeedHours: number;
  /** After a cold re-feed, events starting this soon after the window's start are dropped. */
  warmupMinutes: number;
  /** Wall clock (receive times, health). */
  now: () => number;
}

export const DEFAULT_PIPELINE: PipelineOptions = { flushMs: 250, flushRows: 5000, refeedHours: 6, warmupMinutes: 60, now: Date.now };

/** Data that arrives within this of its own time is live: the engine then follows the wall clock through silences. */
const LIVE_WITHIN_MS = 10 * 60_000;
/** Silence after which the engine's clock is carried forward. */
const QUIET_MS = 5000;
/** The last journal seq of the engine run that was finished, and the first. */
const ENGINE_FINISHED_SEQ = 'engine_finished_seq';
const FINISHED_RUN_FROM = 'finished_run_from_seq';
const REFEED_PAGE = 10_000;

export interface ResumeReport {
  /** Journal entries handed to the engine again. */
  refed: number;
  /** The re-feed started where the engine had started: its state is exactly what it was. */
  exact: boolean;
  /** Events dropped as artefacts of a cold start. */
  suppressed: number;
}

export class Pipeline implements Ingest {
  private engine: EventEngine;
  private seq: number;
  private readonly batch = new Batch();
  private readonly position: PositionObservation = emptyPosition();
  private flushTimer: NodeJS.Timeout | undefined;
  private clockTimer: NodeJS.Timeout | undefined;
  private flushQueued = false;
  private suppressBefore = -Infinity;
  private suppressed = 0;
  /** Wall time of the last message taken. */
  private lastArrival = -Infinity;
  private readonly emit = (e: EngineEvent): void => this.takeEvent(e);
  private readonly options: PipelineOptions;
  /** Calls to `flush` that wrote something; lets tests and benchmarks wait for the store. */
  commits = 0;

  constructor(
    private readonly store: Store,
    private readonly createEngine: () => EventEngine,
    private readonly picture: LivePicture,
    private readonly onEvent: (record: EventRecord) => void,
    private readonly onFinished: (status: SourceStatus) => void,
    options: Partial<PipelineOptions> = {},
  ) {
    this.options = { ...DEFAULT_PIPELINE, ...options };
    this.engine = createEngine();
    this.seq = store.nextSeq();
  }

  /** Newest position time seen (data time), -Infinity before any. */
  get newest(): number {
    return this.picture.newest;
  }

  /** Restores the live picture and re-feeds the engine from the journal (see the module comment). */
  resume(): ResumeReport {
    this.store.eachVessel((row) => this.picture.restore(row));
    return this.refeed(Number(this.store.meta(ENGINE_FINISHED_SEQ) ?? 0), Infinity);
  }

  /**
   * A new engine (over the layers now in force) re-fed from the journal, as at
   * a restart: what the layers change shows from the re-feed window on.
   * Ingest waits meanwhile (the re-feed runs to its end without yielding, so
   * no new observation can slip in before older ones). When nothing came in
   * since the engine last finished (a replay that ended), that finished run is
   * re-fed and finished again instead, so a layer drawn after a replay applies
   * to the replay.
   */
  rebuildEngine(): ResumeReport {
    this.flush();
    this.engine = this.createEngine();
    this.suppressBefore = -Infinity;
    this.suppressed = 0;
    const finishedSeq = Number(this.store.meta(ENGINE_FINISHED_SEQ) ?? 0);
    const finishedFrom = this.store.meta(FINISHED_RUN_FROM);
    if (finishedSeq > 0 && finishedFrom !== undefined && this.store.journal(finishedSeq, 1).length === 0) {
      const report = this.refeed(Number(finishedFrom) - 1, finishedSeq);
      this.engine.finish(this.emit);
      this.flush();
      this.engine = this.createEngine();
      return report;
    }
    return this.refeed(finishedSeq, Infinity);
  }

  /**
   * Re-feeds the journal entries with afterSeq < seq <= untilSeq (the run of
   * one engine), from the start of the run or of the re-feed window, whichever
   * is later (see the module comment).
   */
  private refeed(afterSeq: number, untilSeq: number): ResumeReport {
    const report: ResumeReport = { refed: 0, exact: true, suppressed: 0 };
    const first = this.store.journal(afterSeq, 1)[0];
    if (first === undefined || first.seq > untilSeq || !Number.isFinite(this.picture.newest)) return report;
    const last = Math.min(untilSeq, this.seq - 1);
    const windowStart = this.picture.newest - this.options.refeedHours * 3_600_000;
    const windowSeq = this.store.journalSeqAt(windowStart);
    let after = first.seq - 1;
    if (windowSeq > first.seq || !this.store.journalCompleteSince(first.t)) {
      after = Math.max(windowSeq, first.seq) - 1;
      report.exact = false;
      this.suppressBefore = windowStart + this.options.warmupMinutes * 60_000;
    }
    for (;;) {
      const page = this.store.journal(after, REFEED_PAGE);
      let n = 0;
      for (const entry of page) {
        if (entry.seq > last) break;
        this.engine.push(entry.kind === 'position' ? this.positionOf(entry) : copyStatic(entry), this.emit);
        after = entry.seq;
        n++;
      }
      report.refed += n;
      this.flush();
      if (n < REFEED_PAGE) break;
    }
    report.suppressed = this.suppressed;
    return report;
  }

  /** Starts the flush timer and the live clock. */
  start(): void {
    this.flushTimer = setInterval(() => this.flush(), this.options.flushMs);
    this.clockTimer = setInterval(() => this.followWallClock(), 1000);
  }

  /** Stops the timers and writes what is pending. */
  stop(): void {
    if (this.flushTimer !== undefined) clearInterval(this.flushTimer);
    if (this.clockTimer !== undefined) clearInterval(this.clockTimer);
    this.flushTimer = this.clockTimer = undefined;
    this.flush();
  }

  channel(status: SourceStatus): LineChannel {
    return new Channel(this, status);
  }

  progress(cursor: CursorRow): void {
    this.batch.cursors.set(cursor.name, cursor);
  }

  storedProgress(name: string): CursorRow | undefined {
    return this.store.cursor(name);
  }

  finished(status: SourceStatus): void {
    this.onFinished(status);
  }

  /**
   * End of input: the engine closes what the data allows, as a batch replay
   * does at the end of its file, and a fresh engine takes whatever comes next.
   */
  finishEngine(): void {
    this.flush();
    const finishedSeq = Number(this.store.meta(ENGINE_FINISHED_SEQ) ?? 0);
    const first = this.store.journal(finishedSeq, 1)[0];
    this.engine.finish(this.emit);
    if (first !== undefined) {
      this.batch.meta.set(FINISHED_RUN_FROM, String(first.seq));
      this.batch.meta.set(ENGINE_FINISHED_SEQ, String(this.seq - 1));
    }
    this.flush();
    this.engine = this.createEngine();
  }

  /** Writes the pending batch in one transaction. */
  flush(): void {
    this.flushQueued = false;
    this.picture.drainDirty((row) => this.batch.vessels.push(row));
    if (this.batch.empty) return;
    this.store.commit(this.batch);
    this.batch.clear();
    this.commits++;
  }

  /** One decoded message from a channel (not silent). */
  take(msg: AisMessage, t: number, status: SourceStatus): void {
    status.messages++;
    status.lastMessage = this.lastArrival = this.options.now();
    const p = this.position;
    if (positionFromAis(msg, t, p)) this.takePosition(p);
    const s = staticFromAis(msg, t);
    if (s !== undefined) this.takeStatic(s);
  }

  private takePosition(p: PositionObservation): void {
    const seq = this.seq++;
    this.batch.position(seq, p.mmsi, p.t, p.lat, p.lon, p.sog, p.cog, p.heading, p.navStatus, p.source);
    this.picture.position(p);
    this.engine.push(p, this.emit);
    this.queueFlushWhenFull();
  }

  private takeStatic(s: StaticObservation): void {
    const seq = this.seq++;
    this.batch.statics.push({ seq, ...staticRow(s) });
    if (this.picture.identity(s)) {
      const slot = this.picture.slotOf(s.mmsi);
      const pic = this.picture;
      this.batch.identities.push({ mmsi: s.mmsi, t: s.t, name: pic.name[slot]!, callsign: pic.callsign[slot]!, imo: pic.imo[slot]!, shipType: pic.shipType[slot]! });
    }
    this.engine.push(s, this.emit);
    this.queueFlushWhenFull();
  }

  private takeEvent(e: EngineEvent): void {
    if (Date.parse(e.start) < this.suppressBefore) {
      this.suppressed++;
      return;
    }
    const stored = storedEvent(e);
    this.batch.events.set(stored.record.id, stored);
    this.onEvent(stored.record);
  }

  /** Flushes soon, between two lines, when the batch is full. */
  private queueFlushWhenFull(): void {
    if (this.flushQueued || this.batch.size < this.options.flushRows) return;
    this.flushQueued = true;
    setImmediate(() => {
      if (this.flushQueued) this.flush();
    });
  }

  /**
   * With live data, time passes even when nobody reports, and the engine needs
   * it to notice silence: once nothing has arrived for a few seconds, data
   * time is carried forward by the wall time since the last arrival. Carried
   * from the newest data time, not set to the wall clock, so a feed whose tag
   * times lag the clock does not find its next lines already late.
   */
  private followWallClock(): void {
    const quiet = this.options.now() - this.lastArrival;
    // Live: the newest data was about the wall time when it arrived (a replay of last year is not).
    const live = Math.abs(this.lastArrival - this.picture.newest) < LIVE_WITHIN_MS;
    if (live && quiet >= QUIET_MS) this.engine.advance(this.picture.newest + quiet, this.emit);
  }

  private positionOf(entry: { mmsi: number; t: number; lat: number; lon: number; sog: number; cog: number; heading: number; navStatus: number; source: number }): PositionObservation {
    const p = this.position;
    p.mmsi = entry.mmsi;
    p.t = entry.t;
    p.lat = entry.lat;
    p.lon = entry.lon;
    p.sog = entry.sog;
    p.cog = entry.cog;
    p.heading = entry.heading;
    p.navStatus = entry.navStatus;
    p.source = entry.source as PositionSource;
    return p;
  }
}

/** One stream of lines with its own reassembly. */
class Channel implements LineChannel, ReceiverSink {
  silent = false;
  lastTime = NaN;
  private readonly receiver: AisReceiver;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly status: SourceStatus,
  ) {
    this.receiver = new AisReceiver(this);
  }

  get openGroups(): number {
    return this.receiver.openGroups;
  }

  pushBytes(buf: Uint8Array, start: number, end: number, receivedAt: number): void {
    if (!this.silent) this.status.lines++;
    this.receiver.pushBytes(buf, start, end, receivedAt);
  }

  pushLine(line: string, receivedAt: number): void {
    if (!this.silent) this.status.lines++;
    this.receiver.pushLine(line, receivedAt);
  }

  end(): void {
    this.receiver.end();
  }

  message(message: AisMessage, context: MessageContext): void {
    const t = context.time;
    if (t === undefined) return; // cannot happen: every push passes a receive time
    this.lastTime = t;
    if (!this.silent) this.pipeline.take(message, t, this.status);
  }

  reject(rejection: LineRejection): void {
    if (!this.silent) this.status.reject(rejection.reason);
  }
}

function staticRow(s: Omit<StaticObservation, 'kind'>) {
  return {
    mmsi: s.mmsi,
    t: s.t,
    name: s.name,
    callsign: s.callsign,
    imo: s.imo,
    shipType: s.shipType,
    toBow: s.toBow,
    toStern: s.toStern,
    toPort: s.toPort,
    toStarboard: s.toStarboard,
    destination: s.destination,
    draught: s.draught,
  };
}
