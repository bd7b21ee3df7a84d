/**
 * Messages as gpsd prints them: the line `gpsdecode -j` (scaled) or
 * `gpsdecode -u -j` (unscaled) prints for the same message, byte for byte
 * (gpsd 3.22, with `-s`: type 24 parts apart), without gpsd's CR LF.
 *
 * A decoded message already is gpsd's unscaled JSON without its presentation
 * keys; this adds them back (`class`, `device`, `scaled`, every `*_text`
 * legend), scales what `-j` scales (positions to degrees, tenths to units,
 * rate of turn to gpsd's words), and prints numbers with C's `%.Nf` rounding.
 *
 * Where gpsd prints invalid JSON (an unescaped `"` in a DAC 1 FID 19 legend,
 * a missing comma before `nextsignal_text`, unescaped Inland AIS strings) we
 * print the valid JSON gpsd meant.
 *
 * Tag blocks: gpsd prints nothing of them. When a message came with one, a
 * `"tagblock":{"source":"...","time":"<ISO 8601 UTC>"}` key is appended, with
 * only the parts the tag block had.
 */
import type { AisMessage } from './messages/registry.js';
import { AsciiBuffer, MESSAGE_ROOM, piece, type Piece } from './gpsd/ascii-buffer.js';
import { printAddressedBinary, printBroadcastBinary } from './gpsd/binary-applications.js';
import type { Fields } from './gpsd/fields.js';
import { jsonString } from './gpsd/printf.js';
import { PRINTS_SCALED_KEY, REPORT_PRINTERS, SCALED_KEY, type BodyPrinter } from './gpsd/reports.js';

export interface GpsdJsonOptions {
  /** `-j` (true) or `-u -j` (false). */
  readonly scaled: boolean;
  /** gpsd's `device` key; gpsdecode reads standard input and says "stdin". '' leaves the key out, as gpsd does. */
  readonly device?: string;
}

/** The NMEA 4.0 tag block parts we print: `s:` source and `c:` time (ms since 1970 UTC). */
export interface TagBlockFields {
  readonly source?: string | undefined;
  readonly time?: number | undefined;
}

const PRINTERS: ReadonlyArray<BodyPrinter | undefined> = REPORT_PRINTERS.map((p, type) =>
  type === 6 ? printAddressedBinary : type === 8 ? printBroadcastBinary : p,
);

const REPEAT = piece(',"repeat":');
const MMSI = piece(',"mmsi":');
/** Heads are prepared for every type and repeat indicator a decoded message can have. */
const TYPES = 28;
const REPEATS = 4;
const END = piece('}\n');

/**
 * Prints gpsd JSON lines, each followed by LF, into one growing byte buffer:
 * the fast path for many messages (no string per message). Take `bytes`,
 * then `clear`.
 */
export class GpsdJsonWriter {
  private readonly out = new AsciiBuffer();
  /** `{"class":"AIS","device":..,"type":T,"repeat":R,"mmsi":` for each type T and repeat R, at 4T + R. */
  private readonly heads: readonly Piece[];
  /** The head up to `"type":`, for the rest printed piece by piece. */
  private readonly prefix: Piece;
  private readonly scaled: boolean;

  constructor(options: GpsdJsonOptions) {
    const device = options.device ?? 'stdin';
    const head = device === '' ? '{"class":"AIS","type":' : `{"class":"AIS","device":${jsonString(device)},"type":`;
    this.prefix = piece(head);
    this.heads = Array.from({ length: TYPES * REPEATS }, (_, i) => piece(`${head}${i >> 2},"repeat":${i & 3},"mmsi":`));
    this.scaled = options.scaled;
  }

  /** Appends the line for `message` (with our `tagblock` key when `tag` has parts) and a LF. */
  append(message: AisMessage, tag?: TagBlockFields): void {
    const m = message as unknown as Fields;
    const w = this.out;
    w.reserve(MESSAGE_ROOM);
    const type = m.type as number;
    const repeat = m.repeat as number;
    const head = this.heads[type * REPEATS + repeat];
    if (head !== undefined && repeat < REPEATS) w.raw(head);
    else this.headOf(m);
    w.int(m.mmsi);
    if (PRINTS_SCALED_KEY[type] !== true) w.raw(SCALED_KEY[this.scaled ? 1 : 0]);
    PRINTERS[type]?.(m, this.scaled, w);
    if (tag !== undefined) w.ascii(tagBlockJson(tag));
    w.raw(END);
  }

  /** The head printed piece by piece: for a message object not made by our decoder. */
  private headOf(m: Fields): void {
    const w = this.out;
    w.raw(this.prefix);
    w.int(m.type);
    w.raw(REPEAT);
    w.int(m.repeat);
    w.raw(MMSI);
  }

  /** The lines appended since the last `clear` (a view: copy it before appending more). */
  get bytes(): Uint8Array {
    return this.out.bytes.subarray(0, this.out.length);
  }

  get length(): number {
    return this.out.length;
  }

  clear(): void {
    this.out.length = 0;
  }

  /** The lines appended so far, given up to the caller; printing goes on into `fresh` (no copy of either). */
  take(fresh: Uint8Array): Uint8Array {
    return this.out.swap(fresh);
  }

  /** The lines appended since the last `clear`, as text. */
  text(): string {
    return this.out.text();
  }
}

const writers = new Map<string, GpsdJsonWriter>();

/** The gpsd JSON line for a message (no line ending), with our `tagblock` key when `tag` has parts. */
export function toGpsdJson(message: AisMessage, options: GpsdJsonOptions, tag?: TagBlockFields): string {
  const key = `${options.scaled}${options.device ?? 'stdin'}`;
  let w = writers.get(key);
  if (w === undefined) {
    if (writers.size > 16) writers.clear();
    w = new GpsdJsonWriter(options);
    writers.set(key, w);
  }
  w.clear();
  w.append(message, tag);
  const line = w.text();
  return line.slice(0, -1);
}

/** `,"tagblock":{...}` for the parts present, or '' when none is. */
export function tagBlockJson(tag: TagBlockFields): string {
  const source = tag.source === undefined ? '' : `"source":${jsonString(tag.source)}`;
  const time = tag.time === undefined || !Number.isFinite(tag.time) ? '' : `"time":"${new Date(tag.time).toISOString()}"`;
  if (source === '' && time === '') return '';
  return `,"tagblock":{${source}${source !== '' && time !== '' ? ',' : ''}${time}}`;
}
