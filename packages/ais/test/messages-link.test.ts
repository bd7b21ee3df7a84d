/**
 * Decoders of the acknowledgement, safety text, interrogation and link
 * management types: 7, 10, 12, 13, 14, 15, 16, 17, 20, 22, 23. gpsd's golden
 * decodes; recorded gpsdecode 3.22 decodes at every length limit
 * (fixtures/binary, checked without gpsd); live differential runs against
 * gpsdecode; gpsd's partial-entry rules; length policy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Payload } from '../src/bits.js';
import { ARMOUR_VALUE } from '../src/armour.js';
import { decodePayload, isFailure, type AisMessage } from '../src/messages/registry.js';
import { Reject } from '../src/reasons.js';
import { sharedDataAbsent } from './support/shared-data.js';
import { bitString, goldenCases, payloadOf, truncated } from './support/golden.js';
import { bitsOf, expectedFromGpsd, gpsdAbsent, gpsdLines, linkCases, payloadOfCase } from './messages-oracle.js';

const LINK_TYPES = new Set([7, 10, 12, 13, 14, 15, 16, 17, 20, 22, 23]);
const golden = goldenCases(LINK_TYPES);

interface Recorded {
  source: string;
  nmea: string[];
  gpsd: string | null;
}

const recorded: Recorded[] = readFileSync(new URL('../../test/fixtures/binary/gpsd-3.22-decodes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l) as Recorded)
  .filter((r) => LINK_TYPES.has(ARMOUR_VALUE[r.nmea[0]!.split(',')[5]!.charCodeAt(0)]!));

/** Least bits each type accepts (gpsd 3.22's limits). */
const MINIMUM: Readonly<Record<number, number>> = { 7: 72, 10: 72, 12: 72, 13: 72, 14: 40, 15: 88, 16: 96, 17: 80, 20: 72, 22: 168, 23: 160 };
/** Most bits, for the types gpsd bounds above. */
const MAXIMUM: Readonly<Record<number, number>> = { 7: 168, 12: 1008, 13: 168, 14: 1008, 15: 168, 16: 168, 17: 816, 20: 186 };

function decoded(p: Payload): Record<string, unknown> {
  const r = decodePayload(p);
  if (isFailure(r)) assert.fail(`${r.reason}: ${r.detail}`);
  return r as unknown as Record<string, unknown>;
}

function payloadOfBits(bits: string, fill = ''): Payload {
  return payloadOfCase({ label: '', bits, fill });
}

/** Our decode must be gpsd's line, or a length failure where gpsd decoded nothing. */
function assertAgrees(p: Payload, line: string | null | undefined, name: string): void {
  const r: AisMessage | ReturnType<typeof decodePayload> = decodePayload(p);
  if (line === null || line === undefined) {
    assert.ok(isFailure(r), `gpsd decodes nothing, we decoded ${JSON.stringify(r)}: ${name}`);
    assert.ok(r.reason === Reject.TOO_SHORT || r.reason === Reject.TOO_LONG, `${r.reason}: ${name}`);
    return;
  }
  if (isFailure(r)) assert.fail(`${r.reason} (${r.detail}) where gpsd decodes ${line}: ${name}`);
  const expected = expectedFromGpsd(line, bitString(p));
  assert.deepStrictEqual(r, expected, name);
  assert.deepStrictEqual(Object.keys(r), Object.keys(expected), `key order, ${name}`);
}

// ---------------------------------------------------------------- golden and recorded decodes

test('golden: every gpsd decode of types 7, 10, 12-17, 20, 22 and 23 is reproduced, field for field and in order', { skip: sharedDataAbsent }, () => {
  assert.ok(golden.length >= 25, `only ${golden.length} golden cases found`);
  const seen = new Set<number>();
  for (const c of golden) {
    const r = decoded(payloadOf(c.nmea));
    seen.add(r['type'] as number);
    assert.deepStrictEqual(r, c.expected, `golden line ${c.line}: ${c.nmea.join(' ')}`);
    assert.deepStrictEqual(Object.keys(r), Object.keys(c.expected), `key order, golden line ${c.line}`);
  }
  assert.deepStrictEqual([...seen].sort((a, b) => a - b), [...LINK_TYPES].sort((a, b) => a - b));
});

test('recorded gpsdecode 3.22 decodes (fixtures/binary): real messages and every length limit', () => {
  assert.ok(recorded.length >= 60, `only ${recorded.length} recorded messages of these types`);
  for (const r of recorded) assertAgrees(payloadOf(r.nmea), r.gpsd, `${r.source}: ${r.nmea.join(' ')}`);
  const rejected = new Set(recorded.filter((r) => r.gpsd === null).map((r) => ARMOUR_VALUE[r.nmea[0]!.split(',')[5]!.charCodeAt(0)]));
  assert.deepStrictEqual([...rejected].sort((a, b) => a! - b!), [7, 10, 12, 14, 15, 16, 17, 20, 22, 23], 'a rejected length recorded for each type');
});

