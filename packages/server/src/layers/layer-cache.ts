/**
 * Reference layers as parsed before, kept on disk between runs.
 *
 * Parsing the shipped coastline (2 MB of JSON), the zone files (GeoJSON) and
 * the anchorage list (CSV) took about 300 ms of a 650 ms start-up, every run,
 * for the same files. Their numbers, packed (see layer-pack.ts) under a hash
 * of the source file's bytes, load in a few milliseconds. A file changed in
 * any byte hashes differently and is parsed again, so the cache can never
 * answer for a file it did not see; a damaged or foreign pack is parsed over.
 *
 * Where: `TIDEWATCH_CACHE_DIR`, else `$XDG_CACHE_HOME/tidewatch`, else
 * `~/.cache/tidewatch`; `TIDEWATCH_CACHE_DIR=none` turns it off. A folder
 * that cannot be written is said once in the run's notes, and layers are
 * then parsed every run, as without a cache. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packLayer, unpackLayer, type PackedLayer } from './layer-pack.js';

/** How one kind of layer is packed. `kind` names it and the version of its packing: change it when the packing changes. */
export interface LayerCodec<T> {
  readonly kind: string;
  pack(value: T): PackedLayer;
  /** The value again, or undefined when the pack does not hold one (it is then parsed again). */
  unpack(packed: PackedLayer): T | undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export class LayerCache {
  /** Layers answered from packs, and packs written, this run. */
  hits = 0;
  written = 0;
  /** Why packs could not be written (the first failure), when they could not. */
  private problem: string | undefined = undefined;

  /** `dir` undefined: no cache (every layer parsed, nothing written). */
  constructor(readonly dir: string | undefined) {}

  /** The cache where the environment says (see the module's comment). */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): LayerCache {
    const chosen = env['TIDEWATCH_CACHE_DIR'];
    if (chosen !== undefined && chosen !== '') return new LayerCache(chosen === 'none' ? undefined : chosen);
    const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
    return new LayerCache(join(base, 'tidewatch'));
  }

  /**
   * The layer in the file at `path`: unpacked when this cache packed the
   * same bytes before, else `parse(bytes)`, packed for the next run when it
   * succeeds. A file that cannot be read is an error naming it.
   */
  layer<T>(codec: LayerCodec<T>, path: string, parse: (source: Uint8Array) => Parsed<T>): Parsed<T> {
    if (this.dir !== undefined) {
      // The file is hashed through one small buffer: when its pack is there, its bytes are never held whole.
      const hash = hashOfFile(codec.kind, path);
      const kept = hash === undefined ? undefined : readIfThere(this.packOf(codec, hash));
      const packed = kept === undefined ? undefined : unpackLayer(codec.kind, kept);
      const value = packed === undefined ? undefined : codec.unpack(packed);
      if (value !== undefined) {
        this.hits++;
        return { ok: true, value };
      }
    }
    let source: Uint8Array;
    try {
      source = readFileSync(path);
    } catch (e) {
      return { ok: false, error: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
    const parsed = parse(source);
    // Keyed by the bytes parsed, not those hashed above: the file may have changed in between.
    if (parsed.ok && this.dir !== undefined) this.keep(this.packOf(codec, hashOf(codec.kind, source)), packLayer(codec.kind, codec.pack(parsed.value)));
    return parsed;
  }

  private packOf(codec: LayerCodec<unknown>, hash: string): string {
    return join(this.dir!, `${codec.kind}-${hash}.pack`);
  }

  /** What the cache did this run, for the run's notes; undefined when it was on and had nothing to do. */
  get note(): string | undefined {
    if (this.dir === undefined) return 'layer cache: off';
    if (this.problem !== undefined) return `layer cache: ${this.problem}; layers are parsed every run`;
    if (this.hits + this.written === 0) return undefined;
    return `layer cache: ${this.hits} layer(s) read from ${this.dir}, ${this.written} written`;
  }

  private keep(file: string, bytes: Uint8Array): void {
    if (this.problem !== undefined) return;
    // Written aside, then renamed: a run reading the pack meanwhile sees it whole or not at all.
    const aside = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir!, { recursive: true });
      writeFileSync(aside, bytes);
      renameSync(aside, file);
      this.written++;
    } catch (e) {
      this.problem = `cannot write ${this.dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      try {
        rmSync(aside, { force: true }); // a disk that filled up mid-write leaves no half pack behind
      } catch {
        // Nothing was written aside (the folder could not be made).
      }
    }
  }
}

function readIfThere(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function hashOf(kind: string, bytes: Uint8Array): string {
  return createHash('sha256').update(kind).update(bytes).digest('hex');
}

/** Read in turn through this buffer to be hashed; a megabyte stays in the processor's cache. */
let hashBuffer: Uint8Array | undefined;

/** The hash `hashOf` gives the file's bytes, or undefined when it cannot be read (the parse then says why). */
function hashOfFile(kind: string, path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = (hashBuffer ??= new Uint8Array(1 << 20));
    const hash = createHash('sha256').update(kind);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
