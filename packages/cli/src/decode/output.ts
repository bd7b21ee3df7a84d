/**
 * Text written in big blocks, with backpressure. Each line is encoded at once
 * into a preallocated block (UTF-8), or printed straight into a block lent
 * out (`emptyBlock`, `writeBlock`), so that no large string is built up and
 * kept alive across garbage collections; full blocks are written by `flush`,
 * which waits while the stream says it is full. A block the stream has
 * finished with comes back for reuse, so a long run touches a few megabytes
 * of fresh memory, not one new block per megabyte of output. A reader that goes away
 * (`| head` closes the pipe: EPIPE) is not an error: the output is marked
 * closed and the caller stops.
 */
import type { Writable } from 'node:stream';

/** Bytes per block written to the stream. */
export const BLOCK = 1 << 20;
/** Blocks kept for reuse: more than a stream holds between two flushes. */
const MAX_SPARE = 8;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

export class TextOutput {
  private block: Buffer = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private readonly full: Buffer[] = [];
  /** Blocks the stream has written out, ready to be filled again. */
  private readonly spare: Buffer[] = [];
  private broken = false;
  private failure: Error | undefined = undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.broken = true;
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') this.failure = e;
    });
  }

  /** The reader has gone away; nothing more will be written. */
  get closed(): boolean {
    return this.broken;
  }

  /** A write error other than the reader going away. */
  get error(): Error | undefined {
    return this.failure;
  }

  write(text: string): void {
    const worst = text.length * MAX_UTF8_PER_UNIT;
    if (this.used + worst > BLOCK) this.seal();
    if (worst > BLOCK) this.full.push(Buffer.from(text, 'utf8'));
    else this.used += this.block.write(text, this.used, 'utf8');
  }

  /**
   * An empty block to print into directly (a printer that makes bytes itself),
   * handed back filled through `writeBlock`: output with no copy at all.
   */
  emptyBlock(): Uint8Array {
    const b = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    return new Uint8Array(b.buffer, b.byteOffset, BLOCK);
  }

  /** The filled part of a block from `emptyBlock` (or any bytes the caller gives up), queued as it is. */
  writeBlock(bytes: Uint8Array): void {
    this.seal();
    this.full.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  }

  /** Writes the full blocks (and with `force` the partial one), waiting while the stream is full. */
  async flush(force = false): Promise<void> {
    if (force) this.seal();
    while (this.full.length > 0) {
      const chunk = this.full.shift()!;
      if (this.broken) continue;
      if (!this.stream.write(chunk, this.reuse(chunk))) await this.drained();
    }
  }

  /** A write callback that takes back the block under `chunk`, when it is one of ours and the write succeeded. */
  private reuse(chunk: Buffer): ((e?: Error | null) => void) | undefined {
    if (chunk.byteOffset !== 0 || chunk.buffer.byteLength !== BLOCK) return undefined;
    return (e) => {
      if (!e && this.spare.length < MAX_SPARE) this.spare.push(Buffer.from(chunk.buffer, 0, BLOCK));
    };
  }

  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.block.subarray(0, this.used));
    this.block = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}
