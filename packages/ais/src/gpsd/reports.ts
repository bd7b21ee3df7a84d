/**
 * gpsd JSON bodies for every message type but the binary ones (6 and 8).
 *
 * The types that make up nearly all traffic (1-5, 9, 11, 18, 19, 21, 27) have
 * straight-line printers that write bytes: keys as constant text, legends
 * pre-quoted, numbers printed in place, no string per field. The rest print
 * through a plan (`fields.ts`). A body is everything after gpsd's
 * `"scaled":true|false`, each field with its leading comma, without the
 * closing brace.
 */
import { code, CodeTable, flagPieces, joinPieces, keyPieces, piece, type AsciiBuffer, type Piece } from './ascii-buffer.js';
import { coded, divided, printFields, quotedDivided, quotedTable, type Fields, type Plan } from './fields.js';
import { plainLayout } from './plain-layouts.js';
import { EPFD, EPFD_INVALID, NAV_STATUS, NAVAID_TYPE, NAVAID_TYPE_INVALID, SHIP_TYPE, SHIP_TYPE_INVALID, STATION_TYPE, STATION_TYPE_INVALID } from './legends.js';
import { fixed, jsonString } from './printf.js';

export type BodyPrinter = (m: Fields, scaled: boolean, w: AsciiBuffer) => void;

/** `,"scaled":false` and `,"scaled":true`, which the writer prints before a body unless its printer does. */
export const SCALED_KEY = [piece(',"scaled":false'), piece(',"scaled":true')] as const;
/** By message type: the body printer prints the `scaled` key itself (joined with what follows it). */
export const PRINTS_SCALED_KEY: readonly boolean[] = [false, true, true, true];

/** Keys as bytes, each with its leading comma: `K.lon` is `,"lon":`. */
const K = keyPieces([
  'lon',
  'lat',
  'status',
  'turn',
  'speed',
  'second',
  'radio',
  'timestamp',
  'imo',
  'ais_version',
  'callsign',
  'shipname',
  'eta',
  'destination',
  'dte',
  'alt',
  'regional',
  'reserved',
  'aid_type',
  'aid_type_text',
  'name',
  'course',
  'draught',
] as const);

/** Flags with their keys: `F.raim[1]` is `,"raim":true`. */
const F = flagPieces([
  'accuracy',
  'raim',
  'cs',
  'display',
  'dsc',
  'band',
  'msg22',
  'assigned',
  'off_position',
  'virtual_aid',
  'gnss',
] as const);

/** Legends quoted and as bytes. */
const quotedPieces = (table: readonly string[]): readonly Piece[] => quotedTable(table).map(piece);
const NAV_Q = quotedPieces(NAV_STATUS);
const EPFD_Q = quotedPieces(EPFD);
const EPFD_INVALID_Q = piece(jsonString(EPFD_INVALID));
const SHIP_Q = quotedPieces(SHIP_TYPE);
const SHIP_INVALID_Q = piece(jsonString(SHIP_TYPE_INVALID));
const NAVAID_Q = quotedPieces(NAVAID_TYPE);
const NAVAID_INVALID_Q = piece(jsonString(NAVAID_TYPE_INVALID));
const EMPTY_Q = piece('""');

const STATUS = new CodeTable('status', 16, NAV_Q, EMPTY_Q);
const EPFD_CODE = new CodeTable('epfd', 16, EPFD_Q, EPFD_INVALID_Q);
const SHIPTYPE_CODE = new CodeTable('shiptype', 256, SHIP_Q, SHIP_INVALID_Q);
const HEADING = new CodeTable('heading', 512);
const SECOND = new CodeTable('second', 64);
const MANEUVER = new CodeTable('maneuver', 4);
const REGIONAL = new CodeTable('regional', 256);
const RESERVED = new CodeTable('reserved', 256);
const TO_BOW = new CodeTable('to_bow', 512);
const TO_STERN = new CodeTable('to_stern', 512);
const TO_PORT = new CodeTable('to_port', 64);
const TO_STARBOARD = new CodeTable('to_starboard', 64);

// Pieces of the type 1-3 line joined with the key that follows them, so that
// the commonest line prints in fewer copies.
const HEADING_THEN_SECOND = new CodeTable('heading', 512, undefined, undefined, K.second);
const ACCURACY_THEN_LON = [joinPieces(F.accuracy[0], K.lon), joinPieces(F.accuracy[1], K.lon)] as const;
/** `,"maneuver":M,"raim":R,"radio":` at 2M + R. */
const MANEUVER_RAIM_RADIO = Array.from({ length: 8 }, (_, i) => joinPieces(MANEUVER.pieceFor(i >> 1)!, F.raim[i & 1]!, K.radio));


