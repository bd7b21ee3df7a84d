/**
 * The reorder buffer at the engine's front door.
 *
 * Feeds merged from several receivers, or from a satellite and a coastal
 * network, deliver messages a few seconds out of order. The buffer holds
 * observations for `windowMs` of event time in one-second buckets and
 * releases a second only when the newest time seen is `windowMs` past its end;
 * each released second is sorted by a total order on the observation's
 * content (time, MMSI, kind, then every field), so the order observations
 * arrive in within the window cannot change what the engine sees, and two
 * observations never tie unless they are identical.
 *
 * An observation older than the last released second is late: it is counted
 * and dropped, because admitting it would make results depend on arrival
 * order after all.
 *
 * An observation far ahead of the stream's time (more than `LEAP_MS`) does
 * not move the stream's clock on its own word: real feeds carry the odd
 * report stamped hours or a day off (the SBARC week has one vessel's reports
 * a day early), and trusting it would release everything before it and turn
 * the rest of the day late. Such observations wait aside, in time order, and
 * join the stream when its time reaches them; the stream leaps forward only
 * when the leap is corroborated — `LEAP_CONFIRM` observations at two or more
 * distinct times (a feed back from an outage, a replay of a later file) — or
 * when more than `LEAP_POOL` observations wait, or at the end of input.
 *
 * Positions are copied into their second's bucket, one row of eight numbers
 * (a cache line) each, so a second's rows lie together in arrival order and
 * are sorted and released from where they were written (no object per
 * message); static observations, a few per cent of traffic, are kept as
 * objects beside their row.
 */
import type { Observation, PositionObservation, StaticObservation } from '../observe/observation.js';
import { PositionSource, copyPosition, copyStatic, emptyPosition } from '../observe/observation.js';
import { resize } from '../track/track-table.js';

const KIND_POSITION = 1;
const KIND_STATIC = 2;

/** Row layout: eight float64 per row. `TAG` packs MMSI, kind and source: mmsi·16 + kind·4 + source. */
const STRIDE = 8;
const T = 0;
const LAT = 1;
const LON = 2;
const SOG = 3;
const COG = 4;
const HEADING = 5;
const NAV_STATUS = 6;
const TAG = 7;

/** A step forward in event time larger than this must be corroborated before the stream follows it. */
export const LEAP_MS = 10 * 60_000;
/** Observations ahead of the stream (at two or more distinct times) that corroborate a leap. */
const LEAP_CONFIRM = 3;
/** Observations waiting ahead before the stream follows them regardless. */
const LEAP_POOL = 1024;

/** Below this many rows a second is sorted by insertion; above, by radix. */
const SMALL = 48;
const DIGIT_BITS = 10;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
/** Three digits of the MMSI (30 bits), then the millisecond. */
const DIGITS = 4;
/** Observations looked ahead at once: enough misses in flight, few enough that their lines stay cached. */
const LOOK_AHEAD = 32;
/**
 * Seconds with fewer observations are released without looking ahead: too
 * few misses to overlap, and the look ahead's lookups would be paid twice (a
 * coastal receiver's second holds one to three reports).
 */
const LOOK_AHEAD_MIN = 8;
/**
 * A run's vessels spread over more slots than this have their per-vessel
 * state (some twenty columns of eight bytes a slot) beyond what the cache
 * holds at once: their state is read ahead (`LookAhead.state`).
 */
const SPREAD_SLOTS = 2048;

/**
 * What the buffer asks about the vessel of an observation it will soon
 * release, in up to three steps; none may change anything the engine decides on.
 */
export interface LookAhead {
  /** Where the vessel's state is kept (the entry of an index): a load that needs nothing else, returning what it read. */
  where(mmsi: number): number;
  /**
   * The state itself, once `where` has brought its entry near: reads it and
   * returns the vessel's slot (-1: none yet), which is handed back with the
   * observation so that the vessel is not looked up twice.
   */
  slot(mmsi: number): number;
  /**
   * Once the slots of a run of observations are known: reads the vessel's
   * state that releasing a position will read first (its branch, its place in
   * the grid of positions, each detector's per-vessel state), returning what
   * it read. Loads for a few dozen vessels in a row do not wait on one
   * another, so their misses overlap rather than stall each report in turn.
   */
  state(slot: number): number;
}