test('differential: random payloads of every type, at and around its limits, decode as gpsdecode 3.22 does', { skip: gpsdAbsent }, () => {
  const cases = linkCases(20260502, 400);
  const lines = gpsdLines(cases);
  cases.forEach((c, i) => assertAgrees(payloadOfCase(c), lines[i], `${c.label}: ${c.bits}`));
  assert.ok(lines.filter((l) => l !== undefined).length > cases.length / 2);
});

// ---------------------------------------------------------------- partial entries, as gpsd reads them

const HEAD = (type: number): string => bitsOf(type, 6) + '01' + bitsOf(366000001, 30) + '00';

test('acknowledgements: one per 32 bits; one bit of a further entry starts it, the missing bits reading as zero', () => {
  const acks = bitsOf(211000001, 30) + '00' + bitsOf(211000002, 30) + '01' + bitsOf(211000003, 30) + '10';
  const one = decoded(payloadOfBits(HEAD(7) + acks.slice(0, 32)));
  assert.deepStrictEqual(one, { type: 7, repeat: 1, mmsi: 366000001, mmsi1: 211000001, mmsi2: 0, mmsi3: 0, mmsi4: 0 });
  const three = decoded(payloadOfBits(HEAD(13) + acks));
  assert.deepStrictEqual(three, { type: 13, repeat: 1, mmsi: 366000001, mmsi1: 211000001, mmsi2: 211000002, mmsi3: 211000003, mmsi4: 0 });
  // 73 bits: the second MMSI is the one bit sent (1) followed by zeros, 2^29.
  const partial = decoded(payloadOfBits(HEAD(7) + acks.slice(0, 32) + '1', '00000'));
  assert.equal(partial['mmsi2'], 2 ** 29);
});

test('interrogation: the second request exists past bit 90, the second station past bit 110', () => {
  const body = bitsOf(244000001, 30) + bitsOf(5, 6) + bitsOf(100, 12) + '00' + bitsOf(24, 6) + bitsOf(200, 12) + '00' + bitsOf(244000002, 30) + bitsOf(3, 6) + bitsOf(300, 12) + '00';
  const at = (n: number): Record<string, unknown> => decoded(payloadOfBits((HEAD(15) + body).slice(0, n)));
  assert.deepStrictEqual(at(88), { type: 15, repeat: 1, mmsi: 366000001, mmsi1: 244000001, type1_1: 5, offset1_1: 100, type1_2: 0, offset1_2: 0, mmsi2: 0, type2_1: 0, offset2_1: 0 });
  assert.equal(at(90)['type1_2'], 0);
  assert.deepStrictEqual([at(110)['type1_2'], at(110)['offset1_2'], at(110)['mmsi2']], [24, 200, 0]);
  assert.deepStrictEqual([at(160)['mmsi2'], at(160)['type2_1'], at(160)['offset2_1']], [244000002, 3, 300]);
});

test('assignment mode command: a second station only from 144 bits', () => {
  const body = bitsOf(244000001, 30) + bitsOf(10, 12) + bitsOf(0, 10) + bitsOf(244000002, 30) + bitsOf(20, 12) + bitsOf(5, 10) + '0'.repeat(24);
  const at = (n: number): Record<string, unknown> => decoded(payloadOfBits((HEAD(16) + body).slice(0, n)));
  assert.deepStrictEqual(at(96), { type: 16, repeat: 1, mmsi: 366000001, mmsi1: 244000001, offset1: 10, increment1: 0, mmsi2: 0, offset2: 0, increment2: 0 });
  assert.equal(at(143)['mmsi2'], 0);
  assert.deepStrictEqual([at(144)['mmsi2'], at(144)['offset2'], at(144)['increment2']], [244000002, 20, 5]);
});

test('channel management: the addressed bit, sent after them, chooses two MMSIs or an area', () => {
  const channels = bitsOf(2087, 12) + bitsOf(2088, 12) + bitsOf(0, 4) + '1';
  const tail = (addressed: string): string => addressed + '0' + '1' + bitsOf(4, 3) + '0'.repeat(23);
  const area = bitsOf(-44100 & 0x3ffff, 18) + bitsOf(27330, 17) + bitsOf(-48100 & 0x3ffff, 18) + bitsOf(25400, 17);
  const a = decoded(payloadOfBits(HEAD(22) + channels + area + tail('0')));
  assert.deepStrictEqual(a, {
    type: 22, repeat: 1, mmsi: 366000001, channel_a: 2087, channel_b: 2088, txrx: 0, power: true,
    ne_lon: -44100, ne_lat: 27330, sw_lon: -48100, sw_lat: 25400, addressed: false, band_a: false, band_b: true, zonesize: 4,
  });
  const dests = bitsOf(244000001, 30) + '00000' + bitsOf(244000002, 30) + '00000';
  const d = decoded(payloadOfBits(HEAD(22) + channels + dests + tail('1')));
  assert.deepStrictEqual(Object.keys(d), ['type', 'repeat', 'mmsi', 'channel_a', 'channel_b', 'txrx', 'power', 'dest1', 'dest2', 'addressed', 'band_a', 'band_b', 'zonesize']);
  assert.deepStrictEqual([d['dest1'], d['dest2'], d['addressed']], [244000001, 244000002, true]);
});

