/**
 * Decoders of the common message types (1-5, 9, 11, 18, 19, 21, 24, 27):
 * gpsd's golden decodes, length policy, and the straight-line position
 * decoders against a table-driven oracle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Payload, bool, int, uint } from '../src/bits.js';
import { decodePayload, isFailure, type AisMessage } from '../src/messages/registry.js';
import { Reject } from '../src/reasons.js';
import { sharedDataAbsent } from './support/shared-data.js';
import { goldenCases, payloadOf, truncated } from './support/golden.js';

const COMMON_TYPES = new Set([1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27]);
const golden = goldenCases(COMMON_TYPES);

function decoded(p: Payload): AisMessage {
  const r = decodePayload(p);
  if (isFailure(r)) assert.fail(`${r.reason}: ${r.detail}`);
  return r;
}

/** A decoded message as a plain record, to look at fields by name. */
function fieldsOf(p: Payload): Record<string, unknown> {
  return decoded(p) as unknown as Record<string, unknown>;
}

/** Shortest payload each type (and type 24 part) accepts. */
function minimumBits(expected: Record<string, unknown>): number {
  switch (expected['type']) {
    case 1:
    case 2:
    case 3:
      return 163;
    case 5:
      return 420;
    case 19:
      return 312;
    case 21:
      return 272;
    case 24:
      return expected['part'] === 'A' ? 160 : 168;
    case 27:
      return 96;
    default:
      return 168;
  }
}

test('golden: every gpsd decode of the common types is reproduced, field for field and in order', { skip: sharedDataAbsent }, () => {
  assert.ok(golden.length >= 30, `only ${golden.length} golden cases found`);
  const seen = new Set<number>();
  for (const c of golden) {
    const message = decoded(payloadOf(c.nmea));
    seen.add(message.type);
    assert.deepStrictEqual(message, c.expected, `golden line ${c.line}: ${c.nmea.join(' ')}`);
    assert.deepStrictEqual(Object.keys(message), Object.keys(c.expected), `key order, golden line ${c.line}`);
  }
  assert.deepStrictEqual([...seen].sort((a, b) => a - b), [...COMMON_TYPES].sort((a, b) => a - b));
});

test('truncation: a real payload cut anywhere below its type minimum is TOO_SHORT, at the minimum it decodes', { skip: sharedDataAbsent }, () => {
  for (const c of golden) {
    const p = payloadOf(c.nmea);
    const min = minimumBits(c.expected);
    assert.ok(p.bitLength >= min);
    for (let bits = 0; bits < min; bits++) {
      const r = decodePayload(truncated(p, bits));
      assert.ok(isFailure(r) && r.reason === Reject.TOO_SHORT, `golden line ${c.line} cut at ${bits} bits: ${JSON.stringify(r)}`);
    }
    if (!(c.expected['type'] === 27 && p.bitLength === 168)) {
      // A 168-bit type 27 cut to 96 is a valid 96-bit report; every other type decodes at its minimum.
      assert.ok(!isFailure(decodePayload(truncated(p, min))), `golden line ${c.line} at ${min} bits`);
    }
  }
});

test('truncation (property): random cuts of real payloads below the minimum never decode', { skip: sharedDataAbsent }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...golden), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(63), (c, fraction, garbage) => {
      const min = minimumBits(c.expected);
      const bits = Math.floor(fraction * min);
      const cut = truncated(payloadOf(c.nmea), bits);
      // Whatever sits in the fill bits of the last character must not matter.
      const fill = cut.length * 6 - bits;
      if (fill > 0) cut.sixbits[cut.length - 1] = (cut.sixbits[cut.length - 1]! & ~((1 << fill) - 1)) | (garbage & ((1 << fill) - 1));
      const r = decodePayload(cut);
      return isFailure(r) && r.reason === Reject.TOO_SHORT;
    }),
  );
});

/** A payload of `bits` bits: `p` followed by zero bits. */
function extended(p: Payload, bits: number): Payload {
  const chars = Math.ceil(bits / 6);
  const values = new Uint8Array(chars);
  values.set(p.sixbits.subarray(0, Math.min(p.length, chars)));
  // Clear the original fill bits so that the extension really is zeros.
  const fill = p.length * 6 - p.bitLength;
  if (fill > 0 && p.length <= chars) values[p.length - 1]! &= ~((1 << fill) - 1) & 63;
  return Payload.of(values, chars * 6 - bits);
}

