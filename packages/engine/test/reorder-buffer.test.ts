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

// Times to the millisecond, and whole seconds as tag-block feeds give them (where one
// vessel's reports in one second tie on time and are ordered by their content).
for (const [what, time] of [
  ['milliseconds', fc.integer({ min: 0, max: 120_000 })],
  ['whole seconds', fc.integer({ min: 0, max: 60 }).map((s) => s * 1000)],
] as const) {
  test(`releases every observation once, sorted by time then content, whatever the arrival order within the window (${what})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: time, mmsi: fc.integer({ min: 1, max: 4 }), lat: fc.integer({ min: -2, max: 2 }), delay: fc.integer({ min: 0, max: 29_000 }) }), { minLength: 1, maxLength: 300, size: 'max' }),
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
}

test('an observation older than the released seconds is late and dropped; a lone jump in time keeps order', () => {
  const buffer = new ReorderBuffer(10_000);
  const out: string[] = [];
  const c = collect(buffer, out, []);
  const t0 = 1_600_000_000_000;
  assert.ok(buffer.push(position(t0, 1), c.each, c.done));
  assert.ok(buffer.push(position(t0 + 25_000, 2), c.each, c.done)); // releases t0's second
  assert.deepEqual(out, [`${t0}/1/0`]);
  assert.equal(buffer.push(position(t0 + 16_000, 3), c.each, c.done), true); // 9 s behind the newest: inside the window
  assert.equal(buffer.push(position(t0 + 14_000, 4), c.each, c.done), false); // 11 s behind: its second is gone
  // Ten hours later (a lone report, so it waits aside): at the end everything comes out in order.
  assert.ok(buffer.push(position(t0 + 36_000_000, 5), c.each, c.done));
  assert.deepEqual(out, [`${t0}/1/0`]);
  buffer.drain(c.each, c.done);
  assert.deepEqual(out, [`${t0}/1/0`, `${t0 + 16_000}/3/0`, `${t0 + 25_000}/2/0`, `${t0 + 36_000_000}/5/0`]);
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

test('one report stamped a day ahead does not move the clock: it waits and comes in at its time', () => {
  const buffer = new ReorderBuffer(30_000);
  const out: string[] = [];
  const c = collect(buffer, out, []);
  const t0 = 1_528_243_000_000;
  const day = 86_400_000;
  for (let s = 0; s < 120; s += 10) buffer.push(position(t0 + s * 1000, 1), c.each, c.done);
  // A vessel's position and static data, both stamped a day late (as in the SBARC week).
  buffer.push(position(t0 + day, 9), c.each, c.done);
  const s9 = emptyStatic(t0 + day, 9);
  buffer.push(s9, c.each, c.done);
  // The stream goes on: nothing of it is late.
  let late = 0;
  for (let s = 120; s < 600; s += 10) if (!buffer.push(position(t0 + s * 1000, 1), c.each, c.done)) late++;
  assert.equal(late, 0);
  assert.equal(buffer.leaps, 0);
  assert.equal(buffer.heldAhead, 2);
  assert.ok(!out.some((o) => o.includes('/9/')), 'released before its time');
  buffer.drain(c.each, c.done);
  // At the end of input it comes out last, in order.
  assert.deepEqual(out.slice(-2), [`${t0 + day}/9/0`, `${t0 + day}/9/static:`]);
});

test('a leap forward corroborated by reports at several times is followed (a feed back from an outage)', () => {
  const buffer = new ReorderBuffer(30_000);
  const out: string[] = [];
  const c = collect(buffer, out, []);
  const t0 = 1_528_243_000_000;
  const later = t0 + 6 * 3_600_000;
  buffer.push(position(t0, 1), c.each, c.done);
  buffer.push(position(later, 2), c.each, c.done);
  buffer.push(position(later + 10_000, 3), c.each, c.done);
  assert.equal(buffer.leaps, 0);
  buffer.push(position(later + 20_000, 4), c.each, c.done);
  assert.equal(buffer.leaps, 1);
  // The stream is now six hours on: the old second is released and anything older is late.
  assert.deepEqual(out, [`${t0}/1/0`]);
  assert.equal(buffer.push(position(t0 + 60_000, 5), c.each, c.done), false);
  buffer.drain(c.each, c.done);
  assert.deepEqual(out, [`${t0}/1/0`, `${later}/2/0`, `${later + 10_000}/3/0`, `${later + 20_000}/4/0`]);
});

test('the look ahead changes nothing released, hands on only the slots it found, and reads state ahead only for vessels spread over many slots', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ ms: fc.integer({ min: 0, max: 5_999 }), mmsi: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 400 }),
      fc.integer({ min: 1, max: 40 }),
      (items, stride) => {
        const t0 = 1_600_000_000_000;
        // Vessel m is kept in slot m * stride (none for every seventh): a small stride keeps a run's
        // vessels close together, a large one spreads them over thousands of slots.
        const slotOf = (mmsi: number): number => (mmsi % 7 === 0 ? -1 : mmsi * stride);
        const asked: number[] = [];
        const lookAhead = { where: (mmsi: number) => mmsi, slot: slotOf, state: (slot: number) => (asked.push(slot), slot) };
        const run = (withLookAhead: boolean) => {
          const buffer = new ReorderBuffer(2_000, withLookAhead ? lookAhead : undefined);
          const out: string[] = [];
          const each = (o: Observation, slot: number) => {
            // A second of one observation is released without asking (nothing to overlap).
            if (withLookAhead) assert.ok(slot === -1 || slot === slotOf(o.mmsi));
            else assert.equal(slot, -1);
            out.push(`${o.t}/${o.mmsi}`);
          };
          for (const it of items) buffer.push(position(t0 + it.ms, it.mmsi), each, () => undefined);
          buffer.drain(each, () => undefined);
          return out;
        };
        assert.deepEqual(run(true), run(false));
        // State is read only for vessels with a slot, and only when a run's slots spread wide.
        for (const slot of asked) assert.ok(slot >= 0 && slot % stride === 0);
        if (400 * stride <= 2048) assert.equal(asked.length, 0);
      },
    ),
    { numRuns: 100 },
  );
  // And it is read ahead when a second's vessels spread over many slots.
  const asked: number[] = [];
  const buffer = new ReorderBuffer(2_000, { where: (m) => m, slot: (m) => m * 1000, state: (slot) => (asked.push(slot), 0) });
  for (let m = 1; m <= 10; m++) buffer.push(position(1_600_000_000_000, m), () => undefined, () => undefined);
  buffer.drain(() => undefined, () => undefined);
  assert.deepEqual(asked, [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
});
