import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { CsvObservationReader, parseTime } from '../src/observe/csv/reader.js';
import type { Observation, PositionObservation, StaticObservation } from '../src/observe/observation.js';
import { SHARED_DATA, sharedDataAbsent } from './support/shared-data.js';

function readAll(text: string): { positions: PositionObservation[]; statics: StaticObservation[]; faults: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const made = CsvObservationReader.fromHeader(lines[0]!);
  assert.ok(made.ok, made.ok ? '' : made.error);
  const positions: PositionObservation[] = [];
  const statics: StaticObservation[] = [];
  const faults: string[] = [];
  const keep = (o: Observation): void => void (o.kind === 'position' ? positions.push({ ...o }) : statics.push(o));
  for (const line of lines.slice(1)) {
    const fault = made.reader.read(line, keep);
    if (fault) faults.push(fault.reason);
  }
  return { positions, statics, faults };
}

test('a Danish Maritime Authority row: day-first time, status and types as text, "Unknown" placeholders', () => {
  const dma =
    '# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\n' +
    '26/04/2026 00:00:00,Class A,211429600,54.693287,8.575183,Under way using engine,0.0,0.0,,62,Unknown,Unknown,,Undefined,,,,Undefined,,Unknown,,AIS,,,,\n' +
    '26/04/2026 00:00:07,Class A,219000873,55.461512,8.412398,Engaged in fishing,,7.1,201.5,511,Unknown,OXQT2,MARIE,Fishing,,6,20,GPS,2.5,ESBJERG,,AIS,10,10,3,3\n';
  const { positions, statics, faults } = readAll(dma);
  assert.deepEqual(faults, []);
  assert.deepEqual(positions[0], { kind: 'position', t: Date.UTC(2026, 3, 26), mmsi: 211429600, lat: 54.693287, lon: 8.575183, sog: 0, cog: NaN, heading: 62, navStatus: 0, source: 1 });
  assert.equal(positions[1]!.heading, NaN);
  assert.equal(positions[1]!.navStatus, 7);
  assert.equal(statics.length, 1, 'a row with no identity gives no static observation');
  assert.deepEqual(
    [statics[0]!.name, statics[0]!.callsign, statics[0]!.shipType, statics[0]!.destination, statics[0]!.draught, statics[0]!.toBow, statics[0]!.toStarboard],
    ['MARIE', 'OXQT2', 30, 'ESBJERG', 2.5, 10, 3],
  );
});

test('a NOAA MarineCadastre row: ISO time, IMO prefix, numeric type and status', () => {
  const noaa =
    'MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass\n' +
    '368324460,2024-12-31T00:16:09,29.13983,-90.213,0.0,160.0,339,HOS BERETTA,IMO9347346,WDN9166,70.0,5.0,100.0,14.0,5.2,70.0,A\n' +
    '368324460,2024-12-31T00:19:09,29.13983,-90.213,0.1,160.0,339,HOS BERETTA,IMO9347346,WDN9166,70.0,5.0,100.0,14.0,5.2,70.0,A\n';
  const { positions, statics } = readAll(noaa);
  assert.equal(positions.length, 2);
  assert.equal(positions[0]!.t, Date.UTC(2024, 11, 31, 0, 16, 9));
  assert.equal(positions[0]!.navStatus, 5);
  assert.equal(statics.length, 1, 'a repeated identity is not emitted again');
  assert.deepEqual([statics[0]!.imo, statics[0]!.shipType, statics[0]!.toBow + statics[0]!.toStern, statics[0]!.draught], [9347346, 70, 100, 5.2]);
});

