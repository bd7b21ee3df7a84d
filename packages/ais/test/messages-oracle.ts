/**
 * gpsd 3.22's `gpsdecode` as an oracle for the binary, addressed and
 * link-management messages (types 6-8, 10, 12-17, 20, 22, 23, 25, 26):
 * payloads as bit strings, their sentences, one batch run of gpsdecode, and
 * gpsd's line turned into the message we must produce — including the few
 * named, explained places where we deliberately differ from gpsd.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARMOUR_CHAR } from '../src/armour.js';
import type { Payload } from '../src/bits.js';
import { sentencesOf } from '../src/encode/sentences.js';
import { payloadFromArmour, withoutPresentation } from './support/golden.js';

export const GPSDECODE = fileURLToPath(new URL('../../../../.tools/gpsd/usr/bin/gpsdecode', import.meta.url));
export const gpsdAbsent: false | string = existsSync(GPSDECODE) ? false : 'skipped: gpsdecode absent (run scripts/setup-test-deps.sh)';

/** A payload as text: `bits` are the message, `fill` the fill bits of the last character (random on air too). */
export interface BitCase {
  readonly label: string;
  readonly bits: string;
  readonly fill: string;
}

/** The armoured payload and fill-bit count of a case. */
export function armour(c: BitCase): { payload: string; fillBits: number } {
  const fillBits = (6 - (c.bits.length % 6)) % 6;
  const all = c.bits + c.fill.slice(0, fillBits).padEnd(fillBits, '0');
  let payload = '';
  for (let i = 0; i < all.length; i += 6) payload += String.fromCharCode(ARMOUR_CHAR[parseInt(all.slice(i, i + 6), 2)]!);
  return { payload, fillBits };
}

export function payloadOfCase(c: BitCase): Payload {
  const { payload, fillBits } = armour(c);
  return payloadFromArmour(payload, fillBits);
}

export function sentencesOfCase(c: BitCase, sequenceId: number): string[] {
  return sentencesOf(armour(c), { sequenceId });
}

/** `width`-bit big-endian field. */
export function bitsOf(value: number, width: number): string {
  return value.toString(2).padStart(width, '0').slice(-width);
}

/** A type 10 message from MMSI 1 whose destination is `index`: gpsd's answer to it marks the end of case `index`. */
function sentinel(index: number): string[] {
  const bits = bitsOf(10, 6) + '00' + bitsOf(1, 30) + '00' + bitsOf(index, 30) + '00';
  return sentencesOf(armour({ label: 'sentinel', bits, fill: '' }));
}

/**
 * gpsdecode `-u -j -s` on every case, each followed by a sentinel: its line
 * for each case, or undefined when gpsd decoded nothing (it rejected the payload).
 */
export function gpsdLines(cases: readonly BitCase[]): (string | undefined)[] {
  return gpsdLinesOfGroups(cases.map((c, i) => sentencesOfCase(c, i % 10)));
}