function epfd(m: Fields, w: AsciiBuffer): void {
  code(EPFD_CODE, m.epfd, w);
}

function shiptype(m: Fields, w: AsciiBuffer): void {
  code(SHIPTYPE_CODE, m.shiptype, w);
}

function dimensions(m: Fields, w: AsciiBuffer): void {
  code(TO_BOW, m.to_bow, w);
  code(TO_STERN, m.to_stern, w);
  code(TO_PORT, m.to_port, w);
  code(TO_STARBOARD, m.to_starboard, w);
}

/** `"lon":..,"lat":..` in 1/10000 minute: raw, or `%.6f` degrees when scaled. */
function position(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  w.raw(K.lon);
  lonLatValues(m, scaled, w);
}

/** The same after the `lon` key, which a printer has joined to what precedes it. */
function lonLatValues(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  if (scaled) w.degrees(m.lon);
  else w.int(m.lon);
  w.raw(K.lat);
  if (scaled) w.degrees(m.lat);
  else w.int(m.lat);
}

function tenthsField(key: Piece, v: number, scaled: boolean, w: AsciiBuffer): void {
  w.raw(key);
  if (scaled) w.tenths(v);
  else w.int(v);
}


/**
 * Rate of turn, scaled, for every raw value -128..127: the square of
 * turn/4.733 as gpsd prints it (the sign is lost, as in gpsd), or its words
 * for not available (-128) and turning fast without a turn indicator (±127).
 */
const TURN_SCALED: readonly Piece[] = Array.from({ length: 256 }, (_, i) => {
  const t = i - 128;
  if (t === -128) return piece(',"turn":"nan"');
  if (t === -127) return piece(',"turn":"fastleft"');
  if (t === 127) return piece(',"turn":"fastright"');
  const rot = t / 4.733;
  return piece(`,"turn":${fixed(rot * rot, 0)}`);
});
const TURN_RAW: readonly Piece[] = Array.from({ length: 256 }, (_, i) => piece(`,"turn":${i - 128}`));
const TURN_THEN_SPEED = { scaled: TURN_SCALED.map((t) => joinPieces(t, K.speed)), raw: TURN_RAW.map((t) => joinPieces(t, K.speed)) };

/**
 * `,"scaled":..,"status":..,"status_text":..,"turn":..,"speed":`, the opening
 * of the commonest line of all, in one piece for each mode, status and turn:
 * made the first time it is needed (4096 are possible in each mode, a few
 * dozen occur), so that start-up does not pay for the rest.
 */
const OPENINGS: readonly (Piece | undefined)[][] = [new Array(16 * 256), new Array(16 * 256)];

function opening(scaled: boolean, status: number, turn: number): Piece | undefined {
  const turnPiece = (scaled ? TURN_THEN_SPEED.scaled : TURN_THEN_SPEED.raw)[turn + 128];
  const statusPiece = STATUS.pieceFor(status);
  if (turnPiece === undefined || statusPiece === undefined) return undefined;
  const openings = OPENINGS[scaled ? 1 : 0]!;
  const i = status * 256 + turn + 128;
  return (openings[i] ??= joinPieces(SCALED_KEY[scaled ? 1 : 0], statusPiece, turnPiece));
}

/** Types 1-3 (which print the `scaled` key themselves). Scaled speed: 1023 is not available, 1022 "102.2 knots or more". */
function positionReportClassA(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  const head = opening(scaled, m.status, m.turn);
  if (head !== undefined) w.raw(head);
  else {
    w.raw(SCALED_KEY[scaled ? 1 : 0]);
    code(STATUS, m.status, w);
    const turn = (scaled ? TURN_THEN_SPEED.scaled : TURN_THEN_SPEED.raw)[m.turn + 128];
    if (turn !== undefined) w.raw(turn);
    else {
      w.raw(K.turn);
      w.int(m.turn);
      w.raw(K.speed);
    }
  }
  if (!scaled) w.int(m.speed);
  else if (m.speed === 1023) w.ascii('"nan"');
  else if (m.speed === 1022) w.ascii('"fast"');
  else w.tenths(m.speed);
  w.raw(ACCURACY_THEN_LON[m.accuracy ? 1 : 0]);
  lonLatValues(m, scaled, w);
  tenthsField(K.course, m.course, scaled, w);
  code(HEADING_THEN_SECOND, m.heading, w);
  w.int(m.second);
  const tail = MANEUVER_RAIM_RADIO[m.maneuver * 2 + (m.raim ? 1 : 0)];
  if (tail !== undefined) w.raw(tail);
  else {
    code(MANEUVER, m.maneuver, w);
    w.raw(F.raim[m.raim ? 1 : 0]);
    w.raw(K.radio);
  }
  w.int(m.radio);
}

