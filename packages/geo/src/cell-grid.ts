/**
 * Where moving vessels are now: a uniform lat/lon grid over the globe whose
 * occupied cells sit in an open-addressing table, each holding a doubly
 * linked list of the ids positioned in it. Ids are small dense integers (a
 * track ordinal, not an MMSI): per-id state lives in typed arrays indexed by
 * id, grown by doubling. Moving a vessel within its cell touches two numbers;
 * moving it to another cell relinks it in O(1). Nothing is allocated per
 * update once the arrays and the table have grown to the fleet and the
 * cells it visits.
 *
 * With hundreds of thousands of ids nothing stays in cache, so what is read
 * together is stored together: an id's position, cell and next id in one
 * record (an update or a visit in a neighbour search is one cache miss), a
 * cell's key and first id side by side in the table.
 */
import { DEG, EARTH_RADIUS_METRES, haversineMetresFrom, normaliseLongitude } from './distance.js';
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
/**
 * Buckets of the occupancy counts: a cell's bucket is its key's low bits, so
 * the cells of a row lie in neighbouring buckets (one cache line for a search
 * box's row), and a fleet's few thousand occupied cells leave almost every
 * other bucket at zero.
 */
const OCCUPANCY_BITS = 16;
const OCCUPANCY_MASK = (1 << OCCUPANCY_BITS) - 1;
/** Per-id record: latitude, longitude, cell key (NONE: no position), next id in the cell (NONE: last). */
const ID_RECORD = 4;
const LAT = 0;
const LON = 1;
const CELL = 2;
const NEXT = 3;

export class CellGrid {
  private readonly grid: GlobalGrid;
  private readonly cap: CapCells = { firstRow: 0, lastRow: 0, firstCol: 0, columns: 0, cosLat: 1 };
  // Per id: the record, and the previous id in the cell (NONE: first), needed only to unlink.
  private ids: Float64Array;
  private prev: Int32Array;
  private idCapacity: number;
  private count = 0;
  // Cell table, two int32 per slot: the key (row * cols + col) or NONE, and the first id in that cell or NONE.
  private table: Int32Array;
  private slots: number;
  private occupiedSlots = 0;
  /**
   * Per bucket (see OCCUPANCY_BITS), the ids positioned in cells of that
   * bucket. A neighbour search tests a cell's bucket before probing the
   * table: most cells of a search box are empty, and a zero here settles one
   * with a load where a probe costs a hash and a search of the table.
   */
  private readonly occupancy = new Int32Array(1 << OCCUPANCY_BITS);

  constructor(options: CellGridOptions = {}) {
    this.grid = globalGrid(options.cellDegrees ?? 0.05);
    const ids = Math.max(1, options.initialIds ?? 1024);
    this.ids = new Float64Array(ids * ID_RECORD);
    for (let id = 0; id < ids; id++) this.ids[id * ID_RECORD + CELL] = NONE;
    this.prev = new Int32Array(ids);
    this.idCapacity = ids;
    this.slots = 64;
    this.table = new Int32Array(2 * this.slots).fill(NONE);
  }

