/**
 * Types 4 and 11: base station report and UTC/date response (same layout).
 */
import { bool, int, uint, type Payload } from '../bits.js';
import { Reject, failure, type MessageFailure } from '../reasons.js';
import type { MessageHeader } from './header.js';

/** A base station's UTC time and surveyed position, as gpsd prints it unscaled. */
export interface BaseStationReport extends MessageHeader {
  /** 4 base station report, 11 UTC/date response from a mobile station. */
  readonly type: 4 | 11;
  /**
   * UTC as `YYYY-MM-DDTHH:MM:SSZ`, each part zero-padded to its width, exactly
   * as sent: year 0 (`0000`), month 0, day 0, hour 24, minute 60 and second 60
   * mean not available (so `0000-00-00T24:60:60Z` is no time at all), and an
   * out-of-range year (14 bits, up to 16383) is printed in full.
   */
  readonly timestamp: string;
  /** Position accuracy: true is high (≤ 10 m), false low. */
  readonly accuracy: boolean;
  /** Longitude in 1/10000 minute, east positive; 108600000 (181°) not available. */
  readonly lon: number;
  /** Latitude in 1/10000 minute, north positive; 54600000 (91°) not available. */
  readonly lat: number;
  /** Position fixing device: 0 undefined, 1 GPS, 2 GLONASS, 3 GPS/GLONASS, 4 Loran-C, 5 Chayka, 6 integrated, 7 surveyed, 8 Galileo, 15 internal GNSS. */
  readonly epfd: number;
  /** Receiver autonomous integrity monitoring in use. */
  readonly raim: boolean;
  /** Radio status (19 bits, SOTDMA communication state), raw. */
  readonly radio: number;
}

const BASE_STATION_BITS = 168;

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const T = 84;
const Z = 90;

/**
 * gpsd's `%04u-%02u-%02uT%02u:%02u:%02uZ`, built in one string allocation (this
 * runs for every base station report). The parts are at most 63, two digits.
 */
function timestamp(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  const rest = String.fromCharCode(
    DASH, ZERO + ((month / 10) | 0), ZERO + (month % 10),
    DASH, ZERO + ((day / 10) | 0), ZERO + (day % 10),
    T, ZERO + ((hour / 10) | 0), ZERO + (hour % 10),
    COLON, ZERO + ((minute / 10) | 0), ZERO + (minute % 10),
    COLON, ZERO + ((second / 10) | 0), ZERO + (second % 10),
    Z,
  );
  if (year > 9999) return String(year) + rest;
  return String.fromCharCode(ZERO + ((year / 1000) | 0), ZERO + (((year / 100) | 0) % 10), ZERO + (((year / 10) | 0) % 10), ZERO + (year % 10)) + rest;
}

/** Longer reports are accepted, as gpsd does: the fields sit at fixed offsets. */
export function decodeBaseStationReport(p: Payload): BaseStationReport | MessageFailure {
  if (p.bitLength < BASE_STATION_BITS) {
    return failure(Reject.TOO_SHORT, `type ${uint(p, 0, 6)} needs ${BASE_STATION_BITS} bits, got ${p.bitLength}`);
  }
  return {
    type: uint(p, 0, 6) as 4 | 11,
    repeat: uint(p, 6, 2),
    mmsi: uint(p, 8, 30),
    timestamp: timestamp(uint(p, 38, 14), uint(p, 52, 4), uint(p, 56, 5), uint(p, 61, 5), uint(p, 66, 6), uint(p, 72, 6)),
    accuracy: bool(p, 78),
    lon: int(p, 79, 28),
    lat: int(p, 107, 27),
    epfd: uint(p, 134, 4),
    raim: bool(p, 148),
    radio: uint(p, 149, 19),
  };
}