test('safety text runs to the last whole character; "@" padding and trailing spaces go', () => {
  const text = (s: string): string => [...s].map((c) => bitsOf(c === '@' ? 0 : c.charCodeAt(0) < 64 ? c.charCodeAt(0) : c.charCodeAt(0) - 64, 6)).join('');
  const broadcast = decoded(payloadOfBits(HEAD(14) + text('SART TEST  @@@') + '11', '0000'));
  assert.equal(broadcast['text'], 'SART TEST');
  const addressed = decoded(payloadOfBits(bitsOf(12, 6) + '00' + bitsOf(2275200, 30) + '00' + bitsOf(215724000, 30) + '10' + text('GOOD')));
  assert.deepStrictEqual(addressed, { type: 12, repeat: 0, mmsi: 2275200, seqno: 0, dest_mmsi: 215724000, retransmit: true, text: 'GOOD' });
});

test('DGNSS broadcast: position in 1/10 minute, then the correction words as gpsd prints them', () => {
  const r = decoded(payloadOfBits(HEAD(17) + bitsOf(17478, 18) + bitsOf(35992, 17) + '00000' + '0111110000000101' + '011', '111'));
  assert.deepStrictEqual(r, { type: 17, repeat: 1, mmsi: 366000001, lon: 17478, lat: 35992, data: '19:7c057c' });
});

// ---------------------------------------------------------------- length policy

const realPayloads = (): Payload[] => [
  ...golden.map((c) => payloadOf(c.nmea)),
  ...recorded.filter((r) => r.gpsd !== null && !r.source.startsWith('synthetic')).map((r) => payloadOf(r.nmea)),
];

test('truncation: every cut of a real payload below its type\'s minimum is TOO_SHORT', () => {
  const payloads = realPayloads();
  assert.ok(payloads.length >= 15, `only ${payloads.length} real payloads`);
  for (const p of payloads) {
    const type = parseInt(bitString(p).slice(0, 6), 2);
    for (let bits = 0; bits < MINIMUM[type]!; bits++) {
      const r = decodePayload(truncated(p, bits));
      assert.ok(isFailure(r) && r.reason === Reject.TOO_SHORT, `type ${type} cut to ${bits} bits: ${JSON.stringify(r)}`);
    }
  }
});

test('a type at its minimum decodes; above gpsd\'s maximum it is TOO_LONG (types without one take any length)', () => {
  for (const type of LINK_TYPES) {
    const at = (n: number) => decodePayload(payloadOfBits((bitsOf(type, 6) + '0'.repeat(1100)).slice(0, n)));
    assert.ok(!isFailure(at(MINIMUM[type]!)), `type ${type} at ${MINIMUM[type]} bits`);
    const max = MAXIMUM[type];
    if (max === undefined) {
      assert.ok(!isFailure(at(1008)), `type ${type} at 1008 bits`);
    } else {
      assert.ok(!isFailure(at(max)), `type ${type} at ${max} bits`);
      const over = at(max + 1);
      assert.ok(isFailure(over) && over.reason === Reject.TOO_LONG, `type ${type} at ${max + 1} bits`);
    }
  }
});

test('property: no cut of any real payload throws; each gives a message of its type or TOO_SHORT', () => {
  const payloads = realPayloads();
  fc.assert(
    fc.property(fc.constantFrom(...payloads), fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
      const r = decodePayload(truncated(p, Math.floor(f * p.bitLength)));
      if (isFailure(r)) return r.reason === Reject.TOO_SHORT;
      return r.type === parseInt(bitString(p).slice(0, 6), 2);
    }),
    { seed: 71, numRuns: 3000 },
  );
});

test('property: random payloads of these types never throw', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...LINK_TYPES),
      fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 175 }),
      fc.integer({ min: 0, max: 5 }),
      (type, rest, fill) => {
        const r = decodePayload(Payload.of([type, ...rest], rest.length > 0 ? fill : 0));
        return isFailure(r) ? r.reason === Reject.TOO_SHORT || r.reason === Reject.TOO_LONG : r.type === type;
      },
    ),
    { seed: 72, numRuns: 5000 },
  );
});
