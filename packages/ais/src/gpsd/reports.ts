/**
 * gpsd JSON bodies for every message type but the binary ones (6 and 8).
 *
 * The types that make up nearly all traffic (1-5, 9, 11, 18, 19, 21, 27) have
 * straight-line printers: one template per mode, legends pre-quoted, no loop
 * over keys. The rest print through a plan (`fields.ts`). A body is the text
 * after gpsd's `"scaled":...,` and before the closing brace.
 */
import { coded, divided, formatFields, NO_RULES, quotedDivided, quotedTable, type Fields, type Plan } from './fields.js';
import { EPFD, EPFD_INVALID, NAV_STATUS, NAVAID_TYPE, NAVAID_TYPE_INVALID, SHIP_TYPE, SHIP_TYPE_INVALID, STATION_TYPE, STATION_TYPE_INVALID } from './legends.js';
import { fixed, jsonString } from './printf.js';

export type BodyPrinter = (m: Fields, scaled: boolean) => string;

const NAV_Q = quotedTable(NAV_STATUS);
const EPFD_Q = quotedTable(EPFD);
const EPFD_INVALID_Q = jsonString(EPFD_INVALID);
const SHIP_Q = quotedTable(SHIP_TYPE);
const SHIP_INVALID_Q = jsonString(SHIP_TYPE_INVALID);

const epfdText = (n: number): string => (n < EPFD_Q.length ? EPFD_Q[n]! : EPFD_INVALID_Q);
const shipText = (n: number): string => (n < SHIP_Q.length ? SHIP_Q[n]! : SHIP_INVALID_Q);

/** 1/10000 minute → degrees, as gpsd's `%.6f` of `x / 600000.0`. */
const degrees = (x: number): string => fixed(x / 600000, 6);
/** Tenths → `%.1f`. */
const tenths = (x: number): string => fixed(x / 10, 1);

/** Rate of turn, scaled: gpsd prints the square of turn/4.733 (the sign is lost, as in gpsd) or a word. */
function turnScaled(turn: number): string {
  if (turn === -128) return '"nan"';
  if (turn === -127) return '"fastleft"';
  if (turn === 127) return '"fastright"';
  const rot = turn / 4.733;
  return fixed(rot * rot, 0);
}

/** Speed over ground in tenths of a knot, scaled: 1023 not available, 1022 "102.2 knots or more". */
function speedScaled(speed: number): string {
  if (speed === 1023) return '"nan"';
  if (speed === 1022) return '"fast"';
  return tenths(speed);
}

function positionReportClassA(m: Fields, scaled: boolean): string {
  const head = `"status":${m.status},"status_text":${NAV_Q[m.status]},"turn":`;
  const tail = `,"heading":${m.heading},"second":${m.second},"maneuver":${m.maneuver},"raim":${m.raim},"radio":${m.radio}`;
  if (!scaled) {
    return `${head}${m.turn},"speed":${m.speed},"accuracy":${m.accuracy},"lon":${m.lon},"lat":${m.lat},"course":${m.course}${tail}`;
  }
  return `${head}${turnScaled(m.turn)},"speed":${speedScaled(m.speed)},"accuracy":${m.accuracy},"lon":${degrees(m.lon)},"lat":${degrees(m.lat)},"course":${tenths(m.course)}${tail}`;
}

/** Types 4 and 11. */
function baseStationReport(m: Fields, scaled: boolean): string {
  const lon = scaled ? degrees(m.lon) : m.lon;
  const lat = scaled ? degrees(m.lat) : m.lat;
  return `"timestamp":${jsonString(m.timestamp)},"accuracy":${m.accuracy},"lon":${lon},"lat":${lat},"epfd":${m.epfd},"epfd_text":${epfdText(m.epfd)},"raim":${m.raim},"radio":${m.radio}`;
}

function staticAndVoyageData(m: Fields, scaled: boolean): string {
  return (
    `"imo":${m.imo},"ais_version":${m.ais_version},"callsign":${jsonString(m.callsign)},"shipname":${jsonString(m.shipname)},` +
    `"shiptype":${m.shiptype},"shiptype_text":${shipText(m.shiptype)},"to_bow":${m.to_bow},"to_stern":${m.to_stern},"to_port":${m.to_port},"to_starboard":${m.to_starboard},` +
    `"epfd":${m.epfd},"epfd_text":${epfdText(m.epfd)},"eta":${jsonString(m.eta)},"draught":${scaled ? tenths(m.draught) : m.draught},` +
    `"destination":${jsonString(m.destination)},"dte":${m.dte}`
  );
}

/** Type 9. Altitude 4095 is not available, 4094 "4094 m or higher"; speed 1023 not available, 1022 "1022 knots or more". */
function sarAircraftReport(m: Fields, scaled: boolean): string {
  const tail = `,"second":${m.second},"regional":${m.regional},"dte":${m.dte},"raim":${m.raim},"radio":${m.radio}`;
  if (!scaled) {
    return `"alt":${m.alt},"speed":${m.speed},"accuracy":${m.accuracy},"lon":${m.lon},"lat":${m.lat},"course":${m.course}${tail}`;
  }
  const alt = m.alt === 4095 ? '"nan"' : m.alt === 4094 ? '"high"' : String(m.alt);
  const speed = m.speed === 1023 ? '"nan"' : m.speed === 1022 ? '"fast"' : String(m.speed);
  return `"alt":${alt},"speed":${speed},"accuracy":${m.accuracy},"lon":${degrees(m.lon)},"lat":${degrees(m.lat)},"course":${tenths(m.course)}${tail}`;
}

