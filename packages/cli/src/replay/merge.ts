/**
 * Inputs replayed as one stream in event-time order.
 *
 * Several inputs may be split any way (by time, by receiver, by vessel): a
 * k-way merge on observation time, ties broken by input order, gives the
 * engine the same sequence whichever way the data was cut, so the same events
 * come out.
 *
 * Receivers log in time order, but exports are often sorted by vessel or
 * sampled: an input whose first chunk runs backwards in time by more than the
 * engine's reorder window is read whole and sorted in memory (stable, by
 * time), and the run says so; `--sort` does that for every input, for files
 * whose disorder starts later (logs concatenated out of order). Otherwise an
 * input streams, one chunk per input held.
 */
import { copyPosition, type Observation } from '@tidewatch/engine';
import type { Input } from '../decode/input.js';
import type { Emit, ObservationReader } from './observations.js';

export interface Feed {
  readonly reader: ObservationReader;
  readonly input: Input;
}

/** Told when an input is sorted in memory. */
export type OrderNote = (feed: Feed, observations: number) => void;

const copy = (o: Observation): Observation => (o.kind === 'position' ? copyPosition(o) : o);

class Cursor {
  batch: Observation[] = [];
  index = 0;
  done = false;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private readonly collect: Emit = (o) => void this.batch.push(copy(o));

  constructor(readonly feed: Feed) {
    this.chunks = feed.input.chunks[Symbol.asyncIterator]();
  }

  get head(): Observation | undefined {
    return this.batch[this.index];
  }

  /** Reads chunks until there is an observation to offer or the input is over. */
  async fill(): Promise<void> {
    this.batch = [];
    this.index = 0;
    while (this.batch.length === 0 && !this.done) await this.read();
  }

  /** Reads the rest of the input behind what is held, and sorts it all by time. */
  async sortAll(): Promise<void> {
    const held = this.batch.slice(this.index);
    this.batch = held;
    this.index = 0;
    while (!this.done) await this.read();
    this.batch.sort((a, b) => a.t - b.t);
  }

  /** The observations yet to be served run backwards in time by more than `windowMs`. */
  disordered(windowMs: number): boolean {
    let newest = -Infinity;
    for (let i = this.index; i < this.batch.length; i++) {
      const t = this.batch[i]!.t;
      if (t < newest - windowMs) return true;
      if (t > newest) newest = t;
    }
    return false;
  }

  private async read(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) {
      this.feed.reader.end(this.collect);
      this.done = true;
    } else this.feed.reader.push(next.value, this.collect);
  }
}

/** How inputs are ordered: `auto` sorts an input whose first chunk is out of order, `sort` sorts every input. */
export type Ordering = { readonly windowMs: number; readonly sortAll: boolean };

async function open(feed: Feed, order: Ordering, note: OrderNote): Promise<Cursor> {
  const c = new Cursor(feed);
  await c.fill();
  if (order.sortAll || c.disordered(order.windowMs)) {
    await c.sortAll();
    note(feed, c.batch.length);
  }
  return c;
}

/**
 * Pushes every observation of every feed to `emit`, in time order across feeds.
 * `tick` runs after each chunk; it returns false to stop (the output went away).
 */
export async function mergeFeeds(feeds: readonly Feed[], order: Ordering, emit: Emit, tick: () => Promise<boolean>, note: OrderNote): Promise<void> {
  const cursors: Cursor[] = [];
  for (const f of feeds) cursors.push(await open(f, order, note));
  for (;;) {
    let best: Cursor | undefined = undefined;
    for (const c of cursors) {
      const h = c.head;
      if (h !== undefined && (best === undefined || h.t < best.head!.t)) best = c;
    }
    if (best === undefined) return;
    emit(best.head!);
    best.index++;
    if (best.index >= best.batch.length) {
      await best.fill();
      if (!(await tick())) return;
    }
  }
}

/** One input: after its first chunk, streamed without copies when it is in order. */
export async function streamFeed(feed: Feed, order: Ordering, emit: Emit, tick: () => Promise<boolean>, note: OrderNote): Promise<void> {
  const c = await open(feed, order, note);
  for (const o of c.batch) emit(o);
  if (c.done) return;
  if (!(await tick())) return;
  const rest = c.feed.input.chunks; // the cursor has consumed the first chunk(s) of the same iterator
  for await (const chunk of rest) {
    feed.reader.push(chunk, emit);
    if (!(await tick())) return;
  }
  feed.reader.end(emit);
}
