/**
 * Inland AIS (European inland waterways, DAC 200). Message 6: ETA (FI 21)
 * and RTA (FI 22) at a lock, bridge or terminal, persons on board (FI 55).
 * Message 8: inland static and voyage data (FI 10), EMMA weather warning
 * (FI 23), water levels (FI 24), signal status (FI 40).
 *
 * Each has a fixed length; as gpsd does, a payload of any other length is
 * not taken for the application (it is reported as raw data), because
 * DAC 200 FI 10 collisions with other content have been seen on air.
 */
import type { Payload } from '../../bits.js';
import { fixedText, intAt, monthDayTimeUnpadded, pad2, uintAt } from './gpsd-readers.js';
import { FieldKind, readLayout, type ApplicationDecoder, type Layout } from './layout.js';

/** Where the vessel is bound: the lock, bridge or terminal of FI 21/22. */
interface InlandPlace {
  /** UN country code (2 characters). */
  readonly country: string;
  /** UN/LOCODE (3 characters). */
  readonly locode: string;
  /** Fairway section number (5 characters). */
  readonly section: string;
  /** Terminal code (5 characters). */
  readonly terminal: string;
  /** Fairway hectometre (5 characters). */
  readonly hectometre: string;
  /** `"M-DTH:M"` (unpadded, as gpsd prints it); month/day 0, hour 24, minute 60 = n/a. */
  readonly eta: string;
}

/** Message 6, DAC 200 FI 21: ETA report, 248 bits. */
export interface InlandEta extends InlandPlace {
  /** Assisting tugs, 0-6; 7 = unknown. */
  readonly tugs: number;
  /** Air draught, 0.01 m; 0 = unknown. */
  readonly airdraught: number;
}

/** Message 6, DAC 200 FI 22: RTA assigned by the lock/bridge/terminal, 232 bits (`eta` holds the RTA). */
export interface InlandRta extends InlandPlace {
  /** 0 operational, 1 limited operation, 2 out of order, 3 n/a. */
  readonly status: number;
}

/** Message 6, DAC 200 FI 55, 168 bits. */
export interface InlandPersonsOnBoard {
  /** Crew, 0-254; 255 = unknown. */
  readonly crew: number;
  /** Passengers, 0-8190; 8191 = unknown. */
  readonly passengers: number;
  /** Shipboard personnel, 0-254; 255 = unknown. */
  readonly personnel: number;
}

/** Message 8, DAC 200 FI 10, 168 bits. */
export interface InlandStaticVoyage {
  /** European vessel identification number, ENI (8 characters). */
  readonly vin: string;
  /** Length, 0.1 m; 0 = n/a. */
  readonly length: number;
  /** Beam, 0.1 m; 0 = n/a. */
  readonly beam: number;
  /** ERI ship or convoy type (8000-8370, or the SOLAS-style 1-99); 0 = n/a. */
  readonly shiptype: number;
  /** Blue cones/lights: 0-3, 4 = B flag, 5 = unknown. Above 5 the message is not taken for this application. */
  readonly hazard: number;
  /** Draught, 0.01 m; 0 = n/a. */
  readonly draught: number;
  /** 1 unloaded, 2 loaded; 0 = n/a. */
  readonly loaded: number;
  /** Quality of speed, course and heading: true = high (sensor), false = low (GNSS). */
  readonly speed_q: boolean;
  readonly course_q: boolean;
  readonly heading_q: boolean;
}

/**
 * Message 8, DAC 200 FI 23: EMMA warning, 256 bits. Deliberate differences
 * from gpsd 3.22, whose JSON here cannot be used as printed: it names the
 * warning type `type` and its classification `class`, colliding with the
 * message's own keys (a JSON reader keeps only one of each), so these are
 * `emma_type` and `intensity`; and it fills `start` from the wrong fields
 * (year, month, hour, minute, day), where ours is year, month, day, hour, minute.
 */
export interface EmmaWarning {
  /** `"YYYY-MM-DDTHH:MM"` (year counted from 2000; 0 = n/a, month/day 0, hour 24, minute 60 = n/a). */
  readonly start: string;
  /** `"YYYY-MM-DDTHH:MM"`, same rules. */
  readonly end: string;
  /** 1/10000 minute, as in position reports. */
  readonly start_lon: number;
  readonly start_lat: number;
  readonly end_lon: number;
  readonly end_lat: number;
  /** 1 wind, 2 rain, 3 snow and ice, 4 thunderstorm, 5 fog, 6 low temp., 7 high temp., 8 flood, 9 forest fire; 0 = n/a. */
  readonly emma_type: number;
  /** Minimum value, signed; ±255 = unknown, ±254 = beyond ±253. */
  readonly min: number;
  /** Maximum value, same rules. */
  readonly max: number;
  /** 1 slight, 2 medium, 3 strong. */
  readonly intensity: number;
  /** Wind direction 1-8 (N, NE, ... NW); 0 = n/a. */
  readonly wind: number;
}

/** One gauge of FI 24. */
export interface Gauge {
  /** Gauge id; 0 = unknown. */
  readonly id: number;
  /** Water level, cm, signed; 0 = unknown. */
  readonly level: number;
}

