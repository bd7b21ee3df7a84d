/**
 * Port entry and traffic control (IMO SN.1/Circ.236 and 289, DAC 1):
 * clearance time to enter port (6/18), berthing data (6/20), fairway closed
 * (8/13) and marine traffic signals (8/19).
 */
import type { Payload } from '../../bits.js';
import { fixedText, intAt, monthDayTime, monthDayTimeUnpadded, pad2, uintAt } from './gpsd-readers.js';
import { FieldKind, readLayout, type ApplicationDecoder, type Layout } from './layout.js';

/** Message 6, DAC 1 FI 18 (IMO 289), 360 bits. */
export interface ClearanceTimeToEnterPort {
  /** Message linkage id: ties other messages (e.g. a text description) to this one. */
  readonly linkage: number;
  /** `"MM-DDTHH:MMZ"` clearance time (UTC); month 0, day 0, hour 24, minute 60 = n/a. */
  readonly arrival: string;
  /** Port and berth name (20 characters). */
  readonly portname: string;
  /** Destination, UN/LOCODE. */
  readonly destination: string;
  /** Longitude, 1/1000 minute; 181000 (181°) = not available. */
  readonly lon: number;
  /** Latitude, 1/1000 minute; 91000 (91°) = not available. */
  readonly lat: number;
}

/**
 * Message 6, DAC 1 FI 20 (IMO 289), 360 bits. Service fields: 0 = n/a or
 * requested, 1 = available, 2 = no data / unknown, 3 = not to be used; valid
 * only when `availability` is 1.
 */
export interface BerthingData {
  readonly linkage: number;
  /** Berth length, metres; 511 = ≥ 511, 0 = not available. */
  readonly berth_length: number;
  /** Mooring position: 1 port side to, 2 starboard side to, 3 Mediterranean, 4 buoy, 5 anchorage; 0 = n/a. */
  readonly position: number;
  /** `"M-DTH:M"` (gpsd prints it unpadded) requested or granted berthing time, UTC. */
  readonly arrival: string;
  /** 1 = the service fields are valid (gpsd prints this flag as a number). */
  readonly availability: number;
  readonly agent: number;
  readonly fuel: number;
  readonly chandler: number;
  readonly stevedore: number;
  readonly electrical: number;
  readonly water: number;
  readonly customs: number;
  readonly cartage: number;
  readonly crane: number;
  readonly lift: number;
  readonly medical: number;
  readonly navrepair: number;
  readonly provisions: number;
  readonly shiprepair: number;
  readonly surveyor: number;
  readonly steam: number;
  readonly tugs: number;
  readonly solidwaste: number;
  readonly liquidwaste: number;
  readonly hazardouswaste: number;
  readonly ballast: number;
  readonly additional: number;
  readonly regional1: number;
  readonly regional2: number;
  readonly future1: number;
  readonly future2: number;
  /** Berth name (20 characters). */
  readonly berth_name: string;
  /** Berth centre longitude, 1/1000 minute; 181000 = not available. */
  readonly berth_lon: number;
  /** Berth centre latitude, 1/1000 minute; 91000 = not available. */
  readonly berth_lat: number;
  /** Water depth at berth, 0.1 m; 255 = ≥ 25.5 m, 0 = not available. */
  readonly berth_depth: number;
}

/** Message 8, DAC 1 FI 13 (IMO 236), 472 bits. */
export interface FairwayClosed {
  /** Reason for closing (20 characters). */
  readonly reason: string;
  /** Location the closure runs from (20 characters). */
  readonly closefrom: string;
  /** Location the closure runs to (20 characters). */
  readonly closeto: string;
  /** Radius extension, 0-1000 in `extunit`; 1001 = not available. */
  readonly radius: number;
  /** Unit of the radius: 0 m, 1 km, 2 nautical miles, 3 cables. */
  readonly extunit: number;
  /** `"MM-DDTHH:MM"` start of closure (UTC); month/day 0, hour 24, minute 60 = n/a. */
  readonly from: string;
  /** `"MM-DDTHH:MM"` end of closure, same sentinels. */
  readonly to: string;
}

/**
 * Message 8, DAC 1 FI 19 (IMO 289), 360 bits. Signal codes: 1-7 IALA port
 * traffic signals, 8-13 Japanese signals (I, O, F, XI, XO, X); 0 = n/a.
 *
 * gpsd 3.22 prints this position in degrees even unscaled (`%.4f`), so
 * `lon`/`lat` are degrees here: the same quotient, unrounded (printing it
 * `%.4f` gives gpsd's text). Its line also lacks the comma before
 * `nextsignal_text`, so it is not JSON; the fields are the ones it meant.
 */
