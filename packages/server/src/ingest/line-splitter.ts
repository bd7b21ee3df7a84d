/**
 * Bytes from a stream → lines, with a bound on how much a line may hold.
 *
 * TCP delivers chunks that cut lines anywhere; the tail of a chunk waits in a
 * fixed carry buffer for the rest of its line. A peer that sends no newline
 * cannot make us buffer without bound: past `maxLine` bytes the line is
 * dropped up to its newline and reported once as too long.
 */
import { Reject } from '@tidewatch/ais';

/** Longer than any real sentence with a tag block (NMEA allows 82 characters plus the tag block). */
export const DEFAULT_MAX_LINE = 1024;

const LF = 0x0a;

export class LineSplitter {
  private readonly carry: Uint8Array;
  private carried = 0;
  private discarding = false;

  constructor(
    private readonly onLine: (buf: Uint8Array, start: number, end: number) => void,
    private readonly onReject: (reason: string) => void,
    maxLine = DEFAULT_MAX_LINE,
  ) {
    this.carry = new Uint8Array(maxLine);
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    const n = chunk.length;
    while (start < n) {
      const nl = chunk.indexOf(LF, start);
      if (nl < 0) {
        this.keep(chunk, start, n);
        return;
      }
      if (this.discarding) {
        this.discarding = false;
      } else if (this.carried > 0) {
        if (this.keep(chunk, start, nl)) this.onLine(this.carry, 0, this.carried);
        this.carried = 0;
        this.discarding = false;
      } else if (nl - start > this.carry.length) {
        this.onReject(Reject.LINE_TOO_LONG);
      } else {
        this.onLine(chunk, start, nl);
      }
      start = nl + 1;
    }
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): void {
    if (this.carried > 0 && !this.discarding) this.onLine(this.carry, 0, this.carried);
    this.carried = 0;
    this.discarding = false;
  }

  /** Appends to the carry; false (and discarding from here to the newline) when the line is too long. */
  private keep(chunk: Uint8Array, from: number, to: number): boolean {
    if (this.discarding) return false;
    if (this.carried + (to - from) > this.carry.length) {
      this.onReject(Reject.LINE_TOO_LONG);
      this.carried = 0;
      this.discarding = true;
      return false;
    }
    this.carry.set(chunk.subarray(from, to), this.carried);
    this.carried += to - from;
    return true;
  }
}
