/**
 * gpsd's reference decoder for differential tests: running `gpsdecode`, asking
 * it about single sentences (probes), and a model of its AIVDM framing.
 *
 * The framing facts below were observed on gpsdecode 3.22 and are what the
 * differential test uses to say why gpsd and we disagree:
 * - it reads only `!` sentences from ten talkers (AB AD AI AN AR AS AT AX BS SA);
 * - it takes a sentence without `*hh` checksum as valid;
 * - it has two reassembly slots, channel A/1/empty and channel B/2, and other
 *   channels are dropped;
 * - in a slot it expects fragment numbers in order, whatever the sequence id:
 *   a fragment out of order resets the slot and is dropped, and fragment k of
 *   one message after fragment k-1 of another is appended (spliced) to it;
 * - it needs the line ending: a last line without one is never read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GPSDECODE = fileURLToPath(new URL('../../../../../.tools/gpsd/usr/bin/gpsdecode', import.meta.url));
export const gpsdAbsent: false | string = existsSync(GPSDECODE) ? false : 'skipped: gpsdecode absent (run scripts/setup-test-deps.sh to install gpsd 3.22 into .tools/)';

export const GPSD_TALKERS: ReadonlySet<string> = new Set(['AB', 'AD', 'AI', 'AN', 'AR', 'AS', 'AT', 'AX', 'BS', 'SA']);

/** gpsdecode's JSON lines for `input` (its CR LF line endings removed). */
export function gpsdecode(args: readonly string[], input: string | Uint8Array): string[] {
  const r = spawnSync(GPSDECODE, args, { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  if (r.error !== undefined) throw r.error;
  return r.stdout.toString('latin1').split(/\r?\n/).filter((l) => l !== '');
}

export function nmeaChecksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

/** `!AIVDM,...*hh` around a body. */
export const sentenceOf = (body: string): string => `!${body}*${nmeaChecksum(body)}`;

/** A sentence as gpsd reads it. */
export interface GpsdSentence {
  readonly text: string;
  readonly line: number;
  readonly count: number;
  readonly number: number;
  readonly sequence: string;
  /** gpsd's reassembly slot: 0 for A/1/empty, 1 for B/2. */
  readonly slot: number;
  readonly payload: string;
  readonly fill: number;
}

const GPSD_SENTENCE = /!(AB|AD|AI|AN|AR|AS|AT|AX|BS|SA)(VD[MO]),(\d),(\d),(\d?),([^,]*),([^,*]*),(\d)(\*([0-9A-Fa-f]{2}))?/;

/** The first sentence gpsd would take from a line, if any. */
export function gpsdSentence(text: string, line: number): GpsdSentence | undefined {
  const m = GPSD_SENTENCE.exec(text);
  if (m === null) return undefined;
  const body = m[0].slice(1, m[9] === undefined ? undefined : m[0].length - 3);
  if (m[10] !== undefined && m[10].toUpperCase() !== nmeaChecksum(body)) return undefined;
  const channel = m[6]!;
  const slot = channel === 'A' || channel === '1' || channel === '' ? 0 : channel === 'B' || channel === '2' ? 1 : -1;
  if (slot < 0) return undefined;
  return { text: m[0], line, count: Number(m[3]), number: Number(m[4]), sequence: m[5]!, slot, payload: m[7]!, fill: Number(m[8]) };
}

/**
 * The messages gpsd assembles from fragments of different messages: its
 * in-order check per slot, run over the lines. Each splice is returned as the
 * sentences gpsd joined.
 */
export function gpsdSplices(lines: readonly string[]): GpsdSentence[][] {
  const splices: GpsdSentence[][] = [];
  const slots: GpsdSentence[][] = [[], []];
  lines.forEach((text, i) => {
    const s = gpsdSentence(text, i + 1);
    if (s === undefined) return;
    const held = slots[s.slot]!;
    if (s.number !== held.length + 1) {
      held.length = 0;
      return;
    }
    held.push(s);
    if (s.number < s.count) return;
    if (held.some((f) => f.sequence !== held[0]!.sequence || f.count !== held[0]!.count)) splices.push([...held]);
    held.length = 0;
  });
  return splices;
}

/** Sentences that carry `payload` (armoured, with `fill` bits) as one message on channel A, split as a transmitter would. */
export function sentencesFor(payload: string, fill: number, sequence: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < payload.length; i += 60) parts.push(payload.slice(i, i + 60));
  if (parts.length === 0) parts.push('');
  const seq = parts.length > 1 ? String(sequence % 10) : '';
  return parts.map((p, k) => sentenceOf(`AIVDM,${parts.length},${k + 1},${seq},A,${p},${k === parts.length - 1 ? fill : 0}`));
}

/**
 * Asks gpsdecode what it prints for many small inputs in one run: each probe
 * is followed by marker messages (type 1, MMSI 999000000 + probe number) on
 * both channels, twice, so that whatever a probe leaves half-assembled is
 * reset and a marker still gets through.
 */
export class GpsdProbes {
  private readonly inputs: string[] = [];

  add(text: string): number {
    this.inputs.push(text);
    return this.inputs.length - 1;
  }

  get size(): number {
    return this.inputs.length;
  }

  /** The canonical JSON of the AIS messages gpsd printed for each probe. */
  run(): string[][] {
    const results: string[][] = this.inputs.map(() => []);
    if (this.inputs.length === 0) return results;
    const text = this.inputs.map((t, i) => `${t}\n${markers(i)}\n`).join('');
    let current: string[] = [];
    let probe = 0;
    for (const line of gpsdecode(['-u', '-j', '-s'], text)) {
      const json = JSON.parse(line) as { class: string; type?: number; mmsi?: number };
      if (json.class !== 'AIS') continue;
      if (json.type === 1 && json.mmsi !== undefined && json.mmsi >= MARKER_BASE) {
        const id = json.mmsi - MARKER_BASE;
        if (id >= probe) {
          results[id] = current;
          current = [];
          probe = id + 1;
        }
        continue;
      }
      current.push(JSON.stringify(json));
    }
    return results;
  }
}

const MARKER_BASE = 999000000;

function markers(probe: number): string {
  const mmsi = MARKER_BASE + probe;
  // Type 1, repeat 0, the MMSI, and the rest of a plain position report (168 bits).
  const bits = '000001' + '00' + mmsi.toString(2).padStart(30, '0') + '0'.repeat(130);
  let payload = '';
  for (let i = 0; i < bits.length; i += 6) {
    const v = parseInt(bits.slice(i, i + 6), 2);
    payload += String.fromCharCode(v < 40 ? v + 48 : v + 56);
  }
  const a = sentenceOf(`AIVDM,1,1,,A,${payload},0`);
  const b = sentenceOf(`AIVDM,1,1,,B,${payload},0`);
  return `${a}\n${a}\n${b}\n${b}`;
}