export interface MarineTrafficSignal {
  readonly linkage: number;
  /** Name of the signal station (20 characters). */
  readonly station: string;
  /** Longitude, degrees (the 1/1000-minute field ÷ 60000); 181 = not available. */
  readonly lon: number;
  /** Latitude, degrees; 91 = not available. */
  readonly lat: number;
  /** Status: 1 in regular service, 2 irregular service; 0 = n/a. */
  readonly status: number;
  /** Signal in service. */
  readonly signal: number;
  /** UTC hour of the signal; 24 = n/a. */
  readonly hour: number;
  /** UTC minute; 60 = n/a. */
  readonly minute: number;
  /** Expected next signal. */
  readonly nextsignal: number;
}

const { UINT: U, INT: S, TEXT: T } = FieldKind;

const CLEARANCE_PLACE: Layout<ClearanceTimeToEnterPort> = [
  ['portname', 118, 120, T], ['destination', 238, 30, T], ['lon', 268, 25, S], ['lat', 293, 24, S],
];

const SERVICES: Layout<BerthingData> = [
  ['availability', 138, 1, U], ['agent', 139, 2, U], ['fuel', 141, 2, U], ['chandler', 143, 2, U],
  ['stevedore', 145, 2, U], ['electrical', 147, 2, U], ['water', 149, 2, U], ['customs', 151, 2, U],
  ['cartage', 153, 2, U], ['crane', 155, 2, U], ['lift', 157, 2, U], ['medical', 159, 2, U],
  ['navrepair', 161, 2, U], ['provisions', 163, 2, U], ['shiprepair', 165, 2, U], ['surveyor', 167, 2, U],
  ['steam', 169, 2, U], ['tugs', 171, 2, U], ['solidwaste', 173, 2, U], ['liquidwaste', 175, 2, U],
  ['hazardouswaste', 177, 2, U], ['ballast', 179, 2, U], ['additional', 181, 2, U], ['regional1', 183, 2, U],
  ['regional2', 185, 2, U], ['future1', 187, 2, U], ['future2', 189, 2, U],
  ['berth_name', 191, 120, T], ['berth_lon', 311, 25, S], ['berth_lat', 336, 24, S], ['berth_depth', 107, 8, U],
];

const FAIRWAY_PLACES: Layout<FairwayClosed> = [
  ['reason', 56, 120, T], ['closefrom', 176, 120, T], ['closeto', 296, 120, T], ['radius', 416, 10, U], ['extunit', 426, 2, U],
];

const SIGNAL_STATION: Layout<MarineTrafficSignal> = [['linkage', 56, 10, U], ['station', 66, 120, T]];
const SIGNAL_STATE: Layout<MarineTrafficSignal> = [
  ['status', 235, 2, U], ['signal', 237, 5, U], ['hour', 242, 5, U], ['minute', 247, 6, U], ['nextsignal', 253, 5, U],
];
/** gpsd's AIS_LATLON3_DIV: 1/1000 minute to degrees. */
const THOUSANDTH_MINUTES_PER_DEGREE = 60000;

// None of these four checks the payload length in gpsd: missing bits read as zero.

export const decodeClearanceTimeToEnterPort: ApplicationDecoder = (p, out) => {
  out['linkage'] = uintAt(p, 88, 10);
  out['arrival'] = monthDayTime(p, 98);
  readLayout(p, CLEARANCE_PLACE, out);
  return true;
};

export const decodeBerthingData: ApplicationDecoder = (p, out) => {
  out['linkage'] = uintAt(p, 88, 10);
  out['berth_length'] = uintAt(p, 98, 9);
  out['position'] = uintAt(p, 115, 3);
  out['arrival'] = monthDayTimeUnpadded(p, 118);
  readLayout(p, SERVICES, out);
  return true;
};

/** IMO 236 sends day before month here; gpsd prints month first. */
function closureTime(p: Payload, dayAt: number): string {
  return `${pad2(uintAt(p, dayAt + 5, 4))}-${pad2(uintAt(p, dayAt, 5))}T${pad2(uintAt(p, dayAt + 9, 5))}:${pad2(uintAt(p, dayAt + 14, 6))}`;
}

export const decodeFairwayClosed: ApplicationDecoder = (p, out) => {
  readLayout(p, FAIRWAY_PLACES, out);
  out['from'] = closureTime(p, 428);
  out['to'] = closureTime(p, 448);
  return true;
};

export const decodeMarineTrafficSignal: ApplicationDecoder = (p, out) => {
  readLayout(p, SIGNAL_STATION, out);
  out['lon'] = intAt(p, 186, 25) / THOUSANDTH_MINUTES_PER_DEGREE;
  out['lat'] = intAt(p, 211, 24) / THOUSANDTH_MINUTES_PER_DEGREE;
  readLayout(p, SIGNAL_STATE, out);
  return true;
};