function goldenOf(type: number, part?: string): Payload {
  const c = golden.find((g) => g.expected['type'] === type && (part === undefined || g.expected['part'] === part));
  assert.ok(c, `no golden case of type ${type}`);
  return payloadOf(c.nmea);
}

test('too long: rejected only where gpsd rejects (types 1-3 over 204 bits, 21 over 368, 24A over 168, 27 other than 96/168)', { skip: sharedDataAbsent }, () => {
  const limits: Array<[number, string | undefined, number]> = [
    [1, undefined, 204],
    [21, undefined, 368],
    [24, 'A', 168],
  ];
  for (const [type, part, max] of limits) {
    const p = goldenOf(type, part);
    assert.ok(!isFailure(decodePayload(extended(p, max))), `type ${type} at ${max} bits`);
    const r = decodePayload(extended(p, max + 1));
    assert.ok(isFailure(r) && r.reason === Reject.TOO_LONG, `type ${type} at ${max + 1} bits`);
  }
  const longRange = goldenOf(27);
  for (const bits of [97, 120, 167, 169, 200]) {
    const r = decodePayload(extended(truncated(longRange, 96), bits));
    assert.ok(isFailure(r) && r.reason === Reject.TOO_LONG, `type 27 at ${bits} bits`);
  }
  // Elsewhere gpsd accepts longer payloads and so do we, decoding the same fields.
  for (const [type, part] of [[4], [5], [9], [11], [18], [19], [24, 'B']] as Array<[number, string?]>) {
    const p = goldenOf(type, part);
    assert.deepStrictEqual(decoded(extended(p, p.bitLength + 40)), decoded(p), `type ${type} with 40 more bits`);
  }
});

test('type 1 of 163 bits (seen in the wild, accepted by gpsd): the radio status is the 14 bits present', { skip: sharedDataAbsent }, () => {
  const full = goldenOf(1);
  const short = decoded(truncated(full, 163));
  const long = decoded(full);
  assert.equal(short.type, 1);
  assert.equal((short as { radio: number }).radio, Math.floor((long as { radio: number }).radio / 32));
  assert.deepStrictEqual({ ...short, radio: 0 }, { ...long, radio: 0 });
});

test('type 5 of 420 and 422 bits (seen in the wild, accepted by gpsd): decoded, DTE not available', { skip: sharedDataAbsent }, () => {
  const full = goldenOf(5);
  const reference = fieldsOf(full);
  assert.equal(reference['dte'], 0);
  for (const bits of [420, 422]) {
    const m = fieldsOf(truncated(full, bits));
    assert.deepStrictEqual(m, { ...reference, dte: 1 }, `${bits} bits`);
  }
  assert.deepStrictEqual(decoded(truncated(full, 423)), reference);
});

/** Sets `width` bits at `start` to `value` (test-only bit surgery on real payloads). */
function setBits(p: Payload, start: number, width: number, value: number): void {
  for (let i = 0; i < width; i++) {
    const bit = Math.floor(value / 2 ** (width - 1 - i)) % 2;
    const pos = start + i;
    const index = Math.floor(pos / 6);
    const mask = 1 << (5 - (pos % 6));
    p.sixbits[index] = bit ? p.sixbits[index]! | mask : p.sixbits[index]! & ~mask;
  }
}

test('type 24 part B of an auxiliary craft (MMSI 98MIDxxxx) carries the mothership MMSI instead of dimensions', { skip: sharedDataAbsent }, () => {
  const c = golden.find((g) => g.expected['type'] === 24 && g.expected['part'] === 'B')!;
  const p = payloadOf(c.nmea);
  setBits(p, 8, 30, 982_710_001);
  const e = c.expected as Record<string, number>;
  // The 30 bits that were the four dimensions, read as one number.
  const mothership = ((e['to_bow']! * 512 + e['to_stern']!) * 64 + e['to_port']!) * 64 + e['to_starboard']!;
  const { to_bow, to_stern, to_port, to_starboard, ...common } = c.expected;
  assert.deepStrictEqual(decoded(p), { ...common, mmsi: 982_710_001, mothership_mmsi: mothership });
});

test('type 24 parts C and D (part numbers 2, 3) are not M.1371 messages', { skip: sharedDataAbsent }, () => {
  for (const partNumber of [2, 3]) {
    const p = goldenOf(24, 'B');
    setBits(p, 38, 2, partNumber);
    const r = decodePayload(p);
    assert.ok(isFailure(r) && r.reason === Reject.UNKNOWN_TYPE, JSON.stringify(r));
  }
});

