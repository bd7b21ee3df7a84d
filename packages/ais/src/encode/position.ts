/**
 * Writers for the position-bearing messages: types 1-3, 4/11, 9, 18, 19, 27.
 * Each writes the whole layout, spare bits as zeros, fields in wire order.
 * Bits the message shape does not carry (the assigned-mode flag of types 9
 * and 18, spares) are written as zeros.
 */
import type { PositionReportClassA } from '../messages/position-a.js';
import type { BaseStationReport } from '../messages/base-station.js';
import type { SarAircraftReport } from '../messages/sar-aircraft.js';
import type { PositionReportClassB, ExtendedPositionReportClassB } from '../messages/position-b.js';
import type { LongRangeReport } from '../messages/long-range.js';
import type { MessageHeader } from '../messages/header.js';
import type { BitWriter } from './bit-writer.js';

export function writeHeader(w: BitWriter, m: MessageHeader): void {
  w.uint(m.type, 6, 'type').uint(m.repeat, 2, 'repeat').uint(m.mmsi, 30, 'mmsi');
}

/** Types 1, 2, 3: 168 bits. */
export function writePositionReportClassA(w: BitWriter, m: PositionReportClassA): void {
  writeHeader(w, m);
  w.uint(m.status, 4, 'status')
    .int(m.turn, 8, 'turn')
    .uint(m.speed, 10, 'speed')
    .bool(m.accuracy, 'accuracy')
    .int(m.lon, 28, 'lon')
    .int(m.lat, 27, 'lat')
    .uint(m.course, 12, 'course')
    .uint(m.heading, 9, 'heading')
    .uint(m.second, 6, 'second')
    .uint(m.maneuver, 2, 'maneuver')
    .zeros(3)
    .bool(m.raim, 'raim')
    .uint(m.radio, 19, 'radio');
}

const TIMESTAMP = /^(\d{4,5})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;

/** Types 4 and 11: 168 bits. The timestamp must be in the decoder's exact form. */
export function writeBaseStationReport(w: BitWriter, m: BaseStationReport): void {
  const t = TIMESTAMP.exec(m.timestamp);
  const year = t === null ? -1 : Number(t[1]);
  if (t === null || t[1] !== (year < 1000 ? String(year).padStart(4, '0') : String(year))) {
    throw new RangeError(`timestamp = ${JSON.stringify(m.timestamp)}: not YYYY-MM-DDTHH:MM:SSZ`);
  }
  writeHeader(w, m);
  w.uint(year, 14, 'timestamp year')
    .uint(Number(t[2]), 4, 'timestamp month')
    .uint(Number(t[3]), 5, 'timestamp day')
    .uint(Number(t[4]), 5, 'timestamp hour')
    .uint(Number(t[5]), 6, 'timestamp minute')
    .uint(Number(t[6]), 6, 'timestamp second')
    .bool(m.accuracy, 'accuracy')
    .int(m.lon, 28, 'lon')
    .int(m.lat, 27, 'lat')
    .uint(m.epfd, 4, 'epfd')
    .zeros(10)
    .bool(m.raim, 'raim')
    .uint(m.radio, 19, 'radio');
}

/** Type 9: 168 bits; the assigned-mode flag is written as 0 (autonomous). */
export function writeSarAircraftReport(w: BitWriter, m: SarAircraftReport): void {
  writeHeader(w, m);
  w.uint(m.alt, 12, 'alt')
    .uint(m.speed, 10, 'speed')
    .bool(m.accuracy, 'accuracy')
    .int(m.lon, 28, 'lon')
    .int(m.lat, 27, 'lat')
    .uint(m.course, 12, 'course')
    .uint(m.second, 6, 'second')
    .uint(m.regional, 8, 'regional')
    .uint(m.dte, 1, 'dte')
    .zeros(4) // three spare bits and the assigned-mode flag
    .bool(m.raim, 'raim')
    .uint(m.radio, 20, 'radio');
}

/** The header and the fields types 18 and 19 share, up to the regional bits (2 in type 18, 4 in type 19). */
function writeClassBPosition(w: BitWriter, m: PositionReportClassB | ExtendedPositionReportClassB): void {
  writeHeader(w, m);
  w.uint(m.reserved, 8, 'reserved')
    .uint(m.speed, 10, 'speed')
    .bool(m.accuracy, 'accuracy')
    .int(m.lon, 28, 'lon')
    .int(m.lat, 27, 'lat')
    .uint(m.course, 12, 'course')
    .uint(m.heading, 9, 'heading')
    .uint(m.second, 6, 'second');
}

/** Type 18: 168 bits; the assigned-mode flag is written as 0 (autonomous). */
export function writePositionReportClassB(w: BitWriter, m: PositionReportClassB): void {
  writeClassBPosition(w, m);
  w.uint(m.regional, 2, 'regional')
    .bool(m.cs, 'cs')
    .bool(m.display, 'display')
    .bool(m.dsc, 'dsc')
    .bool(m.band, 'band')
    .bool(m.msg22, 'msg22')
    .zeros(1)
    .bool(m.raim, 'raim')
    .uint(m.radio, 20, 'radio');
}

/** Type 19: 312 bits. */
export function writeExtendedPositionReportClassB(w: BitWriter, m: ExtendedPositionReportClassB): void {
  writeClassBPosition(w, m);
  w.uint(m.regional, 4, 'regional')
    .text(m.shipname, 20, 'shipname')
    .uint(m.shiptype, 8, 'shiptype')
    .uint(m.to_bow, 9, 'to_bow')
    .uint(m.to_stern, 9, 'to_stern')
    .uint(m.to_port, 6, 'to_port')
    .uint(m.to_starboard, 6, 'to_starboard')
    .uint(m.epfd, 4, 'epfd')
    .bool(m.raim, 'raim')
    .uint(m.dte, 1, 'dte')
    .bool(m.assigned, 'assigned')
    .zeros(4);
}

/** Type 27: 96 bits. */
export function writeLongRangeReport(w: BitWriter, m: LongRangeReport): void {
  writeHeader(w, m);
  w.bool(m.accuracy, 'accuracy')
    .bool(m.raim, 'raim')
    .uint(m.status, 4, 'status')
    .int(m.lon, 18, 'lon')
    .int(m.lat, 17, 'lat')
    .uint(m.speed, 6, 'speed')
    .uint(m.course, 9, 'course')
    .bool(m.gnss, 'gnss')
    .zeros(1);
}
