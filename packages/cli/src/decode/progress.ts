/**
 * Progress of a long decode on a terminal: bytes and lines per second, and
 * the share of the input read when its size is known. It draws on one line of
 * stderr and only when stderr is a terminal; the clock is passed in.
 */
import type { Writable } from 'node:stream';

/** Nothing is drawn for runs shorter than this: small files finish silently. */
const FIRST_DRAW_MS = 1000;
const REDRAW_MS = 250;

export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: Writable & { isTTY?: boolean },
    private readonly now: () => number,
    private readonly size: number | undefined,
  ) {
    this.started = now();
    this.lastDraw = this.started + FIRST_DRAW_MS - REDRAW_MS;
  }

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(bytes: number, lines: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const seconds = Math.max((t - this.started) / 1000, 1e-3);
    const share = this.size !== undefined && this.size > 0 ? ` ${((100 * bytes) / this.size).toFixed(1)}%` : '';
    this.stream.write(`\r${mb(bytes)} MB${share}  ${mb(bytes / seconds)} MB/s  ${(lines / seconds / 1e3).toFixed(0)} k lines/s\u001b[K`);
    this.drawn = true;
  }

  /** Clears the progress line before the summary is written. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