/** As `gpsdLines`, for groups of sentences (one message each). */
export function gpsdLinesOfGroups(groups: readonly (readonly string[])[]): (string | undefined)[] {
  const input: string[] = [];
  groups.forEach((g, i) => input.push(...g, ...sentinel(i)));
  const out = execFileSync(GPSDECODE, ['-u', '-j', '-s'], {
    input: input.join('\n') + '\n',
    stdio: ['pipe', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  }).toString('latin1');
  const lines: (string | undefined)[] = new Array(groups.length).fill(undefined);
  let pending: string | undefined;
  for (const line of out.split('\r\n')) {
    if (line === '') continue;
    const marker = /^\{"class":"AIS","device":"stdin","type":10,"repeat":0,"mmsi":1,"scaled":false,"dest_mmsi":(\d+)\}$/.exec(line);
    if (marker !== null) {
      lines[Number(marker[1])] = pending;
      pending = undefined;
    } else {
      if (pending !== undefined) throw new Error(`two gpsd lines for one message: ${pending} / ${line}`);
      pending = line;
    }
  }
  return lines;
}

type Json = Record<string, unknown>;

/**
 * The message we must produce for gpsd's line `line` about payload `bits`:
 * gpsd's JSON without its presentation keys, after the named exceptions.
 *
 * - DAC 1 FI 19 (marine traffic signal): gpsd's line lacks a comma and has
 *   unescaped quotes in a legend, so it is repaired before parsing (legends are
 *   dropped anyway). Its lon/lat are degrees rounded by `%.4f`; ours are the
 *   unrounded quotient, compared by `sameRounded`.
 * - DAC 1 FI 16 in message 8 (persons on board): gpsd prints the message 6
 *   member of its union, always 0; we give the count it decoded, computed here
 *   from the bits at gpsd's offsets.
 * - DAC 200 FI 23 (EMMA warning): gpsd names two fields `type` and `class`,
 *   colliding with the message's own keys; they are `emma_type` and
 *   `intensity`. gpsd fills `start` as year-month-hourTminute:day; ours is
 *   year-month-dayThour:minute.
 */
export function expectedFromGpsd(line: string, bits: string): Json {
  let text = line;
  const signal = /"dac":1,"fid":19,/.test(text) && /^\{"class":"AIS","device":"stdin","type":8,/.test(text);
  const emma = /^\{"class":"AIS","device":"stdin","type":8,"repeat":\d,"mmsi":\d+,"scaled":false,"dac":200,"fid":23,"start"/.test(text);
  if (signal) {
    text = text.replace(/,"signal_text":".*?","hour":/, ',"hour":').replace(/("nextsignal":\d+)"nextsignal_text":".*"\}$/, '$1}');
  }
  if (emma) {
    text = text.replace(/,"type":(\d+),"type_text":/, ',"emma_type":$1,"type_text":').replace(/,"class":(\d+),"class_text":/, ',"intensity":$1,"class_text":');
  }
  const json = withoutPresentationDeep(JSON.parse(text) as Json) as Json;
  if (emma) {
    const m = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+)$/.exec(json['start'] as string)!;
    json['start'] = `${m[1]}-${m[2]}-${m[5]!.padStart(2, '0')}T${m[3]}:${m[4]}`;
  }
  if (json['type'] === 8 && json['dac'] === 1 && json['fid'] === 16 && 'persons' in json) {
    const at = bits.length - 56 === 136 ? 88 : 55;
    json['persons'] = parseInt(bits.slice(at, at + 13).padEnd(13, '0'), 2);
  }
  return json;
}

/** `withoutPresentation` at every depth (arrays of objects carry `*_text` legends too). */
function withoutPresentationDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutPresentationDeep);
  if (v === null || typeof v !== 'object') return v;
  const out = withoutPresentation(v as Json);
  for (const k of Object.keys(out)) out[k] = withoutPresentationDeep(out[k]);
  return out;
}

/**
 * For DAC 1 FI 19: true when our unrounded degrees print as gpsd's `%.4f`
 * value (within half a unit of the last place, plus floating-point slack).
 */
export function sameRounded(ours: unknown, gpsd: unknown): boolean {
  return typeof ours === 'number' && typeof gpsd === 'number' && Math.abs(ours - gpsd) <= 0.00005 + 1e-9;
}

/** A message 8 DAC 1 FI 19 with gpsd's rounded position put in place of ours once they agree, for deepStrictEqual. */
export function withGpsdPosition(ours: Json, expected: Json): Json {
  if (!(ours['type'] === 8 && ours['dac'] === 1 && ours['fid'] === 19 && !('data' in ours))) return ours;
  const copy = { ...ours };
  for (const k of ['lon', 'lat']) if (sameRounded(copy[k], expected[k])) copy[k] = expected[k];
  return copy;
}

// ------------------------------------------------------------------ random cases

/** Small seeded generator (mulberry32): the same cases on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Draw {
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** `n` random bits. */
  bits(n: number): string;
  pick<T>(xs: readonly T[]): T;
}

export function draw(seed: number): Draw {
  const next = random(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    bits: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += next() < 0.5 ? '0' : '1';
      return s;
    },
    pick: (xs) => xs[int(0, xs.length - 1)]!,
  };
}

/** Six-bit values of `"` and `\`: gpsd prints some Inland AIS texts unescaped, which no JSON reader takes. */
const UNPRINTABLE_BY_GPSD = new Set([34, 28]);

/** `bits` with the six-bit characters in [from, to) that gpsd would print unescaped replaced by `A`. */
export function withPrintableText(bits: string, from: number, to: number): string {
  let out = bits.slice(0, from);
  for (let i = from; i + 6 <= to && i + 6 <= bits.length; i += 6) {
    const v = parseInt(bits.slice(i, i + 6), 2);
    out += UNPRINTABLE_BY_GPSD.has(v) ? bitsOf(1, 6) : bits.slice(i, i + 6);
  }
  return out + bits.slice(out.length);
}

/** Header of any message: type, random repeat indicator and MMSI. */
function header(d: Draw, type: number): string {
  return bitsOf(type, 6) + d.bits(2) + d.bits(30);
}

/** A length: one of `special` half the time, else uniform in [lo, hi]. */
function length(d: Draw, special: readonly number[], lo: number, hi: number): number {
  return special.length > 0 && d.int(0, 1) === 0 ? d.pick(special) : d.int(lo, hi);
}