/** The fields types 18 and 19 share, up to `regional`. */
function classBPosition(m: Fields, scaled: boolean): string {
  if (!scaled) {
    return `"reserved":${m.reserved},"speed":${m.speed},"accuracy":${m.accuracy},"lon":${m.lon},"lat":${m.lat},"course":${m.course},"heading":${m.heading},"second":${m.second},"regional":${m.regional}`;
  }
  return `"reserved":${m.reserved},"speed":${tenths(m.speed)},"accuracy":${m.accuracy},"lon":${degrees(m.lon)},"lat":${degrees(m.lat)},"course":${tenths(m.course)},"heading":${m.heading},"second":${m.second},"regional":${m.regional}`;
}

function positionReportClassB(m: Fields, scaled: boolean): string {
  return `${classBPosition(m, scaled)},"cs":${m.cs},"display":${m.display},"dsc":${m.dsc},"band":${m.band},"msg22":${m.msg22},"raim":${m.raim},"radio":${m.radio}`;
}

function extendedPositionReportClassB(m: Fields, scaled: boolean): string {
  return (
    `${classBPosition(m, scaled)},"shipname":${jsonString(m.shipname)},"shiptype":${m.shiptype},"shiptype_text":${shipText(m.shiptype)},` +
    `"to_bow":${m.to_bow},"to_stern":${m.to_stern},"to_port":${m.to_port},"to_starboard":${m.to_starboard},` +
    `"epfd":${m.epfd},"epfd_text":${epfdText(m.epfd)},"raim":${m.raim},"dte":${m.dte},"assigned":${m.assigned}`
  );
}

const NAVAID_Q = quotedTable(NAVAID_TYPE);

/** Type 21. gpsd puts `accuracy` after the position when scaled and before it when not. */
function aidToNavigationReport(m: Fields, scaled: boolean): string {
  const head = `"aid_type":${m.aid_type},"aid_type_text":${NAVAID_Q[m.aid_type] ?? jsonString(NAVAID_TYPE_INVALID)},"name":${jsonString(m.name)},`;
  const position = scaled
    ? `"lon":${degrees(m.lon)},"lat":${degrees(m.lat)},"accuracy":${m.accuracy}`
    : `"accuracy":${m.accuracy},"lon":${m.lon},"lat":${m.lat}`;
  return (
    `${head}${position},"to_bow":${m.to_bow},"to_stern":${m.to_stern},"to_port":${m.to_port},"to_starboard":${m.to_starboard},` +
    `"epfd":${m.epfd},"epfd_text":${epfdText(m.epfd)},"second":${m.second},"regional":${m.regional},` +
    `"off_position":${m.off_position},"raim":${m.raim},"virtual_aid":${m.virtual_aid}`
  );
}

/** Type 27: positions in 1/10 minute; scaled, the status is its legend and has no `status_text`. */
function longRangeReport(m: Fields, scaled: boolean): string {
  const status = scaled ? NAV_Q[m.status] : m.status;
  const lon = scaled ? fixed(m.lon / 600, 1) : m.lon;
  const lat = scaled ? fixed(m.lat / 600, 1) : m.lat;
  return `"status":${status},"accuracy":${m.accuracy},"lon":${lon},"lat":${lat},"speed":${m.speed},"course":${m.course},"raim":${m.raim},"gnss":${m.gnss}`;
}

const planned =
  (plan: Plan): BodyPrinter =>
  (m, scaled) =>
    formatFields(m, plan, scaled, true);

/** Type 17: the DGNSS station position in 1/10 minute. */
const DGNSS_PLAN: Plan = { lon: divided('lon', 600, 1), lat: divided('lat', 600, 1) };

/** Types 22 (broadcast form) and 23: area corners in 1/10 minute, printed scaled as quoted `%f`. */
const CORNERS: Plan = {
  ne_lon: quotedDivided('ne_lon', 600),
  ne_lat: quotedDivided('ne_lat', 600),
  sw_lon: quotedDivided('sw_lon', 600),
  sw_lat: quotedDivided('sw_lat', 600),
};

const GROUP_ASSIGNMENT_PLAN: Plan = {
  ...CORNERS,
  stationtype: coded('stationtype', STATION_TYPE, STATION_TYPE_INVALID),
  shiptype: coded('shiptype', SHIP_TYPE, SHIP_TYPE_INVALID),
};

/** Type 24 parts A and B: whatever part the message is, with the legend after `shiptype`. */
const STATIC_DATA_PLAN: Plan = { shiptype: coded('shiptype', SHIP_TYPE, SHIP_TYPE_INVALID) };

/** Body printers by message type; 6 and 8 are filled in by the binary applications module. */
export const REPORT_PRINTERS: ReadonlyArray<BodyPrinter | undefined> = [
  undefined,
  positionReportClassA,
  positionReportClassA,
  positionReportClassA,
  baseStationReport,
  staticAndVoyageData,
  undefined,
  planned(NO_RULES), // 7 binary acknowledge
  undefined,
  sarAircraftReport,
  planned(NO_RULES), // 10 UTC inquiry
  baseStationReport,
  planned(NO_RULES), // 12 addressed safety message
  planned(NO_RULES), // 13 safety acknowledge
  planned(NO_RULES), // 14 safety broadcast
  planned(NO_RULES), // 15 interrogation
  planned(NO_RULES), // 16 assignment mode command
  planned(DGNSS_PLAN),
  positionReportClassB,
  extendedPositionReportClassB,
  planned(NO_RULES), // 20 data link management
  aidToNavigationReport,
  planned(CORNERS), // 22 channel management
  planned(GROUP_ASSIGNMENT_PLAN),
  planned(STATIC_DATA_PLAN),
  planned(NO_RULES), // 25 single slot binary
  planned(NO_RULES), // 26 multiple slot binary
  longRangeReport,
];
