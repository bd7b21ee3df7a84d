/**
 * Where moving vessels are now: a uniform lat/lon grid over the globe whose
 * occupied cells sit in an open-addressing table, each holding a doubly
 * linked list of the ids positioned in it. Ids are small dense integers (a
 * track ordinal, not an MMSI): per-id state lives in typed arrays indexed by
 * id, grown by doubling. Moving a vessel within its cell touches two numbers;
 * moving it to another cell relinks it in O(1). Nothing is allocated per
 * update once the arrays and the table have grown to the fleet and the
 * cells it visits.
 */
import { haversineMetres, normaliseLongitude } from './distance.js';
import { capCellsInto, columnOf, globalGrid, rowOf, wrapColumn, type CapCells, type GlobalGrid } from './global-grid.js';

export type CellGridOptions = {
  /** Cell size in degrees, at least 0.01. Default 0.05 (about 5.6 km of latitude). */
  cellDegrees?: number;
  /** Ids to make room for at first. Default 1024. */
  initialIds?: number;
};

/** Largest id accepted: ids index typed arrays, so they must stay dense. */
export const MAX_CELL_GRID_ID = 2 ** 26 - 1;

const NONE = -1;

export class CellGrid {
  private readonly grid: GlobalGrid;
  private readonly cap: CapCells = { firstRow: 0, lastRow: 0, firstCol: 0, columns: 0 };
  // Per id.
  private lat: Float64Array;
  private lon: Float64Array;
  private cellOf: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  private count = 0;
  // Cell table: key (row * cols + col) or NONE, and the first id in that cell or NONE.
  private keys: Int32Array;
  private heads: Int32Array;
  private occupiedSlots = 0;

  constructor(options: CellGridOptions = {}) {
    this.grid = globalGrid(options.cellDegrees ?? 0.05);
    const ids = Math.max(1, options.initialIds ?? 1024);
    this.lat = new Float64Array(ids);
    this.lon = new Float64Array(ids);
    this.cellOf = new Int32Array(ids).fill(NONE);
    this.next = new Int32Array(ids);
    this.prev = new Int32Array(ids);
    this.keys = new Int32Array(64).fill(NONE);
    this.heads = new Int32Array(64).fill(NONE);
  }