/**
 * Takes a released observation (a position object reused between calls),
 * with the slot the look ahead found for its vessel: -1 when it found none or
 * was not asked. Nothing closes a slot while a second is being released, so
 * a slot found is still the vessel's.
 */
export type Release = (obs: Observation, slot: number) => void;

export class ReorderBuffer {
  readonly windowMs: number;
  /** Buckets in the ring: enough seconds for the window plus the ones being filled and released. */
  private readonly ringSize: number;
  /**
   * Per bucket: its rows in arrival order (STRIDE numbers each), the static
   * observations beside them (by row), and how many rows. Each bucket's
   * array grows to the busiest second it has held and is reused.
   */
  private readonly bucketData: Float64Array[];
  private readonly bucketStatics: Array<StaticObservation | undefined>[];
  private readonly bucketLength: Int32Array;
  /** The last second (floor(t / 1000)) released; everything at or before it is late. NaN before any input. */
  private releasedSecond = NaN;
  /**
   * The bucket of `releasedSecond`. Every second held is at most `ringSize - 1`
   * after it (the window and the seconds being filled), so a second's bucket is
   * this one plus the difference, wrapped once: no remainder (an integer
   * division) per observation.
   */
  private releasedBucket = 0;
  /** The newest event time seen. */
  private newest = -Infinity;

  /** Rows held in all buckets. */
  private held = 0;

  // Sorting scratch: each row's MMSI and millisecond-in-second (by row, in arrival order),
  // and the rows in sort order, twice for the radix passes. Only row numbers move: a pass
  // reads a row's digit through its number (the arrays by row fit in the first-level cache).
  private mmsiOf = new Int32Array(64);
  private msOf = new Int32Array(64);
  private rowsA = new Int32Array(64);
  private rowsB = new Int32Array(64);
  /** Per sorted row: the slot the look ahead found. */
  private slots = new Int32Array(64);
  /** The histograms of all four digits, counted in one pass over the rows (a permutation keeps them). */
  private readonly counts = new Int32Array(DIGITS << DIGIT_BITS);
  /** The rows and statics of the second being released (its bucket's). */
  private releasing: Float64Array = new Float64Array(0);
  private releasingStatics: Array<StaticObservation | undefined> = [];
  /** What the last look ahead read, kept so that its loads are not optimised away. */
  touched = 0;

  /** Observations ahead of the stream by more than LEAP_MS, in time order (copies). */
  private ahead: Observation[] = [];
  /** Times the stream followed a corroborated leap forward. */
  leaps = 0;
  /** Observations that waited aside as too far ahead. */
  heldAhead = 0;

  private readonly out: PositionObservation = emptyPosition();

  /**
   * `lookAhead`, when given, is asked about the vessel of each of the next
   * few observations of a second before they are released: the caller reads
   * (and returns something of) the state they will need, so that with a
   * large fleet, whose state is nowhere near the cache, the misses of a few
   * dozen observations overlap instead of coming one after another. It must
   * change nothing.
   */
  constructor(
    windowMs: number,
    private readonly lookAhead?: LookAhead,
  ) {
    if (!(windowMs >= 0 && windowMs <= 3_600_000)) throw new RangeError(`reorder window ${windowMs} ms is outside 0..3600000`);
    this.windowMs = windowMs;
    this.ringSize = Math.ceil(windowMs / 1000) + 3;
    this.bucketData = Array.from({ length: this.ringSize }, () => new Float64Array(16 * STRIDE));
    this.bucketStatics = Array.from({ length: this.ringSize }, () => []);
    this.bucketLength = new Int32Array(this.ringSize);
  }

  /** Observations waiting (in the window and ahead of it). */
  get size(): number {
    return this.held + this.ahead.length;
  }

  /** All event time before this has been released (ms UTC); -Infinity before any release. */
  get releasedThrough(): number {
    return Number.isNaN(this.releasedSecond) ? -Infinity : (this.releasedSecond + 1) * 1000;
  }

  get bytes(): number {
    let rows = 0;
    for (const data of this.bucketData) rows += data.byteLength;
    return rows + 5 * this.rowsA.byteLength + this.counts.byteLength;
  }

