/**
 * Replays a recorded NMEA file (plain or .gz) at a chosen speed.
 *
 * Pacing follows the data: at speed 60 an hour of tag-block time plays in a
 * minute; speed 0 reads as fast as the pipeline takes it. A line without a
 * time of its own is stamped with the replay clock: the data time of the last
 * message before it, or, before the first, the first time the file shows
 * (found by reading ahead up to 1 MiB), so a replay is the same whenever it
 * runs. Only a file with no times in that stretch is stamped with the wall
 * clock as it is read, like a live feed.
 *
 * A replay survives a restart: its progress (see `CursorRow`) is committed with
 * the data it produced, and a restarted server resumes the same file (same
 * size and first 64 KiB) where it stopped, or skips it when it had finished.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
import { AisReceiver, Reject } from '@tidewatch/ais';
import type { CursorRow } from '../store/batch.js';
import { DEFAULT_MAX_LINE } from './line-splitter.js';
import { SourceStatus, type Ingest, type LineChannel, type Source } from './source.js';

export interface FileReplayOptions {
  name: string;
  path: string;
  /** Data seconds per wall second; 0 for as fast as possible. */
  speed: number;
  now?: () => number;
}

/** The source name of a replayed file. */
export function replayName(path: string): string {
  return `replay:${basename(path)}`;
}

export function fileReplaySource(options: FileReplayOptions, ingest: Ingest): Source & { readonly done: Promise<void> } {
  return new FileReplay(options, ingest);
}

const FINGERPRINT_BYTES = 65_536;
/** How far a replay reads ahead for the file's first time. */
const LOOKAHEAD_BYTES = 1 << 20;
/** Sleep only when the schedule is this far ahead: shorter waits cost more than they pace. */
const MIN_SLEEP_MS = 4;

class FileReplay implements Source {
  readonly status: SourceStatus;
  readonly done: Promise<void>;
  private resolveDone: () => void = () => {};
  private stopped = false;
  private readonly now: () => number;
  private abort = new AbortController();

  constructor(
    private readonly options: FileReplayOptions,
    private readonly ingest: Ingest,
  ) {
    this.status = new SourceStatus(options.name, 'file-replay', 'connecting');
    this.status.note = options.path;
    this.now = options.now ?? Date.now;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  start(): void {
    this.run()
      .catch((e: unknown) => {
        if (this.stopped) return;
        this.status.state = 'disconnected';
        this.status.note = `${this.options.path}: ${(e as Error).message}`;
      })
      .finally(() => this.resolveDone());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    const { path } = this.options;
    const fingerprint = await fingerprintOf(path);
    const stored = this.ingest.storedProgress(this.status.name);
    const resume = stored !== undefined && stored.fingerprint === fingerprint ? stored : undefined;
    const cursor: CursorRow = resume !== undefined
      ? { ...resume }
      : { name: this.status.name, fingerprint, safeOffset: 0, safeLine: 0, doneLine: 0, clockMs: NaN, finished: false };
    if (cursor.finished) {
      this.status.state = 'finished';
      this.ingest.finished(this.status);
      return;
    }
    this.status.state = 'replaying';
    if (Number.isNaN(cursor.clockMs)) cursor.clockMs = await firstTimeIn(path);
    const channel = this.ingest.channel(this.status);
    await this.read(path, cursor, channel);
    if (this.stopped) return;
    channel.silent = false;
    channel.end();
    cursor.finished = true;
    this.ingest.progress({ ...cursor });
    this.status.state = 'finished';
    this.ingest.finished(this.status);
  }

  /** Reads from the cursor's safe point to the end, feeding `channel` and advancing `cursor`. */
  private async read(path: string, cursor: CursorRow, channel: LineChannel): Promise<void> {
    const gz = path.endsWith('.gz');
    const signal = this.abort.signal;
    const { stream, close } = openBytes(path, cursor.safeOffset);
    signal.addEventListener('abort', close, { once: true });
    // A gzip stream cannot seek: skip to the safe point by reading.
    let skip = gz ? cursor.safeOffset : 0;
    let offset = cursor.safeOffset;
    let line = cursor.safeLine;
    const carry = new Uint8Array(DEFAULT_MAX_LINE);
    let carried = 0;
    let tooLong = false;
    const pace = new Pacer(this.options.speed, this.now);
    channel.silent = line < cursor.doneLine;

    const takeLine = (buf: Uint8Array, start: number, end: number, lineBytes: number): void => {
      line++;
      offset += lineBytes;
      channel.silent = line <= cursor.doneLine;
      const clock = Number.isFinite(channel.lastTime) ? channel.lastTime : Number.isFinite(cursor.clockMs) ? cursor.clockMs : this.now();
      channel.pushBytes(buf, start, end, clock);
      if (channel.openGroups === 0) {
        cursor.safeOffset = offset;
        cursor.safeLine = line;
      }
      if (line > cursor.doneLine) cursor.doneLine = line;
      if (Number.isFinite(channel.lastTime)) cursor.clockMs = channel.lastTime;
    };

    try {
      for await (const raw of stream) {
        if (this.stopped) return;
        let chunk = raw as Buffer;
        if (skip > 0) {
          const n = Math.min(skip, chunk.length);
          skip -= n;
          chunk = chunk.subarray(n);
        }
        let start = 0;
        while (start < chunk.length) {
          const nl = chunk.indexOf(0x0a, start);
          const end = nl < 0 ? chunk.length : nl;
          if (nl < 0) {
            // The line continues in the next chunk.
            if (!tooLong && carried + (end - start) <= carry.length) {
              carry.set(chunk.subarray(start, end), carried);
              carried += end - start;
            } else {
              tooLong = true;
              carried += end - start;
            }
            break;
          }
          if (carried > 0 || tooLong) {
            const bytes = carried + (end - start) + 1;
            if (tooLong || carried + (end - start) > carry.length) {
              line++;
              offset += bytes;
              this.status.lines++;
              this.status.reject(Reject.LINE_TOO_LONG);
            } else {
              carry.set(chunk.subarray(start, end), carried);
              takeLine(carry, 0, carried + (end - start), bytes);
            }
            carried = 0;
            tooLong = false;
          } else {
            takeLine(chunk, start, end, end - start + 1);
          }
          start = nl + 1;
          if (!channel.silent) {
            const wait = pace.delay(channel.lastTime);
            if (wait >= MIN_SLEEP_MS) {
              this.ingest.progress({ ...cursor });
              await sleep(wait, undefined, { signal }).catch(() => undefined);
              if (this.stopped) return;
            }
          }
        }
        this.ingest.progress({ ...cursor });
        await yieldToLoop();
      }
    } finally {
      close();
    }
    if (carried > 0 && !tooLong) takeLine(carry, 0, carried, carried);
  }
}

/** Maps data time to wall time at `speed`, anchored at the first timed line. */
class Pacer {
  private dataAnchor = NaN;
  private wallAnchor = NaN;

