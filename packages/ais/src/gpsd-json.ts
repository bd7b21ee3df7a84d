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
import { printAddressedBinary, printBroadcastBinary } from './gpsd/binary-applications.js';
import type { Fields } from './gpsd/fields.js';
import { jsonString } from './gpsd/printf.js';
import { REPORT_PRINTERS, type BodyPrinter } from './gpsd/reports.js';

export interface GpsdJsonOptions {
  /** `-j` (true) or `-u -j` (false). */
  readonly scaled: boolean;
  /** gpsd's `device` key; gpsdecode reads standard input and says "stdin". */
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

let lastDevice = 'stdin';
let lastPrefix = '{"class":"AIS","device":"stdin","type":';

/** `{"class":"AIS","device":...,"type":` for a device, remembered across calls (one device per run). */
function prefix(device: string): string {
  if (device !== lastDevice) {
    lastDevice = device;
    lastPrefix = device === '' ? '{"class":"AIS","type":' : `{"class":"AIS","device":${jsonString(device)},"type":`;
  }
  return lastPrefix;
}

/** The gpsd JSON line for a message (no line ending), with our `tagblock` key when `tag` has parts. */
export function toGpsdJson(message: AisMessage, options: GpsdJsonOptions, tag?: TagBlockFields): string {
  const m = message as unknown as Fields;
  const scaled = options.scaled;
  const printer = PRINTERS[m.type as number];
  const body = printer === undefined ? '' : printer(m, scaled);
  const head = `${prefix(options.device ?? 'stdin')}${m.type},"repeat":${m.repeat},"mmsi":${m.mmsi},"scaled":${scaled}`;
  const line = body === '' ? head : `${head},${body}`;
  return tag === undefined ? `${line}}` : `${line}${tagBlockJson(tag)}}`;
}

/** `,"tagblock":{...}` for the parts present, or '' when none is. */
export function tagBlockJson(tag: TagBlockFields): string {
  const source = tag.source === undefined ? '' : `"source":${jsonString(tag.source)}`;
  const time = tag.time === undefined || !Number.isFinite(tag.time) ? '' : `"time":"${new Date(tag.time).toISOString()}"`;
  if (source === '' && time === '') return '';
  return `,"tagblock":{${source}${source !== '' && time !== '' ? ',' : ''}${time}}`;
}
