import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReorderBuffer } from '../src/ingest/reorder-buffer.js';
import { emptyStatic, type Observation, type PositionObservation } from '../src/index.js';

const position = (t: number, mmsi: number, lat = 0, lon = 0): PositionObservation => ({
  kind: 'position', t, mmsi, lat, lon, sog: NaN, cog: NaN, heading: NaN, navStatus: NaN, source: 1,
});

function collect(buffer: ReorderBuffer, out: string[], ends: number[]) {
  return {
    each: (o: Observation) => void out.push(o.kind === 'position' ? `${o.t}/${o.mmsi}/${o.lat}` : `${o.t}/${o.mmsi}/static:${o.name}`),
    done: (end: number) => void ends.push(end),
    buffer,
  };
}

test('releases every observation once, sorted by time then content, whatever the arrival order within the window', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ t: fc.integer({ min: 0, max: 120_000 }), mmsi: fc.integer({ min: 1, max: 4 }), lat: fc.integer({ min: -2, max: 2 }), delay: fc.integer({ min: 0, max: 29_000 }) }), { maxLength: 300 }),
      (items) => {
        const t0 = 1_600_000_000_000;
        const buffer = new ReorderBuffer(30_000);
        const out: string[] = [];
        const ends: number[] = [];
        const c = collect(buffer, out, ends);
        // Arrival order: each item turns up `delay` ms after its time, inside the 30 s window.
        const arrivals = [...items].sort((a, b) => a.t + a.delay - (b.t + b.delay));
        let late = 0;
        for (const it of arrivals) if (!buffer.push(position(t0 + it.t, it.mmsi, it.lat), c.each, c.done)) late++;
        buffer.drain(c.each, c.done);
        assert.equal(late, 0);
        const expected = [...items]
          .sort((a, b) => a.t - b.t || a.mmsi - b.mmsi || a.lat - b.lat)
          .map((it) => `${t0 + it.t}/${it.mmsi}/${it.lat}`);
        assert.deepEqual(out, expected);
        // Second ends are announced in increasing order.
        for (let i = 1; i < ends.length; i++) assert.ok(ends[i]! > ends[i - 1]!);
        assert.equal(buffer.size, 0);
      },
    ),
    { numRuns: 100 },
  );
});

test('an observation older than the released seconds is late and dropped; a big jump in time keeps order', () => {
  const buffer = new ReorderBuffer(10_000);
  const out: string[] = [];
  const c = collect(buffer, out, []);
  const t0 = 1_600_000_000_000;
  assert.ok(buffer.push(position(t0, 1), c.each, c.done));
  assert.ok(buffer.push(position(t0 + 25_000, 2), c.each, c.done)); // releases t0's second
  assert.deepEqual(out, [`${t0}/1/0`]);
  assert.equal(buffer.push(position(t0 + 16_000, 3), c.each, c.done), true); // 9 s behind the newest: inside the window
  assert.equal(buffer.push(position(t0 + 14_000, 4), c.each, c.done), false); // 11 s behind: its second is gone
  // Ten hours later: everything held comes out first, in order.
  assert.ok(buffer.push(position(t0 + 36_000_000, 5), c.each, c.done));
  assert.deepEqual(out, [`${t0}/1/0`, `${t0 + 16_000}/3/0`, `${t0 + 25_000}/2/0`]);
  buffer.drain(c.each, c.done);
  assert.equal(out.at(-1), `${t0 + 36_000_000}/5/0`);
});

test('static observations are copied and ordered after positions of the same vessel and time', () => {
  const buffer = new ReorderBuffer(0);
  const out: string[] = [];
  const c = collect(buffer, out, []);
  const s = emptyStatic(5000, 7);
  s.name = 'A';
  buffer.push(s, c.each, c.done);
  s.name = 'CHANGED AFTER PUSH';
  buffer.push(position(5000, 7), c.each, c.done);
  buffer.drain(c.each, c.done);
  assert.deepEqual(out, ['5000/7/0', '5000/7/static:A']);
});
