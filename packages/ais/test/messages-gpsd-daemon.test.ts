/**
 * Differential test against gpsd on live captures (`gpsd/test/daemon/*.log`
 * and gpsd's expected output `*.log.chk`): every message of the common types
 * that gpsd printed, we decode identically, and we decode nothing it did not.
 *
 * Compared as sets (gpsd's daemon output repeats some messages). One known
 * difference: gpsd's daemon pairs type 24 parts A and B of one vessel into a
 * single record without `part`; we emit the parts as they come (as
 * `gpsdecode -s` does), so such a record must be the union of our part A
 * and part B for that MMSI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AisReceiver } from '../src/receiver.js';
import type { AisMessage } from '../src/messages/registry.js';
import { SHARED_DATA, sharedDataAbsent } from './support/shared-data.js';
import { withoutPresentation } from './support/golden.js';

const COMMON_TYPES = new Set([1, 2, 3, 4, 5, 9, 11, 18, 19, 21, 24, 27]);
const DAEMON = `${SHARED_DATA}/ais-conformance/gpsd/test/daemon/`;
const CAPTURES = ['ais-nmea.log', 'ais-18-27.log', 'ais-raw-messages.log', 'ais_unpack_sixbit.log', 'ais-nmea-type6-fid55.log'];

type Record = { [k: string]: unknown };

function ours(capture: string): Record[] {
  const out: Record[] = [];
  const receiver = new AisReceiver({
    message: (m: AisMessage) => {
      if (COMMON_TYPES.has(m.type)) out.push(m as unknown as Record);
    },
    reject: () => {},
  });
  for (const line of readFileSync(DAEMON + capture, 'utf8').split('\n')) receiver.pushLine(line);
  receiver.end();
  return out;
}

function gpsds(capture: string): Record[] {
  return readFileSync(`${DAEMON}${capture}.chk`, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"class":"AIS"'))
    .map((l) => withoutPresentation(JSON.parse(l) as Record))
    .filter((r) => COMMON_TYPES.has(r['type'] as number));
}

const key = (r: Record): string => JSON.stringify(r);

for (const capture of CAPTURES) {
  test(`gpsd daemon capture ${capture}: the same messages of the common types`, { skip: sharedDataAbsent }, () => {
    const decoded = ours(capture);
    const expected = gpsds(capture);
    assert.ok(expected.length > 5, `${expected.length} expected messages`);
    const decodedKeys = new Set(decoded.map(key));
    const explained = new Set<string>();
    for (const r of expected) {
      if (r['type'] === 24 && !('part' in r)) {
        // gpsd's pairing of part A and part B: find both among ours.
        const { shipname, ...partB } = r;
        const a = { type: 24, repeat: r['repeat'], mmsi: r['mmsi'], part: 'A', shipname };
        const { type, repeat, mmsi, ...rest } = partB;
        const b = { type, repeat, mmsi, part: 'B', ...rest };
        assert.ok(decodedKeys.has(key(a)), `part A of ${key(r)}`);
        assert.ok(decodedKeys.has(key(b)), `part B of ${key(r)}`);
        explained.add(key(a)).add(key(b));
        continue;
      }
      assert.ok(decodedKeys.has(key(r)), `gpsd printed ${key(r)}`);
      explained.add(key(r));
    }
    // The only messages gpsd did not print are type 24 parts it was still waiting to pair.
    for (const k of decodedKeys) {
      if (explained.has(k)) continue;
      const m = JSON.parse(k) as Record;
      assert.equal(m['type'], 24, `we decoded ${k}, gpsd printed nothing like it`);
    }
  });
}
