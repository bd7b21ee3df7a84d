/**
 * The bytes to decode: a file or standard input, gunzipped on the fly when
 * they start with gzip's magic bytes (whatever the file is called).
 *
 * Opening fails as a value (a message for the user); a read or gunzip error
 * later ends the byte stream and is kept in `error`, so that everything read
 * before it is still decoded.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

export interface Input {
  /** The decoded bytes, in chunks. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Size of the raw input in bytes, when known (a regular file). */
  readonly size: number | undefined;
  /** Raw bytes read so far (before gunzip), for progress. */
  readonly bytesRead: () => number;
  /** Why reading stopped early, if it did. */
  readonly error: () => Error | undefined;
  /** Stops reading (the output has gone away). */
  readonly close: () => void;
}

export type Opened = { ok: true; input: Input } | { ok: false; message: string };

/** Opens `path` ('-' or undefined: standard input). */
export async function openInput(path: string | undefined, stdin: Readable): Promise<Opened> {
  if (path === undefined || path === '-') return { ok: true, input: fromStream(stdin, undefined) };
  let size: number;
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      return { ok: false, message: `cannot read ${path}: it is a directory` };
    }
    size = stat.isFile() ? stat.size : NaN;
  } catch (e) {
    await handle?.close();
    return { ok: false, message: `cannot read ${path}: ${why(e as NodeJS.ErrnoException)}` };
  }
  const file = new FileChunks(handle);
  return { ok: true, input: fromSource(file.chunks(), Number.isNaN(size) ? undefined : size, () => file.stop(), true) };
}

/** Bytes read at a time from a file. */
const CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes, read into the same two buffers in turn: a chunk stays as
 * it is until the next but one is asked for. A new buffer a read, as a read
 * stream gives, costs the kernel a page fault for every 4 KiB it copies in
 * (a quarter of a replay's page faults), and reaches the decoder out of cache.
 */
class FileChunks {
  private stopped = false;

  constructor(private readonly handle: FileHandle) {}

  async *chunks(): AsyncGenerator<Uint8Array> {
    const buffers = [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
    try {
      for (let turn = 0; !this.stopped; turn ^= 1) {
        const buffer = buffers[turn]!;
        const { bytesRead } = await this.handle.read(buffer, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) return;
        yield bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead);
      }
    } finally {
      await this.handle.close().catch(() => undefined);
    }
  }

  stop(): void {
    this.stopped = true;
  }
}

function fromStream(raw: Readable, size: number | undefined): Input {
  return fromSource(raw as AsyncIterable<Buffer>, size, () => raw.destroy(), false);
}

/**
 * `reused`: the source hands out buffers it fills again later (FileChunks),
 * so what goes to gunzip, which may read a chunk after the next is asked
 * for, is copied first.
 */
function fromSource(source: AsyncIterable<Uint8Array>, size: number | undefined, stop: () => void, reused: boolean): Input {
  let bytes = 0;
  let error: Error | undefined = undefined;
  let gunzip: ReturnType<typeof createGunzip> | undefined = undefined;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      bytes += chunk.length;
      yield chunk;
    }
  };
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    const source = counted()[Symbol.asyncIterator]();
    try {
      // Look at the first two bytes (a pipe may deliver a single byte first).
      let head: Uint8Array = new Uint8Array(0);
      while (head.length < 2) {
        const next = await source.next();
        if (next.done) break;
        head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
      }
      if (head.length === 0) return;
      if (head[0] !== GZIP_MAGIC_0 || head[1] !== GZIP_MAGIC_1) {
        yield head;
        for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
        return;
      }
      const rest = async function* (): AsyncGenerator<Uint8Array> {
        yield reused ? head.slice() : head;
        for (let next = await source.next(); !next.done; next = await source.next()) yield reused ? next.value.slice() : next.value;
      };
      const z = createGunzip({ chunkSize: 1 << 20 });
      gunzip = z;
      // The gunzip error, if any, also ends the loop below; the pipeline's own rejection is not news.
      pipeline(Readable.from(rest()), z).catch(() => undefined);
      for await (const chunk of z as AsyncIterable<Buffer>) yield chunk;
    } catch (e) {
      error = e as Error;
    }
  };
  return {
    chunks: chunks(),
    size,
    bytesRead: () => bytes,
    error: () => error,
    close: () => {
      gunzip?.destroy();
      stop();
    },
  };
}

/** The reason an open failed, in words. */
function why(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.message;
}