test('rows that cannot be read say why and the next rows still read', () => {
  const head = 'MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading\n';
  const { positions, faults } = readAll(
    head +
      'abc,2024-12-31T00:16:09,29.1,-90.2,0,0,0\n' +
      '368324460,31/31/2024 00:00:00,29.1,-90.2,0,0,0\n' +
      '368324460,2024-12-31T00:16:09,95,-90.2,0,0,0\n' +
      '368324460,2024-12-31T00:16:09,91,181,0,0,0\n' +
      '368324460,2024-12-31T00:16:09\n' +
      '368324460,2024-12-31T00:16:10,29.1,-90.2,102.3,360,511\n',
  );
  assert.deepEqual(faults, ['bad_mmsi', 'bad_time', 'bad_position', 'bad_row']);
  assert.equal(positions.length, 1, '91/181 is "not available": no position, no fault');
  assert.deepEqual([positions[0]!.sog, positions[0]!.cog, positions[0]!.heading], [NaN, NaN, NaN], 'not-available values become NaN');
});

test('a header without time, MMSI or position is refused with the columns it lacks', () => {
  const r = CsvObservationReader.fromHeader('"rowid","Local.Time","ID","Type","SOG","COG","Latitude","Longitude"');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, /mmsi/);
});

test('times: ISO, day-first, with zone suffixes, UNIX seconds and milliseconds', () => {
  const t = Date.UTC(2026, 4, 6, 8, 10, 12);
  assert.equal(parseTime('2026-05-06 08:10:12.271304729 +0000 UTC'), t + 271);
  assert.equal(parseTime('2026-05-06T08:10:12Z'), t);
  assert.equal(parseTime('06/05/2026 08:10:12'), t);
  assert.equal(parseTime(String(t / 1000)), t);
  assert.equal(parseTime(String(t)), t);
  assert.equal(parseTime('1.522551e+12'), 1522551000000, 'milliseconds in exponent form');
  assert.ok(Number.isNaN(parseTime('12')), 'too small to be a time');
  assert.ok(Number.isNaN(parseTime('yesterday')));
});

test('property: arbitrary rows never throw', () => {
  const made = CsvObservationReader.fromHeader('MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO');
  assert.ok(made.ok);
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (row) => void made.reader.read(row, () => undefined)), { numRuns: 3000 });
});

const REAL: Array<[string, [number, number, number, number]]> = [
  ['ais-samples/dma_aisdk_2026/aisdk_2026-04-26_extract.csv', [53, 59, 2, 17]],
  ['ais-samples/noaa_marinecadastre/marinecadastre_2024-12-31_sampled.csv', [-15, 72, -180, 180]],
  ['ais-samples/aisdb/test_data_noaa_20230101.csv', [-15, 72, -180, 180]],
  ['ais-samples/baltic_gibraltar_samples/baltic_2018-04_20k_sample.csv', [53, 66, 9, 31]],
  ['ais-samples/baltic_gibraltar_samples/gibraltar_2016-06_20k_sample.csv', [34, 38, -7, -3]],
  ['ais-samples/singapore_2026/singapore_ais_2026-05-06.csv', [0, 2, 103, 105]],
  ['ais-samples/sbarc_2018-06/sbarc_positions_2018-06-01_to_07.csv.gz', [10, 45, -130, -100]],
  ['ais-samples/auckland_2017/auckland_vessels_2017-09_dedup.csv.gz', [-48, -30, 165, 180]],
];

for (const [path, [south, north, west, east]] of REAL) {
  test(`real export ${path.split('/').pop()}: read by its header, positions where the data lies`, { skip: sharedDataAbsent }, () => {
    const raw = readFileSync(`${SHARED_DATA}/${path}`);
    const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    const { positions, faults } = readAll(path.endsWith('.gz') ? text.split('\n').slice(0, 50001).join('\n') : text);
    assert.ok(positions.length > 900, `${positions.length} positions`);
    assert.ok(faults.length <= positions.length * 0.02, `${faults.length} refused rows: ${[...new Set(faults)]}`);
    const inside = positions.filter((p) => p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east).length;
    assert.ok(inside >= positions.length * 0.95, `${inside} of ${positions.length} inside the area`);
    assert.ok(positions.every((p) => p.t > Date.UTC(2010, 0, 1) && p.t < Date.UTC(2027, 0, 1)));
  });
}