  /** The newest event time seen or advanced to (ms UTC), -Infinity before any. */
  get newestTime(): number {
    return this.newest;
  }

  /**
   * Holds `obs` (copied: the caller may reuse it), first releasing every
   * second its time makes final. Returns false, holding nothing, when `obs`
   * is late.
   */
  push(obs: Observation, each: Release, secondDone: (endMs: number) => void): boolean {
    const second = Math.floor(obs.t / 1000);
    if (Number.isNaN(this.releasedSecond)) {
      // The first observation opens the window behind it too: earlier ones may still come.
      this.releaseTo(Math.floor((obs.t - this.windowMs) / 1000) - 1);
    } else if (second <= this.releasedSecond) return false;
    else if (obs.t > this.newest + LEAP_MS) {
      this.waitAhead(obs, each, secondDone);
      return true;
    }
    this.admit(obs, second, each, secondDone);
    if (this.ahead.length > 0) this.admitAhead(this.newest + LEAP_MS, each, secondDone);
    return true;
  }

  /** Takes `obs` into the ring, first releasing what its time makes final. */
  private admit(obs: Observation, second: number, each: Release, secondDone: (endMs: number) => void): void {
    // Release before holding: a step forward in time must empty the ring's old seconds first.
    if (obs.t > this.newest) this.release(obs.t, each, secondDone);
    this.hold(obs, second);
  }

  private waitAhead(obs: Observation, each: Release, secondDone: (endMs: number) => void): void {
    this.heldAhead++;
    const copy: Observation = obs.kind === 'position' ? copyPosition(obs) : copyStatic(obs);
    const ahead = this.ahead;
    let i = ahead.length;
    while (i > 0 && ahead[i - 1]!.t > copy.t) i--;
    ahead.splice(i, 0, copy);
    if (ahead.length > LEAP_POOL || (ahead.length >= LEAP_CONFIRM && ahead[0]!.t !== ahead[ahead.length - 1]!.t)) {
      this.leaps++;
      this.admitAhead(Infinity, each, secondDone);
    }
  }

  /** Admits, in time order, the observations waiting ahead whose time is at most `until`. */
  private admitAhead(until: number, each: Release, secondDone: (endMs: number) => void): void {
    const ahead = this.ahead;
    let n = 0;
    while (n < ahead.length && ahead[n]!.t <= until) {
      const obs = ahead[n++]!;
      this.admit(obs, Math.floor(obs.t / 1000), each, secondDone);
      until = Math.max(until, this.newest + LEAP_MS);
    }
    if (n > 0) this.ahead = ahead.slice(n);
  }

  /**
   * Event time `now` has been reached (by data or by the caller's clock):
   * releases, in order, every second that ended at least `windowMs` before it.
   * `each` gets each observation (a position object reused between calls),
   * `secondDone` each released second's end time after its observations.
   */
  advance(now: number, each: Release, secondDone: (endMs: number) => void): void {
    this.release(now, each, secondDone);
    // The caller's clock is trusted: observations waiting ahead that it has reached come in.
    if (this.ahead.length > 0) this.admitAhead(this.newest + LEAP_MS, each, secondDone);
  }

  private release(now: number, each: Release, secondDone: (endMs: number) => void): void {
    if (now > this.newest) this.newest = now;
    if (Number.isNaN(this.releasedSecond)) return;
    // Second s is final once now - window >= (s + 1) * 1000.
    const last = Math.floor((this.newest - this.windowMs) / 1000) - 1;
    if (last > this.releasedSecond) this.releaseThrough(last, each, secondDone);
  }

  /** Releases everything held, in order (end of input). */
  drain(each: Release, secondDone: (endMs: number) => void): void {
    if (Number.isNaN(this.releasedSecond)) return;
    this.admitAhead(Infinity, each, secondDone);
    this.releaseThrough(Math.floor(this.newest / 1000), each, secondDone);
  }

