import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInProfile, imoNumberValid, normaliseName, watchlist, watchlistFromCsv, type Watchlist } from '../src/index.js';
import { shippedFiles } from './scenario/charts.js';
import { hours, Sea } from './scenario/sea.js';
import { finalEvents, ofType, replay } from './scenario/replay.js';

const START = '2024-06-01T00:00:00Z';
const TANKER = 352001234;

/** A small list in the shipped format. */
const LIST_CSV = [
  'imo,mmsi,name,list',
  '9187629,572469210,ARTAVIL,OFAC SDN (IRAN)',
  ',,OCEAN STAR,CASE 17',
  ',667001999,,CASE 18',
  ',,SEA,CASE 19',
].join('\n');

function list(text = LIST_CSV): Watchlist {
  const parsed = watchlistFromCsv(text, 'test');
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.watchlist;
}

function matches(sea: Sea, wl: Watchlist = list()) {
  return ofType(replay(sea.nmea(), { layers: { watchlist: wl } }), 'watchlist_match');
}

test('names are normalised: case, diacritics, punctuation, spacing and a leading ship prefix', () => {
  for (const [raw, expected] of [
    ['Océan  Star', 'OCEAN STAR'],
    ['M/V OCEAN-STAR', 'OCEAN STAR'],
    ['m.v. ocean star', 'OCEAN STAR'],
    ['MV  OCEAN STAR.', 'OCEAN STAR'],
    ["MT KING'S PRIDE", 'KINGS PRIDE'],
    ['MV', 'MV'],
    ['M V', 'M V'],
    ['OCEAN STARS', 'OCEAN STARS'],
  ] as const) {
    assert.equal(normaliseName(raw), expected, raw);
  }
});

test('IMO check digits: OFAC numbers pass, a changed digit fails', () => {
  assert.ok(imoNumberValid(9187629));
  assert.ok(!imoNumberValid(9187628));
  assert.ok(!imoNumberValid(123456));
});

test('watchlist CSV: every bad row is reported with its line; an unusable header is refused', () => {
  const bad = watchlistFromCsv(['imo,mmsi,name', '9187628,,X', ',12345678,Y', ',,', '"unterminated,,Z'].join('\n'), 'test');
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && bad.errors.map((e) => e.path), ['line 2 imo', 'line 3 mmsi', 'line 4', 'line 5']);
  assert.match(!bad.ok ? bad.errors[0]!.message : '', /"9187628" is not an IMO number/);
  const header = watchlistFromCsv('vessel_type,flag\nTanker,Iran', 'test');
  assert.equal(header.ok, false);
  assert.match(!header.ok ? header.errors[0]!.message : '', /needs an imo, mmsi or name column; it has vessel_type, flag/);
  // Without a list column every row is on the list named by the caller.
  const plain = watchlistFromCsv('IMO,Vessel_Name\n9187629,ARTAVIL\n', 'my list');
  assert.ok(plain.ok);
  assert.deepEqual(plain.ok && plain.watchlist.entries, [{ imo: 9187629, mmsi: null, name: 'ARTAVIL', list: 'my list', reason: null }]);
});

test('watchlist_match fires: a listed IMO broadcast under a new name is reported with both names', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: TANKER, name: 'SEA PEARL', imo: 9187629, shipType: 80 }).from(26.0, 56.5).steam(120, 11, hours(2));
  const events = matches(sea);
  const final = finalEvents(events);
  assert.equal(final.length, 1, JSON.stringify(events, null, 1));
  const e = final[0]!;
  assert.equal(e.open, undefined);
  assert.deepEqual(e.mmsi, [TANKER]);
  assert.deepEqual(e.details.matchedBy, ['imo']);
  assert.deepEqual(e.details.entry, { id: 'ofac-sdn-iran-imo9187629', list: 'OFAC SDN (IRAN)', imo: 9187629, mmsi: 572469210, name: 'ARTAVIL', reason: null });
  assert.deepEqual(e.details.nameChange, { listed: 'ARTAVIL', current: 'SEA PEARL' });
  // It also broadcasts another MMSI than the listed one.
  assert.deepEqual(e.details.disagreeing, ['mmsi', 'name']);
  assert.deepEqual(e.details.vessel, { name: 'SEA PEARL', imo: 9187629, callsign: null });
  assert.equal(e.start, START);
  assert.ok(e.id.endsWith(':gfw-2018:ofac-sdn-iran-imo9187629'), e.id);
  // Open at the first report, closed at the end of input: one episode.
  assert.equal(events.length, 2);
  assert.equal(events[0]!.open, true);
  assert.equal(events[0]!.id, e.id);
});