/** Types 4 and 11. */
function baseStationReport(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  w.raw(K.timestamp);
  w.str(m.timestamp);
  w.raw(F.accuracy[m.accuracy ? 1 : 0]);
  position(m, scaled, w);
  epfd(m, w);
  w.raw(F.raim[m.raim ? 1 : 0]);
  w.raw(K.radio);
  w.int(m.radio);
}

/** Type 5. */
function staticAndVoyageData(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  w.raw(K.imo);
  w.int(m.imo);
  code(AIS_VERSION_THEN_CALLSIGN, m.ais_version, w);
  w.str(m.callsign);
  w.raw(K.shipname);
  w.str(m.shipname);
  shiptype(m, w);
  dimensions(m, w);
  code(EPFD_THEN_ETA, m.epfd, w);
  w.str(m.eta);
  tenthsField(K.draught, m.draught, scaled, w);
  w.raw(K.destination);
  w.str(m.destination);
  code(DTE, m.dte, w);
}

const AIS_VERSION_THEN_CALLSIGN = new CodeTable('ais_version', 4, undefined, undefined, K.callsign);
const EPFD_THEN_ETA = new CodeTable('epfd', 16, EPFD_Q, EPFD_INVALID_Q, K.eta);
const DTE = new CodeTable('dte', 2);

/** Type 9. Scaled: altitude 4095 not available, 4094 "4094 m or higher"; speed 1023 not available, 1022 "1022 knots or more". */
function sarAircraftReport(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  w.raw(K.alt);
  if (scaled && m.alt === 4095) w.ascii('"nan"');
  else if (scaled && m.alt === 4094) w.ascii('"high"');
  else w.int(m.alt);
  w.raw(K.speed);
  if (scaled && m.speed === 1023) w.ascii('"nan"');
  else if (scaled && m.speed === 1022) w.ascii('"fast"');
  else w.int(m.speed);
  w.raw(F.accuracy[m.accuracy ? 1 : 0]);
  position(m, scaled, w);
  tenthsField(K.course, m.course, scaled, w);
  w.raw(K.second);
  w.int(m.second);
  w.raw(K.regional);
  w.int(m.regional);
  w.raw(K.dte);
  w.int(m.dte);
  w.raw(F.raim[m.raim ? 1 : 0]);
  w.raw(K.radio);
  w.int(m.radio);
}

/** The fields types 18 and 19 share, up to `regional`. */
function classBPosition(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  code(RESERVED, m.reserved, w);
  tenthsField(K.speed, m.speed, scaled, w);
  w.raw(ACCURACY_THEN_LON[m.accuracy ? 1 : 0]);
  lonLatValues(m, scaled, w);
  tenthsField(K.course, m.course, scaled, w);
  code(HEADING, m.heading, w);
  code(SECOND, m.second, w);
  code(REGIONAL, m.regional, w);
}

/** Type 18's six flags and the radio key, `,"cs":..,"display":..,"dsc":..,"band":..,"msg22":..,"raim":..,"radio":`, by the flags as bits. */
const CLASS_B_FLAGS = Array.from({ length: 64 }, (_, i) =>
  joinPieces(F.cs[(i >> 5) & 1]!, F.display[(i >> 4) & 1]!, F.dsc[(i >> 3) & 1]!, F.band[(i >> 2) & 1]!, F.msg22[(i >> 1) & 1]!, F.raim[i & 1]!, K.radio),
);

/** Type 18. */
function positionReportClassB(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  classBPosition(m, scaled, w);
  const flags = (m.cs ? 32 : 0) | (m.display ? 16 : 0) | (m.dsc ? 8 : 0) | (m.band ? 4 : 0) | (m.msg22 ? 2 : 0) | (m.raim ? 1 : 0);
  w.raw(CLASS_B_FLAGS[flags]!);
  w.int(m.radio);
}

/** Type 19. */
function extendedPositionReportClassB(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  classBPosition(m, scaled, w);
  w.raw(K.shipname);
  w.str(m.shipname);
  shiptype(m, w);
  dimensions(m, w);
  epfd(m, w);
  w.raw(F.raim[m.raim ? 1 : 0]);
  w.raw(K.dte);
  w.int(m.dte);
  w.raw(F.assigned[m.assigned ? 1 : 0]);
}

