import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateFrame, readFrame } from '../src/index.js';

test('a frame round-trips its columns', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ mmsi: fc.integer({ min: 0, max: 999999999 }), lat: fc.float({ min: -90, max: 90, noNaN: true }), type: fc.integer({ min: 0, max: 99 }) }), { maxLength: 50 }), (vessels) => {
      const { buffer, columns } = allocateFrame(vessels.length, 1527811200000, true);
      vessels.forEach((v, i) => {
        columns.mmsi[i] = v.mmsi;
        columns.lat[i] = v.lat;
        columns.shipType[i] = v.type;
      });
      const read = readFrame(buffer);
      assert.ok(read.ok);
      assert.equal(read.columns.count, vessels.length);
      assert.equal(read.columns.time, 1527811200000);
      assert.equal(read.columns.snapshot, true);
      assert.deepEqual(Array.from(read.columns.mmsi), vessels.map((v) => v.mmsi));
      assert.deepEqual(Array.from(read.columns.lat), vessels.map((v) => Math.fround(v.lat)));
      assert.deepEqual(Array.from(read.columns.shipType), vessels.map((v) => v.type));
    }),
  );
});

test('malformed frames are errors, not exceptions', () => {
  assert.equal(readFrame(new ArrayBuffer(3)).ok, false);
  const { buffer } = allocateFrame(10, 0, false);
  assert.equal(readFrame(buffer.slice(0, 100)).ok, false);
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void readFrame(bytes.slice().buffer)));
});
