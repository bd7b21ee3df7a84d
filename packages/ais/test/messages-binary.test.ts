/**
 * Decoders of the binary messages 6 (addressed), 8 (broadcast), 25 (single
 * slot) and 26 (multi slot): gpsd's golden decodes; recorded gpsdecode 3.22
 * decodes of real DAC/FI applications and of every application and length
 * limit (fixtures/binary, checked without gpsd); live differential runs
 * against gpsdecode; gpsd's byte-level `data` rules; length policy.
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
import {
  binaryApplicationCases, bitsOf, expectedFromGpsd, gpsdAbsent, gpsdLines, gpsdLinesOfGroups, payloadOfCase, withGpsdPosition,
} from './messages-oracle.js';

const BINARY_TYPES = new Set([6, 8, 25, 26]);
const golden = goldenCases(BINARY_TYPES);

interface Recorded {
  source: string;
  licence: string;
  nmea: string[];
  /** gpsdecode -u -j -s's line, or null when it decoded nothing. */
  gpsd: string | null;
}

const RECORDED: Recorded[] = readFileSync(new URL('../../test/fixtures/binary/gpsd-3.22-decodes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l) as Recorded);

function typeOf(nmea: readonly string[]): number {
  return ARMOUR_VALUE[nmea[0]!.split(',')[5]!.charCodeAt(0)]!;
}

const recordedBinary = RECORDED.filter((r) => BINARY_TYPES.has(typeOf(r.nmea)));

/** The message gpsd's line stands for, against ours: equal in content and key order. */
function assertAsGpsd(ours: AisMessage, line: string, bits: string, name: string): void {
  const expected = expectedFromGpsd(line, bits);
  const got = withGpsdPosition(ours as unknown as Record<string, unknown>, expected);
  assert.deepStrictEqual(got, expected, name);
  assert.deepStrictEqual(Object.keys(got), Object.keys(expected), `key order, ${name}`);
}

/** Our decode of a payload must be gpsd's line, or a length failure where gpsd decoded nothing. */
function assertAgrees(p: Payload, line: string | null | undefined, name: string): void {
  const r = decodePayload(p);
  if (line === null || line === undefined) {
    assert.ok(isFailure(r), `gpsd decodes nothing, we decoded ${JSON.stringify(r)}: ${name}`);
    assert.ok(r.reason === Reject.TOO_SHORT || r.reason === Reject.TOO_LONG, `${r.reason}: ${name}`);
    return;
  }
  if (isFailure(r)) assert.fail(`${r.reason} (${r.detail}) where gpsd decodes ${line}: ${name}`);
  assertAsGpsd(r, line, bitString(p), name);
}

// ---------------------------------------------------------------- golden and recorded decodes

test('golden: every gpsd decode of types 6, 8, 25 and 26 is reproduced, field for field and in order', { skip: sharedDataAbsent }, () => {
  assert.ok(golden.length >= 35, `only ${golden.length} golden cases found`);
  const seen = new Set<number>();
  for (const c of golden) {
    const r = decodePayload(payloadOf(c.nmea));
    if (isFailure(r)) assert.fail(`golden line ${c.line}: ${r.reason} ${r.detail}`);
    seen.add(r.type);
    assert.deepStrictEqual(r, c.expected, `golden line ${c.line}: ${c.nmea.join(' ')}`);
    assert.deepStrictEqual(Object.keys(r), Object.keys(c.expected), `key order, golden line ${c.line}`);
  }
  assert.deepStrictEqual([...seen].sort((a, b) => a - b), [6, 8, 25, 26]);
});

test('recorded gpsdecode 3.22 decodes (fixtures/binary): real applications, every decoded application, every limit', () => {
  assert.ok(recordedBinary.length >= 100, `only ${recordedBinary.length} recorded binary messages`);
  for (const r of recordedBinary) assertAgrees(payloadOf(r.nmea), r.gpsd, `${r.source}: ${r.nmea.join(' ')}`);
});

test('the recordings cover every application gpsd 3.22 decodes, both decoded and (where it has a length rule) raw', () => {
  const decoded = new Set<string>();
  const raw = new Set<string>();
  for (const r of recordedBinary) {
    if (r.gpsd === null) continue;
    const json = expectedFromGpsd(r.gpsd, bitString(payloadOf(r.nmea)));
    if (json['dac'] === undefined) continue;
    (('data' in json) ? raw : decoded).add(`${json['type']} ${json['dac']}/${json['fid']}`);
  }
  const APPLICATIONS = [
    '6 1/12', '6 1/14', '6 1/15', '6 1/16', '6 1/18', '6 1/20', '6 1/25', '6 1/28', '6 1/30', '6 1/32',
    '6 200/21', '6 200/22', '6 200/55', '6 235/10', '6 250/10',
    '8 1/11', '8 1/13', '8 1/15', '8 1/16', '8 1/17', '8 1/19', '8 1/27', '8 1/29', '8 1/31',
    '8 200/10', '8 200/23', '8 200/24', '8 200/40',
  ];
  for (const a of APPLICATIONS) assert.ok(decoded.has(a), `no decoded ${a} recorded`);
  for (const a of ['6 200/21', '6 200/22', '6 200/55', '6 235/10', '8 1/16', '8 200/10', '8 200/23', '8 200/24', '8 200/40']) {
    assert.ok(raw.has(a), `no raw ${a} recorded (a length or content gpsd does not take)`);
  }
});

test('the recordings are what gpsdecode prints today', { skip: gpsdAbsent }, () => {
  const lines = gpsdLinesOfGroups(RECORDED.map((r) => r.nmea));
  assert.deepStrictEqual(lines.map((l) => l ?? null), RECORDED.map((r) => r.gpsd));
});

test('differential: random messages 6 and 8 of every application, at and around its limits, decode as gpsdecode 3.22 does', { skip: gpsdAbsent }, () => {
  const cases = binaryApplicationCases(20260501, 1500);
  const lines = gpsdLines(cases);
  let decoded = 0;
  cases.forEach((c, i) => {
    assertAgrees(payloadOfCase(c), lines[i], `${c.label}: ${c.bits}`);
    if (lines[i] !== undefined) decoded++;
  });
  assert.ok(decoded > cases.length / 2, `gpsd decoded only ${decoded} of ${cases.length}`);
});

// ---------------------------------------------------------------- gpsd's raw data rules

/** A payload from a bit string and the content of its fill bits. */
function payloadOfBits(bits: string, fill: string): Payload {
  return payloadOfCase({ label: '', bits, fill });
}

const ADDRESSED_HEADER = bitsOf(6, 6) + '00' + bitsOf(123456789, 30) + '00' + bitsOf(987654321, 30) + '00' + bitsOf(366, 10) + bitsOf(1, 6);
const BROADCAST_HEADER = bitsOf(8, 6) + '00' + bitsOf(123456789, 30) + '00' + bitsOf(366, 10) + bitsOf(1, 6);

function dataOf(p: Payload): unknown {
  const r = decodePayload(p);
  if (isFailure(r)) assert.fail(`${r.reason}: ${r.detail}`);
  return (r as unknown as Record<string, unknown>)['data'];
}

test('raw data is whole bytes: message 6 shows the fill bits in its last byte, message 8 masks them (as gpsd does)', () => {
  // 91 bits: 3 data bits 101, then 5 fill bits all ones: 101 11111 = bf, masked 101 00000 = a0.
  assert.equal(dataOf(payloadOfBits(ADDRESSED_HEADER + '101', '11111')), '3:bf');
  assert.equal(dataOf(payloadOfBits(ADDRESSED_HEADER + '101', '00000')), '3:a0');
  assert.equal(dataOf(payloadOfBits(BROADCAST_HEADER + '101', '11111')), '3:a0');
  // Nine bits take two bytes; no data is "0:".
  assert.equal(dataOf(payloadOfBits(BROADCAST_HEADER + '110011001', '111')), '9:cc80');
  assert.equal(dataOf(payloadOfBits(ADDRESSED_HEADER, '')), '0:');
});

test('message 25/26 data: after the address and application id; 26 also carries the radio bits in its last byte', () => {
  const addressedStructured25 = bitsOf(25, 6) + '00' + bitsOf(1, 30) + '11' + bitsOf(2, 30) + bitsOf(0xabcd, 16) + '1010';
  const r25 = decodePayload(payloadOfBits(addressedStructured25, ''));
  assert.deepStrictEqual(r25, { type: 25, repeat: 0, mmsi: 1, addressed: true, structured: true, dest_mmsi: 2, app_id: 0xabcd, data: '4:a0' });
  // Data 1010, then 20 radio bits all ones: gpsd's copy ends at a byte boundary after
  // the data, so the last byte is 1010 followed by four radio bits.
  const broadcast26 = bitsOf(26, 6) + '00' + bitsOf(1, 30) + '00' + '1010' + '1'.repeat(20);
  const r26 = decodePayload(payloadOfBits(broadcast26, ''));
  assert.deepStrictEqual(r26, { type: 26, repeat: 0, mmsi: 1, addressed: false, structured: false, dest_mmsi: 0, app_id: 0, data: '4:af', radio: 0 });
});

// ---------------------------------------------------------------- applications

test('a fixed-length application at another length, or with a value out of range, is raw data', () => {
  const aton = bitsOf(6, 6) + '00' + bitsOf(2500912, 30) + '00' + bitsOf(992509976, 30) + '00' + bitsOf(235, 10) + bitsOf(10, 6);
  const reading = bitsOf(274, 10) + bitsOf(1, 10) + bitsOf(1, 10) + '10' + '10' + '0' + bitsOf(0, 8) + '0' + '0000';
  const decoded = decodePayload(payloadOfBits(aton + reading, '')) as unknown as Record<string, unknown>;
  assert.equal(decoded['ana_int'], 274);
  assert.equal(decoded['racon'], 2);
  assert.equal(decoded['light'], 2);
  assert.equal(decoded['data'], undefined);
  const longer = decodePayload(payloadOfBits(aton + reading + '0'.repeat(8), '')) as unknown as Record<string, unknown>;
  assert.equal(longer['ana_int'], undefined);
  assert.equal(longer['data'], '56:44801006800000');

  const inland = bitsOf(8, 6) + '00' + bitsOf(244650946, 30) + '00' + bitsOf(200, 10) + bitsOf(10, 6);
  const body = (hazard: number): string => '0'.repeat(48) + bitsOf(390, 13) + bitsOf(50, 10) + bitsOf(8010, 14) + bitsOf(hazard, 3) + '0'.repeat(24);
  assert.equal((decodePayload(payloadOfBits(inland + body(5), '')) as unknown as Record<string, unknown>)['hazard'], 5);
  assert.equal((decodePayload(payloadOfBits(inland + body(6), '')) as unknown as Record<string, unknown>)['hazard'], undefined);
});

test('applications gpsd decodes at any length read the bits past the payload end as zero, whatever the storage held before', () => {
  // A dangerous cargo indication (1/12) of 146 bits: the next port name runs past the end.
  // Its second character is the last two bits, 01, then the fill bits 1000: 011000 = 'X'.
  const head = bitsOf(6, 6) + '00' + bitsOf(230986000, 30) + '10' + bitsOf(970110950, 30) + '1' + '0' + bitsOf(1, 10) + bitsOf(12, 6);
  const lastport = [15, 3, 20, 5, 19].map((v) => bitsOf(v, 6)).join(''); // "OCTES"
  const bits = head + lastport + bitsOf(5, 4) + bitsOf(4, 5) + bitsOf(0, 5) + bitsOf(60, 6) + bitsOf(14, 6) + '01';
  const fresh = decodePayload(payloadOfBits(bits, '1000')) as unknown as Record<string, unknown>;
  assert.equal(fresh['lastport'], 'OCTES');
  assert.equal(fresh['departure'], '05-04T00:60Z');
  assert.equal(fresh['nextport'], 'NX');
  assert.equal(fresh['unid'], 0);
  // The same message in a payload that held a long one before: no stale bits show.
  const reused = new Payload(200);
  reused.reserve(168);
  for (let i = 0; i < 168; i++) reused.push(63);
  reused.seal(0);
  reused.reset();
  const fresh6 = payloadOfBits(bits, '1000');
  reused.reserve(fresh6.length);
  for (let i = 0; i < fresh6.length; i++) reused.push(fresh6.sixbits[i]!);
  reused.seal(fresh6.length * 6 - fresh6.bitLength);
  assert.deepStrictEqual(decodePayload(reused), fresh);
});

// ---------------------------------------------------------------- length policy

/** Shortest payload each type accepts for its flags. */
function minimumBits(p: Payload): number {
  const bits = bitString(p);
  const type = parseInt(bits.slice(0, 6), 2);
  const flags = (bits[38] === '1' ? 30 : 0) + (bits[39] === '1' ? 16 : 0);
  switch (type) {
    case 6:
      return 88;
    case 8:
      return 56;
    case 25:
      return 40 + flags;
    default:
      return 60 + flags;
  }
}

const realPayloads = (): Payload[] => [
  ...golden.map((c) => payloadOf(c.nmea)),
  ...recordedBinary.filter((r) => r.gpsd !== null && !r.source.startsWith('synthetic')).map((r) => payloadOf(r.nmea)),
];

test('truncation: every cut of a real payload below its type\'s minimum is TOO_SHORT', () => {
  const payloads = realPayloads();
  assert.ok(payloads.length >= 30, `only ${payloads.length} real payloads`);
  for (const p of payloads) {
    const min = minimumBits(p);
    for (let bits = 0; bits < min; bits++) {
      const r = decodePayload(truncated(p, bits));
      assert.ok(isFailure(r) && r.reason === Reject.TOO_SHORT, `${bitString(p).slice(0, 6)} cut to ${bits} bits of ${p.bitLength}: ${JSON.stringify(r)}`);
    }
  }
});

test('above gpsd\'s limits (1008 bits for 6 and 8, 168 for 25, 1004 for 26) payloads are TOO_LONG', () => {
  for (const [type, max] of [[6, 1008], [8, 1008], [25, 168], [26, 1004]] as const) {
    const bits = bitsOf(type, 6) + '0'.repeat(max - 6);
    const atMax = decodePayload(payloadOfBits(bits, ''));
    assert.ok(!isFailure(atMax), `type ${type} at ${max} bits`);
    const over = decodePayload(payloadOfBits(bits + '0', ''));
    assert.ok(isFailure(over) && over.reason === Reject.TOO_LONG, `type ${type} at ${max + 1} bits`);
  }
});

test('property: no cut of any real payload throws; each gives a message of its type or a length failure', () => {
  const payloads = realPayloads();
  fc.assert(
    fc.property(fc.constantFrom(...payloads), fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
      const cut = truncated(p, Math.floor(f * p.bitLength));
      const r = decodePayload(cut);
      if (isFailure(r)) return r.reason === Reject.TOO_SHORT;
      return r.type === parseInt(bitString(p).slice(0, 6), 2);
    }),
    { seed: 61, numRuns: 3000 },
  );
});

test('property: random payloads of types 6, 8, 25 and 26 never throw', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(6, 8, 25, 26),
      fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 0, maxLength: 175 }),
      fc.integer({ min: 0, max: 5 }),
      (type, rest, fill) => {
        const sixbits = [type, ...rest];
        const p = Payload.of(sixbits, sixbits.length * 6 > fill ? fill : 0);
        const r = decodePayload(p);
        return isFailure(r) ? r.reason === Reject.TOO_SHORT || r.reason === Reject.TOO_LONG : r.type === type;
      },
    ),
    { seed: 62, numRuns: 5000 },
  );
});