/** DAC/FI pairs worth drawing for message 6: every application gpsd decodes, 1/23 it leaves raw, and others. */
const ADDRESSED_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [1, 12], [1, 14], [1, 15], [1, 16], [1, 18], [1, 20], [1, 23], [1, 25], [1, 28], [1, 30], [1, 32],
  [200, 21], [200, 22], [200, 55], [235, 10], [250, 10], [1, 40], [366, 1], [200, 10],
];
const ADDRESSED_LENGTHS = [88, 89, 90, 92, 96, 97, 100, 104, 136, 168, 185, 186, 224, 232, 248, 273, 360, 1008, 1009, 87, 80];

const BROADCAST_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [1, 11], [1, 13], [1, 15], [1, 16], [1, 17], [1, 19], [1, 21], [1, 22], [1, 24], [1, 26], [1, 27], [1, 29], [1, 31],
  [200, 10], [200, 23], [200, 24], [200, 40], [366, 56], [235, 10], [1, 12],
];
const BROADCAST_LENGTHS = [56, 57, 60, 62, 66, 72, 117, 128, 168, 178, 192, 256, 300, 352, 360, 472, 1008, 1009, 55, 40];

/** Random message 6 and 8 payloads of every application, at lengths around each one's limits. */
export function binaryApplicationCases(seed: number, perType: number): BitCase[] {
  const d = draw(seed);
  const cases: BitCase[] = [];
  for (let i = 0; i < perType; i++) {
    const [dac, fid] = d.int(0, 9) === 0 ? [d.int(0, 1023), d.int(0, 63)] : d.pick(ADDRESSED_PAIRS);
    const n = length(d, ADDRESSED_LENGTHS, 88, 1008);
    let bits = (header(d, 6) + d.bits(34) + bitsOf(dac, 10) + bitsOf(fid, 6) + d.bits(Math.max(0, n - 88))).slice(0, n);
    if (dac === 200 && (fid === 21 || fid === 22)) bits = withPrintableText(bits, 88, 208);
    cases.push({ label: `6 ${dac}/${fid} ${n} bits`, bits, fill: d.bits(5) });
  }
  for (let i = 0; i < perType; i++) {
    const [dac, fid] = d.int(0, 9) === 0 ? [d.int(0, 1023), d.int(0, 63)] : d.pick(BROADCAST_PAIRS);
    const n = length(d, BROADCAST_LENGTHS, 56, 1008);
    let bits = (header(d, 8) + d.bits(2) + bitsOf(dac, 10) + bitsOf(fid, 6) + d.bits(Math.max(0, n - 56))).slice(0, n);
    if (dac === 200 && fid === 24) bits = withPrintableText(bits, 56, 68);
    cases.push({ label: `8 ${dac}/${fid} ${n} bits`, bits, fill: d.bits(5) });
  }
  return cases;
}

/** Per type: interesting lengths and the range random ones are drawn from (a little beyond gpsd's limits). */
const LINK_LENGTHS: ReadonlyArray<readonly [type: number, special: readonly number[], lo: number, hi: number]> = [
  [7, [71, 72, 73, 103, 104, 105, 136, 168, 169], 60, 180],
  [13, [72, 104, 136, 168], 60, 180],
  [10, [71, 72, 73, 78, 168], 60, 90],
  [12, [71, 72, 73, 77, 78, 1008, 1009], 60, 1020],
  [14, [39, 40, 41, 46, 960, 961, 1008], 30, 970],
  [15, [87, 88, 89, 90, 91, 110, 111, 112, 160, 168, 169], 80, 176],
  [16, [95, 96, 97, 143, 144, 168, 169], 88, 176],
  [17, [79, 80, 81, 88, 816, 817], 70, 830],
  [20, [71, 72, 73, 100, 160, 186, 187], 60, 200],
  [22, [167, 168, 169], 150, 200],
  [23, [159, 160, 161, 168], 150, 180],
  [25, [39, 40, 41, 56, 69, 70, 71, 85, 86, 87, 168, 169], 30, 180],
  [26, [59, 60, 61, 76, 89, 90, 106, 107, 1004, 1005], 50, 1016],
];

/** Random payloads of the acknowledge, text, interrogation, slot-management and slot-binary types. */
export function linkCases(seed: number, perType: number): BitCase[] {
  const d = draw(seed);
  const cases: BitCase[] = [];
  for (const [type, special, lo, hi] of LINK_LENGTHS) {
    for (let i = 0; i < perType; i++) {
      const n = length(d, special, lo, hi);
      const bits = (header(d, type) + d.bits(Math.max(0, n - 38))).slice(0, n);
      cases.push({ label: `${type} ${n} bits`, bits, fill: d.bits(5) });
    }
  }
  return cases;
}