test('type 21: a name field padded with @ is not continued by the extension bits', { skip: sharedDataAbsent }, () => {
  const c = golden.find((g) => g.expected['type'] === 21 && g.expected['name'] === 'CHINA ROSE MURPHY EXPRESS ALERT');
  assert.ok(c, 'golden case with a name extension');
  const p = payloadOf(c.nmea);
  setBits(p, 43 + 19 * 6, 6, 0); // the 20th name character becomes the @ padding
  assert.equal((decoded(p) as { name: string }).name, 'CHINA ROSE MURPHY E');
});

// --- The straight-line position decoders against a table-driven oracle -------------------

type Field = readonly [name: string, start: number, width: number, kind: 'u' | 'i' | 'b'];

/** Layouts from ITU-R M.1371 / gpsd's AIVDM guide, in gpsd's field order. */
const CLASS_A: readonly Field[] = [
  ['type', 0, 6, 'u'], ['repeat', 6, 2, 'u'], ['mmsi', 8, 30, 'u'], ['status', 38, 4, 'u'], ['turn', 42, 8, 'i'],
  ['speed', 50, 10, 'u'], ['accuracy', 60, 1, 'b'], ['lon', 61, 28, 'i'], ['lat', 89, 27, 'i'], ['course', 116, 12, 'u'],
  ['heading', 128, 9, 'u'], ['second', 137, 6, 'u'], ['maneuver', 143, 2, 'u'], ['raim', 148, 1, 'b'], ['radio', 149, 19, 'u'],
];
const CLASS_B: readonly Field[] = [
  ['type', 0, 6, 'u'], ['repeat', 6, 2, 'u'], ['mmsi', 8, 30, 'u'], ['reserved', 38, 8, 'u'], ['speed', 46, 10, 'u'],
  ['accuracy', 56, 1, 'b'], ['lon', 57, 28, 'i'], ['lat', 85, 27, 'i'], ['course', 112, 12, 'u'], ['heading', 124, 9, 'u'],
  ['second', 133, 6, 'u'], ['regional', 139, 2, 'u'], ['cs', 141, 1, 'b'], ['display', 142, 1, 'b'], ['dsc', 143, 1, 'b'],
  ['band', 144, 1, 'b'], ['msg22', 145, 1, 'b'], ['raim', 147, 1, 'b'], ['radio', 148, 20, 'u'],
];

function oracle(p: Payload, layout: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, start, width, kind] of layout) {
    out[name] = kind === 'u' ? uint(p, start, width) : kind === 'i' ? int(p, start, width) : bool(p, start);
  }
  return out;
}

/** 168-bit payloads of the given type with every other bit random. */
function randomPayload(types: number[]) {
  return fc
    .tuple(fc.constantFrom(...types), fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 27, maxLength: 27 }))
    .map(([type, rest]) => Payload.of([type, ...rest]));
}

test('types 1-3 (property): the straight-line decoder agrees with the generic bit readers on every field', () => {
  fc.assert(
    fc.property(randomPayload([1, 2, 3]), (p) => {
      const m = decoded(p);
      assert.deepStrictEqual(m, oracle(p, CLASS_A));
      assert.deepStrictEqual(Object.keys(m), CLASS_A.map((f) => f[0]));
    }),
    { numRuns: 2000 },
  );
});

test('type 18 (property): the straight-line decoder agrees with the generic bit readers on every field', () => {
  fc.assert(
    fc.property(randomPayload([18]), (p) => {
      const m = decoded(p);
      assert.deepStrictEqual(m, oracle(p, CLASS_B));
      assert.deepStrictEqual(Object.keys(m), CLASS_B.map((f) => f[0]));
    }),
    { numRuns: 2000 },
  );
});

test('sign extension: extreme positions decode to their signed values', () => {
  // lon -180° = -108000000 and lat -90° = -54000000 in 1/10000 minute, written with the generic layout.
  const p = Payload.of(new Array(28).fill(0));
  setBits(p, 0, 6, 1);
  setBits(p, 61, 28, 2 ** 28 - 108_000_000);
  setBits(p, 89, 27, 2 ** 27 - 54_000_000);
  setBits(p, 42, 8, 256 - 127);
  const m = fieldsOf(p);
  assert.equal(m['lon'], -108_000_000);
  assert.equal(m['lat'], -54_000_000);
  assert.equal(m['turn'], -127);
});