  private hold(obs: Observation, second: number): void {
    let b = this.releasedBucket + (second - this.releasedSecond);
    if (b >= this.ringSize) b -= this.ringSize;
    const row = this.bucketLength[b]!;
    let d = this.bucketData[b]!;
    if ((row + 1) * STRIDE > d.length) d = this.bucketData[b] = resize(d, 2 * d.length);
    const at = row * STRIDE;
    d[at + T] = obs.t;
    if (obs.kind === 'position') {
      d[at + LAT] = obs.lat;
      d[at + LON] = obs.lon;
      d[at + SOG] = obs.sog;
      d[at + COG] = obs.cog;
      d[at + HEADING] = obs.heading;
      d[at + NAV_STATUS] = obs.navStatus;
      d[at + TAG] = obs.mmsi * 16 + KIND_POSITION * 4 + obs.source;
    } else {
      d[at + TAG] = obs.mmsi * 16 + KIND_STATIC * 4;
      this.bucketStatics[b]![row] = copyStatic(obs);
    }
    this.bucketLength[b] = row + 1;
    this.held++;
  }

  private releaseThrough(last: number, each: Release, secondDone: (endMs: number) => void): void {
    let s = this.releasedSecond;
    while (s < last) {
      // Skip empty stretches in one step once nothing is held (a feed silent for hours).
      if (this.held === 0) {
        this.releaseTo(last);
        secondDone((last + 1) * 1000);
        return;
      }
      s++;
      this.releasedSecond = s;
      if (++this.releasedBucket === this.ringSize) this.releasedBucket = 0;
      this.releaseBucket(this.releasedBucket, each);
      secondDone((s + 1) * 1000);
    }
  }

  /** Marks everything up to `second` released (the first observation, or a silent stretch skipped). */
  private releaseTo(second: number): void {
    this.releasedSecond = second;
    this.releasedBucket = ((second % this.ringSize) + this.ringSize) % this.ringSize;
  }

  private releaseBucket(b: number, each: Release): void {
    const n = this.bucketLength[b]!;
    if (n === 0) return;
    // Emptied before release: rows stay readable until the bucket is filled again, a window later.
    this.bucketLength[b] = 0;
    this.held -= n;
    const d = (this.releasing = this.bucketData[b]!);
    this.releasingStatics = this.bucketStatics[b]!;
    if (n === 1) {
      // A quiet second (one report in most seconds of a coastal feed): nothing to order.
      this.releaseRow(0, -1, each);
      return;
    }
    if (this.rowsA.length < n) this.growScratch(n);
    const rows = this.rowsA;
    const mmsi = this.mmsiOf;
    const ms = this.msOf;
    // Rows start in arrival order, often sorted already.
    let sorted = true;
    let ties = false;
    for (let i = 0; i < n; i++) {
      const at = i * STRIDE;
      const t = d[at + T]!;
      rows[i] = i;
      mmsi[i] = Math.floor(d[at + TAG]! / 16);
      ms[i] = Math.floor(t) - Math.floor(t / 1000) * 1000;
      if (i > 0 && ms[i - 1] === ms[i] && mmsi[i - 1] === mmsi[i]) ties = true;
      else if (i > 0 && (ms[i - 1]! > ms[i]! || (ms[i - 1] === ms[i] && mmsi[i - 1]! > mmsi[i]!))) sorted = false;
    }
    // Sorted with no two neighbours tied: no two rows tie at all. A few rows are sorted with
    // ties settled in the same pass; only the radix sort leaves them for a pass of their own.
    if (sorted) {
      if (ties) this.settleTies(n);
    } else if (n < SMALL) this.insertionSort(n);
    else {
      this.radixSort(n);
      this.settleTies(n);
    }
    const sorted_ = this.rowsA;
    const lookAhead = this.lookAhead;
    if (lookAhead === undefined || n < LOOK_AHEAD_MIN) {
      for (let i = 0; i < n; i++) this.releaseRow(sorted_[i]!, -1, each);
      return;
    }
    // In runs of LOOK_AHEAD: ask where the vessels of the next run are kept, find
    // this run's slots (reading their track records), read the rest of their state
    // when the slots lie far apart, then release the run (see LookAhead). Each step
    // is a loop of loads that do not wait on one another, so their misses overlap.
    const slots = this.slots;
    let touched = this.whereOf(0, Math.min(n, LOOK_AHEAD), lookAhead);
    for (let from = 0; from < n; from += LOOK_AHEAD) {
      const to = Math.min(n, from + LOOK_AHEAD);
      touched += this.whereOf(to, Math.min(n, to + LOOK_AHEAD), lookAhead);
      let low = Infinity;
      let high = -Infinity;
      for (let i = from; i < to; i++) {
        const slot = (slots[i] = lookAhead.slot(mmsi[sorted_[i]!]!));
        if (slot < 0) continue; // not tracked yet: nothing to read ahead
        if (slot < low) low = slot;
        if (slot > high) high = slot;
      }
      // Vessels whose slots lie close together (tracks opened in the order they report) share
      // cache lines already: reading ahead would only add work.
      if (high - low > SPREAD_SLOTS) for (let i = from; i < to; i++) if (slots[i]! >= 0) touched += lookAhead.state(slots[i]!);
      this.touched = touched;
      for (let i = from; i < to; i++) this.releaseRow(sorted_[i]!, slots[i]!, each);
    }
  }