  /** Number of ids with a position. */
  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.idCapacity && this.ids[id * ID_RECORD + CELL] !== NONE;
  }

  /** Reads the record of `id` (an update's first load) and returns what it read; changes nothing. */
  touch(id: number): number {
    return id < this.idCapacity ? this.ids[id * ID_RECORD + CELL]! : 0;
  }

  /** Sets the last known position of `id`, placing or moving it. */
  update(id: number, lat: number, lon: number): void {
    if (!Number.isInteger(id) || id < 0 || id > MAX_CELL_GRID_ID) throw new RangeError(`id ${id} is not an integer in [0, ${MAX_CELL_GRID_ID}]`);
    if (!(lat >= -90 && lat <= 90) || !Number.isFinite(lon)) throw new RangeError(`position ${lat}, ${lon} is not a valid latitude and longitude`);
    if (id >= this.idCapacity) this.growIds(id + 1);
    lon = normaliseLongitude(lon);
    const key = this.keyOf(lat, lon);
    const at = id * ID_RECORD;
    this.ids[at + LAT] = lat;
    this.ids[at + LON] = lon;
    const was = this.ids[at + CELL]!;
    if (was === key) return;
    if (was === NONE) this.count++;
    else this.unlink(id, was);
    this.link(id, key);
  }

  /** Forgets `id`; returns whether it had a position. */
  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.unlink(id, this.ids[id * ID_RECORD + CELL]!);
    this.ids[id * ID_RECORD + CELL] = NONE;
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
    if ((lastRow - firstRow + 1) * columns > this.slots) return this.nearBySlots(lat, lon, radiusMetres, out);
    let n = 0;
    for (let r = firstRow; r <= lastRow; r++) {
      let col = firstCol;
      for (let i = 0; i < columns; i++) {
        const key = r * cols + col;
        if (this.occupancy[key & OCCUPANCY_MASK] !== 0) {
          const slot = this.slotOf(key);
          if (slot !== NONE) n = this.collect(this.table[2 * slot + 1]!, lat, lon, radiusMetres, out, n);
        }
        if (++col === cols) col = 0;
      }
    }
    return n;
  }

  /** The same answer as `near`, walking the table's occupied cells instead of the cap's box. */
  private nearBySlots(lat: number, lon: number, radius: number, out: number[]): number {
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = this.cap;
    let n = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      const key = this.table[2 * slot]!;
      if (key === NONE) continue; // a cell in the table has an id: it leaves when its last one does
      const row = Math.floor(key / cols);
      if (row < firstRow || row > lastRow || wrapColumn(this.grid, key - row * cols - firstCol) >= columns) continue;
      n = this.collect(this.table[2 * slot + 1]!, lat, lon, radius, out, n);
    }
    return n;
  }

  private collect(id: number, lat: number, lon: number, radius: number, out: number[], n: number): number {
    const ids = this.ids;
    // The great-circle distance is at least the difference in latitude, so a point farther
    // north or south than the radius is outside it without a haversine. The margin, far
    // above rounding, keeps the test on the side of taking the haversine.
    const reach = (radius / EARTH_RADIUS_METRES) * DEG * (1 + 1e-9) + 1e-9;
    const cosLat = this.cap.cosLat; // of this search's centre, as near() found its cap
    while (id !== NONE) {
      const at = id * ID_RECORD;
      const dLat = ids[at + LAT]! - lat;
      // The very point asked about (a vessel looking for its neighbours finds itself): no haversine.
      if (dLat === 0 && ids[at + LON] === lon) out[n++] = id;
      else if (dLat <= reach && dLat >= -reach && haversineMetresFrom(lat, lon, cosLat, ids[at + LAT]!, ids[at + LON]!) <= radius) out[n++] = id;
      id = ids[at + NEXT]!;
    }
    return n;
  }

  private keyOf(lat: number, lon: number): number {
    return rowOf(this.grid, lat) * this.grid.cols + wrapColumn(this.grid, columnOf(this.grid, lon));
  }

  private link(id: number, key: number): void {
    const slot = this.slotFor(key);
    const head = this.table[2 * slot + 1]!;
    this.ids[id * ID_RECORD + NEXT] = head;
    this.prev[id] = NONE;
    if (head !== NONE) this.prev[head] = id;
    this.table[2 * slot + 1] = id;
    this.ids[id * ID_RECORD + CELL] = key;
    this.occupancy[key & OCCUPANCY_MASK]!++;
  }

  private unlink(id: number, key: number): void {
    const before = this.prev[id]!, after = this.ids[id * ID_RECORD + NEXT]!;
    if (after !== NONE) this.prev[after] = before;
    if (before !== NONE) this.ids[before * ID_RECORD + NEXT] = after;
    else if (after !== NONE) this.table[2 * this.slotOf(key) + 1] = after;
    else this.vacate(this.slotOf(key)); // the cell's last id left
    this.occupancy[key & OCCUPANCY_MASK]!--;
  }

  /**
   * Removes the emptied cell at `slot`, moving later entries of its probe run
   * back into the hole where their home allows (no tombstones). Vessels keep
   * crossing into new cells: keeping emptied cells until a rebuild made one
   * rebuild of the whole table every few hundred crossings.
   */
  private vacate(slot: number): void {
    const table = this.table;
    const mask = this.slots - 1;
    let hole = slot;
    for (let j = (slot + 1) & mask; table[2 * j] !== NONE; j = (j + 1) & mask) {
      const home = hash(table[2 * j]!) & mask;
      // The entry at j must stay if its home lies cyclically within (hole, j].
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      table[2 * hole] = table[2 * j]!;
      table[2 * hole + 1] = table[2 * j + 1]!;
      hole = j;
    }
    table[2 * hole] = NONE;
    table[2 * hole + 1] = NONE;
    this.occupiedSlots--;
  }

  /** The table slot holding `key`, or NONE. */
  private slotOf(key: number): number {
    const table = this.table;
    const mask = this.slots - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = table[2 * slot]!;
      if (k === key) return slot;
      if (k === NONE) return NONE;
    }
  }

  /** The table slot holding `key`, claiming one if needed. */
  private slotFor(key: number): number {
    const found = this.slotOf(key);
    if (found !== NONE) return found;
    if (2 * (this.occupiedSlots + 1) > this.slots) this.growTable();
    const mask = this.slots - 1;
    let slot = hash(key) & mask;
    while (this.table[2 * slot] !== NONE) slot = (slot + 1) & mask;
    this.table[2 * slot] = key;
    this.table[2 * slot + 1] = NONE;
    this.occupiedSlots++;
    return slot;
  }

  /** Doubles the table (at most half full, so probe runs stay short). */
  private growTable(): void {
    const old = this.table, oldSlots = this.slots;
    const size = 2 * oldSlots;
    const table = (this.table = new Int32Array(2 * size).fill(NONE));
    this.slots = size;
    const mask = size - 1;
    for (let s = 0; s < oldSlots; s++) {
      const key = old[2 * s]!, head = old[2 * s + 1]!;
      if (key === NONE) continue;
      let slot = hash(key) & mask;
      while (table[2 * slot] !== NONE) slot = (slot + 1) & mask;
      table[2 * slot] = key;
      table[2 * slot + 1] = head;
    }
  }

  private growIds(needed: number): void {
    let size = this.idCapacity;
    while (size < needed) size *= 2;
    const ids = new Float64Array(size * ID_RECORD);
    ids.set(this.ids);
    for (let id = this.idCapacity; id < size; id++) ids[id * ID_RECORD + CELL] = NONE;
    this.ids = ids;
    this.prev = grown(this.prev, size);
    this.idCapacity = size;
  }
}

function grown<T extends Int32Array>(array: T, size: number): T {
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
