/**
 * Splits a byte stream into lines without making a string per line: each line
 * is handed on as a byte range of the chunk it lies in. A line split across
 * chunks is copied once into a carry buffer. LF and CR LF both end a line; the
 * last line needs no line ending.
 *
 * A line longer than `maxLine` (binary garbage without newlines) is cut there:
 * its first `maxLine` bytes are handed on (the receiver rejects them as too
 * long) and the rest, up to the next LF, is dropped, so memory stays bounded
 * and the result does not depend on how the input was cut into chunks.
 */
export type LineHandler = (buf: Uint8Array, start: number, end: number) => void;

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  private carry: Uint8Array;
  private carryLength = 0;
  /** The carried line was cut at `maxLine`: drop bytes until its LF. */
  private overlong = false;

  constructor(
    private readonly onLine: LineHandler,
    private readonly maxLine = 64 * 1024,
  ) {
    this.carry = new Uint8Array(Math.min(4096, maxLine));
  }

  push(input: Uint8Array): void {
    // Lines go on as plain Uint8Array views, never as Node Buffers: the
    // carried line is one, and a decoder that sees both kinds of array is
    // compiled again for the second (measured: one deoptimisation of each
    // function on the line path, and a slower polymorphic read after). The
    // search for line ends stays on the Buffer, whose indexOf is memchr.
    const chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.length);
    const find = Buffer.isBuffer(input) ? input : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let start = 0;
    let nl = find.indexOf(LF);
    if (this.carryLength > 0 || this.overlong) {
      if (nl < 0) {
        this.keep(chunk, 0, chunk.length);
        return;
      }
      this.keep(chunk, 0, nl);
      this.emit(this.carry, 0, this.carryLength);
      this.carryLength = 0;
      this.overlong = false;
      start = nl + 1;
      nl = find.indexOf(LF, start);
    }
    start = this.emitLines(chunk, find, start, nl);
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /**
   * Hands on every whole line from `start`, the first LF being at `nl`;
   * returns where the unfinished last line starts. Its own function so that
   * the optimised loop, with the whole decoder inlined into it, holds nothing
   * else: with the rare carry path beside it, V8 compiled it again and again
   * (measured: 22 deoptimisations on the 1 M-line corpus in one build, each
   * followed by a recompile of everything inlined).
   */
  private emitLines(chunk: Uint8Array, find: Buffer, start: number, nl: number): number {
    while (nl >= 0) {
      this.emit(chunk, start, nl);
      start = nl + 1;
      nl = find.indexOf(LF, start);
    }
    return start;
  }

  /** End of input: the last line, if it had no line ending. */
  end(): void {
    if (this.carryLength > 0 || this.overlong) this.emit(this.carry, 0, this.carryLength);
    this.carryLength = 0;
    this.overlong = false;
  }

  private emit(buf: Uint8Array, start: number, end: number): void {
    if (end > start && buf[end - 1] === CR) end--;
    // The same cut whether the line came in one chunk or several.
    if (end - start > this.maxLine) end = start + this.maxLine;
    this.onLine(buf, start, end);
  }

  /** Appends `chunk[from..to)` to the carried line, up to `maxLine` bytes. */
  private keep(chunk: Uint8Array, from: number, to: number): void {
    const room = this.maxLine - this.carryLength;
    if (to - from > room) {
      to = from + room;
      this.overlong = true;
    }
    const need = this.carryLength + (to - from);
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.min(this.maxLine, Math.max(need, this.carry.length * 2)));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength = need;
  }
}