  /** The first step of the look ahead for sorted rows from..to: each row's time, and where its vessel is kept. */
  private whereOf(from: number, to: number, lookAhead: LookAhead): number {
    const d = this.releasing;
    const rows = this.rowsA;
    const mmsi = this.mmsiOf;
    let touched = 0;
    for (let i = from; i < to; i++) {
      const r = rows[i]!;
      touched += d[r * STRIDE + T]! + lookAhead.where(mmsi[r]!);
    }
    return touched;
  }

  /** Hands the observation of row `i` of the second being released to `each`, with its vessel's slot if known. */
  private releaseRow(i: number, slot: number, each: Release): void {
    const d = this.releasing;
    const at = i * STRIDE;
    const tag = d[at + TAG]!;
    if (((tag >> 2) & 3) === KIND_POSITION) each(this.positionAt(d, at, tag), slot);
    else {
      const obs = this.releasingStatics[i]!;
      this.releasingStatics[i] = undefined;
      each(obs, slot);
    }
  }

  /** The position kept at `d[at..]` (tagged `tag`), in the one observation object handed on. */
  private positionAt(d: Float64Array, at: number, tag: number): PositionObservation {
    const out = this.out;
    out.t = d[at + T]!;
    out.mmsi = Math.floor(tag / 16);
    out.lat = d[at + LAT]!;
    out.lon = d[at + LON]!;
    out.sog = d[at + SOG]!;
    out.cog = d[at + COG]!;
    out.heading = d[at + HEADING]!;
    out.navStatus = d[at + NAV_STATUS]!;
    out.source = (tag & 3) as PositionSource;
    return out;
  }

  /**
   * Sorts rowsA[0..n) of a few rows into the release order at once: by
   * (millisecond, MMSI), rows tied on both by content (see settleTies). Stable,
   * as settling ties after a stable sort is, so the order is the same.
   */
  private insertionSort(n: number): void {
    const rows = this.rowsA;
    const mmsi = this.mmsiOf;
    const ms = this.msOf;
    for (let i = 1; i < n; i++) {
      const r = rows[i]!;
      const m = mmsi[r]!;
      const s = ms[r]!;
      let j = i - 1;
      for (; j >= 0; j--) {
        const q = rows[j]!;
        if (ms[q]! < s || (ms[q] === s && (mmsi[q]! < m || (mmsi[q] === m && this.compareRows(q, r) <= 0)))) break;
        rows[j + 1] = q;
      }
      rows[j + 1] = r;
    }
  }

  /**
   * Sorts rowsA[0..n) by (millisecond, MMSI): an LSD radix sort in 10-bit
   * digits (three on the MMSI, one on the millisecond), skipping digits that
   * are the same in every row. Stable: rows tied on both stay in arrival order.
   */
  private radixSort(n: number): void {
    this.countDigits(n);
    for (let pass = 0; pass < DIGITS; pass++) this.radixPass(n, pass);
  }

  /** The histogram of every digit, in one pass over the rows. */
  private countDigits(n: number): void {
    const counts = this.counts;
    // A loop, not fill(): fill on a typed array is a call into the runtime that walks element by element.
    for (let k = 0; k < counts.length; k++) counts[k] = 0;
    const mmsi = this.mmsiOf;
    const ms = this.msOf;
    for (let i = 0; i < n; i++) {
      const m = mmsi[i]!;
      counts[m & DIGIT_MASK]!++;
      counts[(1 << DIGIT_BITS) + ((m >>> DIGIT_BITS) & DIGIT_MASK)]!++;
      counts[(2 << DIGIT_BITS) + ((m >>> (2 * DIGIT_BITS)) & DIGIT_MASK)]!++;
      counts[(3 << DIGIT_BITS) + ms[i]!]!++;
    }
  }

