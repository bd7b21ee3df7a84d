/**
 * Test helpers for gpsd's golden decodes (`derived/gpsd_sample_golden.jsonl`):
 * payloads straight from the sentences (no framing layer involved), and
 * gpsd's JSON without its presentation keys.
 */
import { readFileSync } from 'node:fs';
import { ARMOUR_VALUE } from '../../src/armour.js';
import { Payload } from '../../src/bits.js';
import { SHARED_DATA, sharedDataAbsent } from './shared-data.js';

export interface GoldenCase {
  /** 1-based line in the golden file, to name the case. */
  line: number;
  nmea: string[];
  /** `gpsdecode -u -j -s` output without class, device, scaled and `*_text`. */
  expected: Record<string, unknown>;
}

export const GOLDEN_FILE = `${SHARED_DATA}/ais-conformance/derived/gpsd_sample_golden.jsonl`;

/** Every golden case whose message type is in `types` (none when the shared data is absent). */
export function goldenCases(types: ReadonlySet<number>): GoldenCase[] {
  if (sharedDataAbsent) return [];
  const cases: GoldenCase[] = [];
  readFileSync(GOLDEN_FILE, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      const row = JSON.parse(text) as { nmea: string[]; gpsd_unscaled: Record<string, unknown> };
      const expected = withoutPresentation(row.gpsd_unscaled);
      if (types.has(expected['type'] as number)) cases.push({ line: i + 1, nmea: row.nmea, expected });
    });
  return cases;
}

/** gpsd's JSON minus the keys that are presentation, not message content. */
export function withoutPresentation(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === 'class' || k === 'device' || k === 'scaled' || k.endsWith('_text')) continue;
    out[k] = v;
  }
  return out;
}

/** The message payload of a sentence group: field 6 of each sentence joined, fill bits from the last. */
export function payloadOf(nmea: readonly string[]): Payload {
  const armoured = nmea.map((s) => s.split(',')[5]!).join('');
  const fill = Number(nmea[nmea.length - 1]!.split(',')[6]!.charAt(0));
  return payloadFromArmour(armoured, fill);
}

export function payloadFromArmour(armoured: string, fillBits: number): Payload {
  const values = Array.from(armoured, (c) => {
    const v = ARMOUR_VALUE[c.charCodeAt(0)]!;
    if (v === 0xff) throw new Error(`not an armour character: ${c}`);
    return v;
  });
  return Payload.of(values, fillBits);
}

/** The payload's valid bits as a string of 0 and 1 (for comparisons with a readable diff). */
export function bitString(p: Payload): string {
  let s = '';
  for (let i = 0; i < p.length; i++) s += p.sixbits[i]!.toString(2).padStart(6, '0');
  return s.slice(0, p.bitLength);
}

/** A payload holding the first `bits` bits of `p`. */
export function truncated(p: Payload, bits: number): Payload {
  const chars = Math.ceil(bits / 6);
  return Payload.of(p.sixbits.subarray(0, chars), chars * 6 - bits);
}