/** Message 8, DAC 200 FI 24: water levels, 168 bits. */
export interface InlandWaterLevels {
  /** UN country code (2 characters). */
  readonly country: string;
  /** Always four gauges (fixed length). */
  readonly gauges: readonly Gauge[];
}

/** Message 8, DAC 200 FI 40: signal status, 168 bits. */
export interface InlandSignalStatus {
  /** Signal position, 1/10000 minute. */
  readonly lon: number;
  readonly lat: number;
  /** Signal form (Inland AIS annex); 0 and 15 = unknown. */
  readonly form: number;
  /** Orientation, degrees; 511 = n/a. */
  readonly facing: number;
  /** Direction of impact: 1 upstream, 2 downstream, 3 to left bank, 4 to right bank; 0 = unknown. */
  readonly direction: number;
  /** Nine decimal digits, one per light: 1 none, 2 white, 3 yellow, 4 green, 5 red, 6/7 white/yellow flashing; 0 = unknown. */
  readonly status: number;
}

const { UINT: U, INT: S, FLAG: B, TEXT: T } = FieldKind;

const PLACE: Layout<InlandPlace> = [
  ['country', 88, 12, T], ['locode', 100, 18, T], ['section', 118, 30, T], ['terminal', 148, 30, T], ['hectometre', 178, 30, T],
];
const PERSONS: Layout<InlandPersonsOnBoard> = [['crew', 88, 8, U], ['passengers', 96, 13, U], ['personnel', 109, 8, U]];
const STATIC_VOYAGE: Layout<InlandStaticVoyage> = [
  ['vin', 56, 48, T], ['length', 104, 13, U], ['beam', 117, 10, U], ['shiptype', 127, 14, U], ['hazard', 141, 3, U],
  ['draught', 144, 11, U], ['loaded', 155, 2, U], ['speed_q', 157, 1, B], ['course_q', 158, 1, B], ['heading_q', 159, 1, B],
];
const EMMA_AREA: Layout<EmmaWarning> = [
  ['start_lon', 112, 28, S], ['start_lat', 140, 27, S], ['end_lon', 167, 28, S], ['end_lat', 195, 27, S],
  ['emma_type', 222, 4, U], ['min', 226, 9, S], ['max', 235, 9, S], ['intensity', 244, 2, U], ['wind', 246, 4, U],
];
const SIGNAL: Layout<InlandSignalStatus> = [
  ['lon', 56, 28, S], ['lat', 84, 27, S], ['form', 111, 4, U], ['facing', 115, 9, U], ['direction', 124, 3, U], ['status', 127, 30, U],
];

/** Fixed lengths, whole message. */
const ETA_BITS = 248;
const RTA_BITS = 232;
const PERSONS_BITS = 168;
const STATIC_VOYAGE_BITS = 168;
const EMMA_BITS = 256;
const WATER_LEVELS_BITS = 168;
const SIGNAL_BITS = 168;
/** Largest hazard code (5 = unknown); gpsd's guard against other content under 200/10. */
const HAZARD_MAX = 5;

export const decodeInlandEta: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== ETA_BITS) return false;
  readLayout(p, PLACE, out);
  out['eta'] = monthDayTimeUnpadded(p, 208);
  out['tugs'] = uintAt(p, 228, 3);
  out['airdraught'] = uintAt(p, 231, 12);
  return true;
};

export const decodeInlandRta: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== RTA_BITS) return false;
  readLayout(p, PLACE, out);
  out['eta'] = monthDayTimeUnpadded(p, 208);
  out['status'] = uintAt(p, 228, 2);
  return true;
};

export const decodeInlandPersonsOnBoard: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== PERSONS_BITS) return false;
  readLayout(p, PERSONS, out);
  return true;
};

export const decodeInlandStaticVoyage: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== STATIC_VOYAGE_BITS || uintAt(p, 141, 3) > HAZARD_MAX) return false;
  readLayout(p, STATIC_VOYAGE, out);
  return true;
};

/** `"YYYY-MM-DDTHH:MM"`: year (8 bits, from 2000), month (4) and day (5) at `at`; hour (5) and minute (6) at `timeAt`. */
function emmaTime(p: Payload, at: number, timeAt: number): string {
  return `${uintAt(p, at, 8) + 2000}-${pad2(uintAt(p, at + 8, 4))}-${pad2(uintAt(p, at + 12, 5))}T${pad2(uintAt(p, timeAt, 5))}:${pad2(uintAt(p, timeAt + 5, 6))}`;
}

export const decodeEmmaWarning: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== EMMA_BITS) return false;
  out['start'] = emmaTime(p, 56, 90);
  out['end'] = emmaTime(p, 73, 101);
  readLayout(p, EMMA_AREA, out);
  return true;
};

export const decodeInlandWaterLevels: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== WATER_LEVELS_BITS) return false;
  out['country'] = fixedText(p, 56, 2);
  const gauges: Gauge[] = [];
  for (let a = 68; a < WATER_LEVELS_BITS; a += 25) gauges.push({ id: uintAt(p, a, 11), level: intAt(p, a + 11, 14) });
  out['gauges'] = gauges;
  return true;
};

export const decodeInlandSignalStatus: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== SIGNAL_BITS) return false;
  readLayout(p, SIGNAL, out);
  return true;
};