  /** One stable counting pass of the rows from rowsA into rowsB, then swapped; skipped when the digit never varies. */
  private radixPass(n: number, pass: number): void {
    const counts = this.counts;
    const base = pass << DIGIT_BITS;
    // The millisecond (under 1000) is a digit of its own; the MMSI gives three.
    const digits = pass === 3 ? this.msOf : this.mmsiOf;
    const shift = pass === 3 ? 0 : pass * DIGIT_BITS;
    const rows = this.rowsA;
    if (counts[base + ((digits[rows[0]!]! >>> shift) & DIGIT_MASK)] === n) return;
    let sum = 0;
    for (let k = base; k < base + (1 << DIGIT_BITS); k++) {
      const c = counts[k]!;
      counts[k] = sum;
      sum += c;
    }
    const toRows = this.rowsB;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      toRows[counts[base + ((digits[r]! >>> shift) & DIGIT_MASK)]!++] = r;
    }
    this.rowsA = toRows;
    this.rowsB = rows;
  }

  /**
   * Rows still tied on (millisecond, MMSI) are one vessel in one millisecond
   * (repeats heard by two receivers, twin transmitters, a position and its
   * static data): they sit in arrival order, so order them by content.
   */
  private settleTies(n: number): void {
    const rows = this.rowsA;
    const mmsi = this.mmsiOf;
    const ms = this.msOf;
    for (let i = 0; i < n - 1; ) {
      const m = mmsi[rows[i]!]!;
      const s = ms[rows[i]!]!;
      let j = i + 1;
      while (j < n && mmsi[rows[j]!] === m && ms[rows[j]!] === s) j++;
      if (j - i > 1) {
        for (let a = i + 1; a < j; a++) {
          const r = rows[a]!;
          let k = a - 1;
          while (k >= i && this.compareRows(rows[k]!, r) > 0) {
            rows[k + 1] = rows[k]!;
            k--;
          }
          rows[k + 1] = r;
        }
      }
      i = j;
    }
  }

  /** The total order among rows (of the second being released) of one vessel and millisecond: exact time, kind, then content. */
  private compareRows(a: number, b: number): number {
    const d = this.releasing;
    const pa = a * STRIDE;
    const pb = b * STRIDE;
    const byTime = d[pa + T]! - d[pb + T]!;
    if (byTime !== 0) return byTime;
    const kindA = (d[pa + TAG]! >> 2) & 3;
    const kindB = (d[pb + TAG]! >> 2) & 3;
    if (kindA !== kindB) return kindA - kindB;
    if (kindA === KIND_STATIC) return compareStatics(this.releasingStatics[a]!, this.releasingStatics[b]!);
    for (let k = LAT; k <= TAG; k++) {
      const c = compareNumbers(d[pa + k]!, d[pb + k]!);
      if (c !== 0) return c;
    }
    return 0;
  }

  private growScratch(n: number): void {
    const size = Math.max(n, this.rowsA.length * 2);
    this.mmsiOf = new Int32Array(size);
    this.msOf = new Int32Array(size);
    this.rowsA = new Int32Array(size);
    this.rowsB = new Int32Array(size);
    this.slots = new Int32Array(size);
  }
}

/** Numbers in a total order with NaN first (NaN equals NaN). */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStatics(a: StaticObservation, b: StaticObservation): number {
  return (
    compareStrings(a.name, b.name) ||
    compareStrings(a.callsign, b.callsign) ||
    compareNumbers(a.imo, b.imo) ||
    compareNumbers(a.shipType, b.shipType) ||
    compareNumbers(a.toBow, b.toBow) ||
    compareNumbers(a.toStern, b.toStern) ||
    compareNumbers(a.toPort, b.toPort) ||
    compareNumbers(a.toStarboard, b.toStarboard) ||
    compareStrings(a.destination, b.destination) ||
    compareNumbers(a.draught, b.draught)
  );
}
