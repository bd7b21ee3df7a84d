import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { flagOfMid, midOf, mmsiFacts, mmsiKind, MmsiKind } from '../src/index.js';
import { SHARED_DATA, sharedDataAbsent } from './support/shared-data.js';

test('MMSI formats of ITU-R M.585 are told apart', () => {
  const cases: Array<[number, string, number | null]> = [
    [244123000, MmsiKind.SHIP, 244],
    [538001234, MmsiKind.SHIP, 538],
    [24412300, MmsiKind.GROUP, 244], // 024412300
    [2442000, MmsiKind.COAST_STATION, 244], // 002442000
    [111244001, MmsiKind.SAR_AIRCRAFT, 244],
    [824412345, MmsiKind.HANDHELD, 244],
    [982441234, MmsiKind.CRAFT_WITH_PARENT, 244],
    [992441234, MmsiKind.AID_TO_NAVIGATION, 244],
    [970123456, MmsiKind.SART, null],
    [972123456, MmsiKind.MOB, null],
    [974123456, MmsiKind.EPIRB, null],
    [123456789, MmsiKind.INVALID, null],
    [1193046, MmsiKind.INVALID, null], // 001193046: coast station of MID 119, which no region starts with
    [0, MmsiKind.INVALID, null],
    [1_000_000_000, MmsiKind.INVALID, null],
  ];
  for (const [mmsi, kind, mid] of cases) {
    assert.equal(mmsiKind(mmsi), kind, String(mmsi));
    assert.equal(mmsiFacts(mmsi).mid, mid, String(mmsi));
  }
});

test('the flag comes from the MID, and an unallocated MID makes the number invalid', () => {
  assert.equal(flagOfMid(244), 'Netherlands (Kingdom of the)');
  assert.deepEqual(mmsiFacts(244123000), { kind: 'ship', mid: 244, flag: 'Netherlands (Kingdom of the)', valid: true });
  assert.equal(flagOfMid(200), undefined);
  assert.deepEqual(mmsiFacts(200123456), { kind: 'ship', mid: 200, flag: null, valid: false });
  // Formats without a MID are valid without a flag.
  assert.deepEqual(mmsiFacts(970123456), { kind: 'sart', mid: null, flag: null, valid: true });
});

test('every 9-digit ship MMSI carries its first three digits as MID', () => {
  fc.assert(
    fc.property(fc.integer({ min: 200_000_000, max: 799_999_999 }), (mmsi) => {
      assert.equal(mmsiKind(mmsi), MmsiKind.SHIP);
      assert.equal(midOf(mmsi), Math.floor(mmsi / 1e6));
      assert.equal(mmsiFacts(mmsi).valid, flagOfMid(Math.floor(mmsi / 1e6)) !== undefined);
    }),
  );
});

test('the generated MID table is current with the libais list', { skip: sharedDataAbsent }, async () => {
  const script = fileURLToPath(new URL('../../../../scripts/build-mid-table.mjs', import.meta.url));
  const { parseMidCsv, renderMidTable, MID_TABLE_PATH, MID_CSV } = (await import(script)) as {
    parseMidCsv(text: string): Array<[number, string]>;
    renderMidTable(rows: Array<[number, string]>): string;
    MID_TABLE_PATH: string;
    MID_CSV: string;
  };
  const rows = parseMidCsv(readFileSync(join(SHARED_DATA, MID_CSV), 'utf8'));
  assert.ok(rows.length > 250);
  assert.equal(readFileSync(MID_TABLE_PATH, 'utf8'), renderMidTable(rows), 'run: node scripts/build-mid-table.mjs');
  for (const [mid, country] of rows) assert.equal(flagOfMid(mid), country);
});