test('watchlist_match: a rename during the voyage grows the evidence of the same episode', () => {
  const sea = new Sea(START);
  const before = sea.vessel({ mmsi: TANKER, name: 'ARTAVIL', imo: 9187629 }).from(26.0, 56.5).steam(120, 11, hours(1));
  const at = before.at(before.end - 10_000)!;
  sea.vessel({ mmsi: TANKER, name: 'NOBLE WAVE', imo: 9187629 }).after(hours(1)).from(at.lat, at.lon).steam(120, 11, hours(1));
  const events = matches(sea);
  const final = finalEvents(events);
  assert.equal(final.length, 1, JSON.stringify(events, null, 1));
  const d = final[0]!.details;
  // Same name and IMO at first: matched by both; then the new name.
  assert.deepEqual(d.matchedBy, ['imo', 'name']);
  assert.deepEqual(d.nameChange, { listed: 'ARTAVIL', current: 'NOBLE WAVE' });
  assert.deepEqual(d.previousNames, ['ARTAVIL']);
  assert.ok(new Set(events.map((e) => e.id)).size === 1);
  assert.equal(events.filter((e) => e.open === true).length, 2, 'open when matched, open again with the new name');
});

test('watchlist_match by MMSI alone and by normalised name alone', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: 667001999, name: 'WHATEVER' }).from(8.0, -14.0).steam(0, 10, hours(1));
  sea.vessel({ mmsi: 244000111, name: 'M/V OCEAN-STAR' }).from(52.0, 4.0).steam(0, 10, hours(1));
  const byMmsi = finalEvents(matches(sea)).find((e) => e.mmsi[0] === 667001999)!;
  assert.deepEqual(byMmsi.details.matchedBy, ['mmsi']);
  assert.equal(byMmsi.details.nameChange, null, 'no listed name to compare');
  const byName = finalEvents(matches(sea)).find((e) => e.mmsi[0] === 244000111)!;
  assert.deepEqual(byName.details.matchedBy, ['name']);
  assert.equal(byName.details.entry.name, 'OCEAN STAR');
});

test('watchlist_match near-miss: a name that only resembles, a short name, an unlisted IMO', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: 244000222, name: 'OCEAN STARS', imo: 9187643 }).from(52.0, 4.0).steam(0, 10, hours(1));
  sea.vessel({ mmsi: 244000333, name: 'ARTAVILA' }).from(52.5, 4.0).steam(0, 10, hours(1));
  // The listed name on a hull whose broadcast IMO is another: a namesake, not the listed ship.
  sea.vessel({ mmsi: 244000555, name: 'ARTAVIL', imo: 9074729 }).from(52.2, 4.0).steam(0, 10, hours(1));
  // Listed, but three letters: under minNameLength (4) a name never matches alone.
  sea.vessel({ mmsi: 244000444, name: 'SEA' }).from(53.0, 4.0).steam(0, 10, hours(1));
  assert.deepEqual(matches(sea), []);
  // With name matching switched off the listed name "OCEAN STAR" is no match either.
  const named = new Sea(START);
  named.vessel({ mmsi: 244000111, name: 'OCEAN STAR' }).from(52.0, 4.0).steam(0, 10, hours(1));
  assert.equal(finalEvents(matches(named)).length, 1);
  const base = builtInProfile('gfw-2018')!;
  const events = ofType(replay(named.nmea(), { layers: { watchlist: list() }, profile: { ...base, detectors: { ...base.detectors, watchlist_match: { minNameLength: null } } } }), 'watchlist_match');
  assert.deepEqual(events, []);
});

test('watchlist on the shipped OFAC lists: a listed IMO under a new name fires; the lists overlap but match once', (t) => {
  const files = shippedFiles('watchlists', '.csv');
  if (files.length === 0) return t.skip('data/watchlists absent');
  const entries = files.flatMap(({ file, text }) => {
    const parsed = watchlistFromCsv(text, file);
    assert.ok(parsed.ok, `${file}: ${JSON.stringify(!parsed.ok && parsed.errors.slice(0, 3))}`);
    return parsed.watchlist.entries;
  });
  const wl = watchlist(entries);
  // A DPRK-programme cargo ship from the lists, renamed.
  const listed = wl.entries.find((e) => e.list === 'OFAC SDN (DPRK)' && e.imo !== null && e.name !== null)!;
  assert.ok(listed, 'a DPRK entry with an IMO number');
  assert.equal(wl.byImo(listed.imo!).length, 1, 'the DPRK extract repeats the full list and is merged');
  const sea = new Sea(START);
  sea.vessel({ mmsi: 445123000, name: 'RENAMED STAR', imo: listed.imo!, shipType: 70 }).from(38.9, 125.0).steam(270, 9, hours(1));
  const final = finalEvents(matches(sea, wl));
  assert.equal(final.length, 1, JSON.stringify(final, null, 1));
  assert.deepEqual(final[0]!.details.matchedBy, ['imo']);
  assert.deepEqual(final[0]!.details.nameChange, { listed: listed.name!, current: 'RENAMED STAR' });
  assert.equal(final[0]!.details.entry.list, 'OFAC SDN (DPRK)');
});