  /** Number of ids with a position. */
  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.cellOf.length && this.cellOf[id] !== NONE;
  }

  /** Sets the last known position of `id`, placing or moving it. */
  update(id: number, lat: number, lon: number): void {
    if (!Number.isInteger(id) || id < 0 || id > MAX_CELL_GRID_ID) throw new RangeError(`id ${id} is not an integer in [0, ${MAX_CELL_GRID_ID}]`);
    if (!(lat >= -90 && lat <= 90) || !Number.isFinite(lon)) throw new RangeError(`position ${lat}, ${lon} is not a valid latitude and longitude`);
    if (id >= this.cellOf.length) this.growIds(id + 1);
    lon = normaliseLongitude(lon);
    const key = this.keyOf(lat, lon);
    this.lat[id] = lat;
    this.lon[id] = lon;
    const was = this.cellOf[id]!;
    if (was === key) return;
    if (was === NONE) this.count++;
    else this.unlink(id, was);
    this.link(id, key);
  }

  /** Forgets `id`; returns whether it had a position. */
  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.unlink(id, this.cellOf[id]!);
    this.cellOf[id] = NONE;
    this.count--;
    return true;
  }

  /**
   * Writes into `out[0..n)` the ids whose last position is within
   * `radiusMetres` (great-circle) of the point, and returns n. The order is
   * unspecified. Allocates nothing once `out` has held as many entries.
   */
  near(lat: number, lon: number, radiusMetres: number, out: number[]): number {
    lon = normaliseLongitude(lon);
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = capCellsInto(this.grid, lat, lon, radiusMetres, this.cap);
    // A box of more cells than the table has slots is cheaper to answer from the table.
    if ((lastRow - firstRow + 1) * columns > this.keys.length) return this.nearBySlots(lat, lon, radiusMetres, out);
    let n = 0;
    for (let r = firstRow; r <= lastRow; r++) {
      for (let i = 0; i < columns; i++) {
        const slot = this.slotOf(r * cols + ((firstCol + i) % cols));
        if (slot !== NONE) n = this.collect(this.heads[slot]!, lat, lon, radiusMetres, out, n);
      }
    }
    return n;
  }

  /** The same answer as `near`, walking the table's occupied cells instead of the cap's box. */
  private nearBySlots(lat: number, lon: number, radius: number, out: number[]): number {
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = this.cap;
    let n = 0;
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot]!;
      if (key === NONE || this.heads[slot] === NONE) continue;
      const row = Math.floor(key / cols);
      if (row < firstRow || row > lastRow || wrapColumn(this.grid, key - row * cols - firstCol) >= columns) continue;
      n = this.collect(this.heads[slot]!, lat, lon, radius, out, n);
    }
    return n;
  }

  private collect(id: number, lat: number, lon: number, radius: number, out: number[], n: number): number {
    for (; id !== NONE; id = this.next[id]!) {
      if (haversineMetres(lat, lon, this.lat[id]!, this.lon[id]!) <= radius) out[n++] = id;
    }
    return n;
  }

  private keyOf(lat: number, lon: number): number {
    return rowOf(this.grid, lat) * this.grid.cols + wrapColumn(this.grid, columnOf(this.grid, lon));
  }

  private link(id: number, key: number): void {
    const slot = this.slotFor(key);
    const head = this.heads[slot]!;
    this.next[id] = head;
    this.prev[id] = NONE;
    if (head !== NONE) this.prev[head] = id;
    this.heads[slot] = id;
    this.cellOf[id] = key;
  }

  private unlink(id: number, key: number): void {
    const before = this.prev[id]!, after = this.next[id]!;
    if (after !== NONE) this.prev[after] = before;
    if (before !== NONE) this.next[before] = after;
    else this.heads[this.slotOf(key)] = after;
  }

  /** The table slot holding `key`, or NONE. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return slot;
      if (k === NONE) return NONE;
    }
  }

  /** The table slot holding `key`, claiming one if needed. Empty cells keep their slot until the table is rebuilt. */
  private slotFor(key: number): number {
    const found = this.slotOf(key);
    if (found !== NONE) return found;
    if (2 * (this.occupiedSlots + 1) > this.keys.length) this.rebuildTable();
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== NONE) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.heads[slot] = NONE;
    this.occupiedSlots++;
    return slot;
  }

  /** Drops cells that have emptied and sizes the table to four slots per occupied cell. */
  private rebuildTable(): void {
    const oldKeys = this.keys, oldHeads = this.heads;
    let live = 0;
    for (let s = 0; s < oldKeys.length; s++) if (oldKeys[s] !== NONE && oldHeads[s] !== NONE) live++;
    let size = 64;
    while (size < 4 * (live + 1)) size *= 2;
    this.keys = new Int32Array(size).fill(NONE);
    this.heads = new Int32Array(size).fill(NONE);
    this.occupiedSlots = live;
    const mask = size - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === NONE || oldHeads[s] === NONE) continue;
      let slot = hash(oldKeys[s]!) & mask;
      while (this.keys[slot] !== NONE) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[s]!;
      this.heads[slot] = oldHeads[s]!;
    }
  }

  private growIds(needed: number): void {
    let size = this.cellOf.length;
    while (size < needed) size *= 2;
    this.lat = grown(this.lat, size);
    this.lon = grown(this.lon, size);
    this.next = grown(this.next, size);
    this.prev = grown(this.prev, size);
    const cellOf = new Int32Array(size).fill(NONE);
    cellOf.set(this.cellOf);
    this.cellOf = cellOf;
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Mixes a cell key so neighbouring cells spread over the table. */
function hash(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