  constructor(
    private readonly speed: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds to wait before the line after one at data time `t`. */
  delay(t: number): number {
    if (!(this.speed > 0) || !Number.isFinite(t)) return 0;
    const now = this.now();
    if (Number.isNaN(this.dataAnchor)) {
      this.dataAnchor = t;
      this.wallAnchor = now;
      return 0;
    }
    const due = this.wallAnchor + (t - this.dataAnchor) / this.speed;
    // Data going back in time (feeds merged out of order) plays at once.
    return due - now;
  }
}

/** The first message time in the file's first MiB (tag block or receiver metadata), NaN when there is none. */
async function firstTimeIn(path: string): Promise<number> {
  let first = NaN;
  const receiver = new AisReceiver({
    message: (_m, context) => {
      if (Number.isNaN(first) && context.time !== undefined) first = context.time;
    },
    reject: () => {},
  });
  const { stream, close } = openBytes(path, 0);
  let read = 0;
  let carry = '';
  for await (const chunk of stream) {
    const text = carry + (chunk as Buffer).toString('latin1');
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      receiver.pushLine(line);
      if (!Number.isNaN(first)) break;
    }
    read += (chunk as Buffer).length;
    if (!Number.isNaN(first) || read >= LOOKAHEAD_BYTES) break;
  }
  close();
  return first;
}

/**
 * The file's bytes from `start` (decompressed, for .gz: a gzip stream cannot
 * seek, so it is read from the beginning and the caller skips). `close`
 * releases the file and the inflater together.
 */
function openBytes(path: string, start: number): { stream: NodeJS.ReadableStream & AsyncIterable<unknown>; close: () => void } {
  if (!path.endsWith('.gz')) {
    const file = createReadStream(path, { start });
    return { stream: file, close: () => file.destroy() };
  }
  const file = createReadStream(path);
  const gunzip = createGunzip();
  file.on('error', (e) => gunzip.destroy(e));
  file.pipe(gunzip);
  return {
    stream: gunzip,
    close: () => {
      file.destroy();
      gunzip.destroy();
    },
  };
}

/** Size and a hash of the first 64 KiB: enough to tell a file from another with the same name. */
async function fingerprintOf(path: string): Promise<string> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
    await handle.read(head, 0, head.length, 0);
    return `${size}:${createHash('sha256').update(head).digest('hex').slice(0, 32)}`;
  } finally {
    await handle.close();
  }
}