/** Type 21. gpsd puts `accuracy` after the position when scaled and before it when not. */
function aidToNavigationReport(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  const n = m.aid_type as number;
  w.raw(K.aid_type);
  w.int(n);
  w.raw(K.aid_type_text);
  w.raw(n >= 0 && n < NAVAID_Q.length ? NAVAID_Q[n]! : NAVAID_INVALID_Q);
  w.raw(K.name);
  w.str(m.name);
  if (scaled) {
    position(m, scaled, w);
    w.raw(F.accuracy[m.accuracy ? 1 : 0]);
  } else {
    w.raw(F.accuracy[m.accuracy ? 1 : 0]);
    position(m, scaled, w);
  }
  dimensions(m, w);
  epfd(m, w);
  w.raw(K.second);
  w.int(m.second);
  w.raw(K.regional);
  w.int(m.regional);
  w.raw(F.off_position[m.off_position ? 1 : 0]);
  w.raw(F.raim[m.raim ? 1 : 0]);
  w.raw(F.virtual_aid[m.virtual_aid ? 1 : 0]);
}

/** Type 27: positions in 1/10 minute; scaled, the status is its legend and has no `status_text`. */
function longRangeReport(m: Fields, scaled: boolean, w: AsciiBuffer): void {
  w.raw(K.status);
  if (scaled) w.raw(NAV_Q[m.status] ?? EMPTY_Q);
  else w.int(m.status);
  w.raw(F.accuracy[m.accuracy ? 1 : 0]);
  w.raw(K.lon);
  if (scaled) w.ascii(fixed(m.lon / 600, 1));
  else w.int(m.lon);
  w.raw(K.lat);
  if (scaled) w.ascii(fixed(m.lat / 600, 1));
  else w.int(m.lat);
  w.raw(K.speed);
  w.int(m.speed);
  w.raw(K.course);
  w.int(m.course);
  w.raw(F.raim[m.raim ? 1 : 0]);
  w.raw(F.gnss[m.gnss ? 1 : 0]);
}

/** A printer for the fields of a message through a plan. */
export function planned(plan: Plan): BodyPrinter {
  return (m, scaled, w) => printFields(m, plan, scaled, w);
}

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

/** Type 24 parts A and B (B of an auxiliary craft names its mother ship instead of dimensions). */
const staticDataReport = plainLayout(
  ['part', 'shipname', 'shiptype', 'vendorid', 'model', 'serial', 'callsign', 'to_bow', 'to_stern', 'to_port', 'to_starboard', 'mothership_mmsi'],
  { shiptype: { table: SHIP_TYPE, invalid: SHIP_TYPE_INVALID } },
);

/** Body printers by message type; 6 and 8 are the binary applications' (`binary-applications.ts`). */
export const REPORT_PRINTERS: ReadonlyArray<BodyPrinter | undefined> = [
  undefined,
  positionReportClassA,
  positionReportClassA,
  positionReportClassA,
  baseStationReport,
  staticAndVoyageData,
  undefined,
  plainLayout(['mmsi1', 'mmsi2', 'mmsi3', 'mmsi4']), // 7 binary acknowledge
  undefined,
  sarAircraftReport,
  plainLayout(['dest_mmsi']), // 10 UTC inquiry
  baseStationReport,
  plainLayout(['seqno', 'dest_mmsi', 'retransmit', 'text']), // 12 addressed safety message
  plainLayout(['mmsi1', 'mmsi2', 'mmsi3', 'mmsi4']), // 13 safety acknowledge
  plainLayout(['text']), // 14 safety broadcast
  plainLayout(['mmsi1', 'type1_1', 'offset1_1', 'type1_2', 'offset1_2', 'mmsi2', 'type2_1', 'offset2_1']), // 15 interrogation
  plainLayout(['mmsi1', 'offset1', 'increment1', 'mmsi2', 'offset2', 'increment2']), // 16 assignment mode command
  planned(DGNSS_PLAN),
  positionReportClassB,
  extendedPositionReportClassB,
  plainLayout([1, 2, 3, 4].flatMap((i) => [`offset${i}`, `number${i}`, `timeout${i}`, `increment${i}`])), // 20 data link management
  aidToNavigationReport,
  planned(CORNERS), // 22 channel management
  planned(GROUP_ASSIGNMENT_PLAN),
  staticDataReport,
  plainLayout(['addressed', 'structured', 'dest_mmsi', 'app_id', 'data']), // 25 single slot binary
  plainLayout(['addressed', 'structured', 'dest_mmsi', 'app_id', 'data', 'radio']), // 26 multiple slot binary
  longRangeReport,
];
