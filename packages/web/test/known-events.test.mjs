import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource } from './support/import-source.mjs';

const { KnownEvents } = await importSource('live/known-events.ts');

const event = (id, start, end = start, extra = {}) => ({ id, type: 'encounter', start, end, mmsi: [1, 2], lat: 0, lon: 0, profile: { id: 'p', version: '1' }, details: {}, ...extra });

test('events are kept oldest first, ties in id order, whatever order they arrive in', () => {
  const known = new KnownEvents();
  known.add([event('b', '2018-06-01T02:00:00Z'), event('c', '2018-06-01T01:00:00Z')]);
  known.add([event('a', '2018-06-01T02:00:00Z')]);
  assert.deepEqual(known.list.map((e) => e.id), ['c', 'a', 'b']);
  assert.equal(known.earliestStart(), Date.parse('2018-06-01T01:00:00Z'));
});

test('the same id again replaces the event: an open episode comes back closed', () => {
  const known = new KnownEvents();
  known.add([event('x', '2018-06-01T00:10:00Z', '2018-06-01T02:10:00Z', { open: true })]);
  const before = known.version;
  known.add([event('x', '2018-06-01T00:10:00Z', '2018-06-01T02:40:00Z')]);
  assert.equal(known.list.length, 1);
  assert.equal(known.list[0].end, '2018-06-01T02:40:00Z');
  assert.equal(known.list[0].open, undefined);
  assert.ok(known.version > before);
});
