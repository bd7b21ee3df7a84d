/**
 * Meteorological and hydrological data, broadcast (message 8) by weather
 * stations and buoys: IMO SN.1/Circ.236 DAC 1 FI 11 (deprecated, still common)
 * and its successor IMO SN.1/Circ.289 DAC 1 FI 31. Values are raw; sentinels
 * are listed per field (IMO 236 uses the all-ones value of each field).
 */
import type { Payload } from '../../bits.js';
import { pad2, uintAt } from './gpsd-readers.js';
import { FieldKind, readLayout, type ApplicationDecoder, type Layout } from './layout.js';

/** DAC 1 FI 11 (IMO 236), 352 bits. */
export interface MeteoHydroImo236 {
  /** Latitude, 1/1000 minute, north positive; 0x7FFFFF = not available. */
  readonly lat: number;
  /** Longitude, 1/1000 minute, east positive; 0xFFFFFF = not available. */
  readonly lon: number;
  /** `"DDTHH:MMZ"` of the observation (UTC); day 31, hour 31, minute 63 = not available. */
  readonly timestamp: string;
  /** Average wind speed, knots; 127 = n/a. */
  readonly wspeed: number;
  /** Gust speed, knots; 127 = n/a. */
  readonly wgust: number;
  /** Wind direction, degrees; 511 = n/a. */
  readonly wdir: number;
  /** Gust direction, degrees; 511 = n/a. */
  readonly wgustdir: number;
  /** Relative humidity, %; 127 = n/a. */
  readonly humidity: number;
  /** Air temperature, 0.1 °C offset by −60 °C (raw 0 = −60.0 °C); 2047 = n/a. */
  readonly airtemp: number;
  /** Dew point, 0.1 °C offset by −20 °C; 1023 = n/a. */
  readonly dewpoint: number;
  /** Air pressure, hPa offset by 800; 511 = n/a. */
  readonly pressure: number;
  /** Pressure tendency: 0 steady, 1 decreasing, 2 increasing, 3 n/a. */
  readonly pressuretend: number;
  /** Horizontal visibility, 0.1 nautical mile; 255 = n/a. */
  readonly visibility: number;
  /** Water level, 0.1 m offset by −10 m; 511 = n/a. */
  readonly waterlevel: number;
  /** Water level trend: 0 steady, 1 decreasing, 2 increasing, 3 n/a. */
  readonly leveltrend: number;
  /** Surface current speed, 0.1 knot; 255 = n/a. */
  readonly cspeed: number;
  /** Surface current direction, degrees; 511 = n/a. */
  readonly cdir: number;
  /** Current speed at depth #2, 0.1 knot; 255 = n/a. */
  readonly cspeed2: number;
  /** Current direction at depth #2, degrees; 511 = n/a. */
  readonly cdir2: number;
  /** Measurement depth #2, metres; 31 = n/a. */
  readonly cdepth2: number;
  /** Current speed at depth #3, 0.1 knot; 255 = n/a. */
  readonly cspeed3: number;
  /** Current direction at depth #3, degrees; 511 = n/a. */
  readonly cdir3: number;
  /** Measurement depth #3, metres; 31 = n/a. */
  readonly cdepth3: number;
  /** Significant wave height, 0.1 m; 255 = n/a. */
  readonly waveheight: number;
  /** Wave period, seconds; 63 = n/a. */
  readonly waveperiod: number;
  /** Wave direction, degrees; 511 = n/a. */
  readonly wavedir: number;
  /** Swell height, 0.1 m; 255 = n/a. */
  readonly swellheight: number;
  /** Swell period, seconds; 63 = n/a. */
  readonly swellperiod: number;
  /** Swell direction, degrees; 511 = n/a. */
  readonly swelldir: number;
  /** Sea state, Beaufort 0-12; 13 = n/a. */
  readonly seastate: number;
  /** Water temperature, 0.1 °C offset by −10 °C; 1023 = n/a. */
  readonly watertemp: number;
  /** Precipitation (WMO 4.201): 1 rain, 2 thunderstorm, 3 freezing rain, 4 mixed/ice, 5 snow, 7 n/a. */
  readonly preciptype: number;
  /** Salinity, 0.1 ‰; 511 = n/a. */
  readonly salinity: number;
  /** Ice: 0 no, 1 yes, 3 n/a. */
  readonly ice: number;
}

/** DAC 1 FI 31 (IMO 289), 360 bits. */
export interface MeteoHydroImo289 {
  /** Latitude, 1/1000 minute, north positive; 91000 (91°) = not available. */
  readonly lat: number;
  /** Longitude, 1/1000 minute, east positive; 181000 (181°) = not available. */
  readonly lon: number;
  /** Position accuracy: true = high (< 10 m). */
  readonly accuracy: boolean;
  /** `"DDTHH:MMZ"` of the observation (UTC); day 0, hour 24, minute 60 = not available. */
  readonly timestamp: string;
  /** Average wind speed, knots; 126 = ≥ 126, 127 = n/a. */
  readonly wspeed: number;
  /** Gust speed, knots; 126 = ≥ 126, 127 = n/a. */
  readonly wgust: number;
  /** Wind direction, degrees; 360 = n/a. */
  readonly wdir: number;
  /** Gust direction, degrees; 360 = n/a. */
  readonly wgustdir: number;
  /** Relative humidity, %; 101 = n/a. */
  readonly humidity: number;
  /** Air temperature, 0.1 °C, signed; −1024 = n/a. */
  readonly airtemp: number;
  /** Dew point, 0.1 °C, signed; 501 = n/a. */
  readonly dewpoint: number;
  /** Air pressure, hPa offset by 799 (0 = ≤ 799, 402 = ≥ 1201); 511 = n/a. */
  readonly pressure: number;
  /** Pressure tendency: 0 steady, 1 decreasing, 2 increasing, 3 n/a. */
  readonly pressuretend: number;
  /** True when visibility is greater than the value given. */
  readonly visgreater: boolean;
  /** Horizontal visibility, 0.1 nautical mile; 127 = n/a. */
  readonly visibility: number;
  /** Water level, 0.01 m offset by −10 m; 4001 = n/a. */
  readonly waterlevel: number;
  /** Water level trend: 0 steady, 1 decreasing, 2 increasing, 3 n/a. */
  readonly leveltrend: number;
  /** Surface current speed, 0.1 knot; 251 = ≥ 25.1, 255 = n/a. */
  readonly cspeed: number;
  /** Surface current direction, degrees; 360 = n/a. */
  readonly cdir: number;
  /** Current speed at depth #2, 0.1 knot; 255 = n/a. */
  readonly cspeed2: number;
  /** Current direction at depth #2, degrees; 360 = n/a. */
  readonly cdir2: number;
  /** Measurement depth #2, metres; 31 = n/a. */
  readonly cdepth2: number;
  /** Current speed at depth #3, 0.1 knot; 255 = n/a. */
  readonly cspeed3: number;
  /** Current direction at depth #3, degrees; 360 = n/a. */
  readonly cdir3: number;
  /** Measurement depth #3, metres; 31 = n/a. */
  readonly cdepth3: number;
  /** Significant wave height, 0.1 m; 251 = ≥ 25.1, 255 = n/a. */
  readonly waveheight: number;
  /** Wave period, seconds; 63 = n/a. */
  readonly waveperiod: number;
  /** Wave direction, degrees; 360 = n/a. */
  readonly wavedir: number;
  /** Swell height, 0.1 m; 251 = ≥ 25.1, 255 = n/a. */
  readonly swellheight: number;
  /** Swell period, seconds; 63 = n/a. */
  readonly swellperiod: number;
  /** Swell direction, degrees; 360 = n/a. */
  readonly swelldir: number;
  /** Sea state, Beaufort 0-12; 13 = n/a. */
  readonly seastate: number;
  /** Water temperature, 0.1 °C, signed; 501 = n/a. */
  readonly watertemp: number;
  /** Precipitation (WMO 4.201): 1 rain, 2 thunderstorm, 3 freezing rain, 4 mixed/ice, 5 snow, 7 n/a. */
  readonly preciptype: number;
  /** Salinity, 0.1 ‰; 501 = ≥ 50.1, 510 = n/a, 511 = no sensor. */
  readonly salinity: number;
  /** Ice: 0 no, 1 yes, 3 n/a. */
  readonly ice: number;
}

const { UINT: U, INT: S, FLAG: B } = FieldKind;

const POSITION_236: Layout<MeteoHydroImo236> = [['lat', 56, 24, S], ['lon', 80, 25, S]];
const WEATHER_236: Layout<MeteoHydroImo236> = [
  ['wspeed', 121, 7, U], ['wgust', 128, 7, U], ['wdir', 135, 9, U], ['wgustdir', 144, 9, U],
  ['humidity', 164, 7, U], ['airtemp', 153, 11, U], ['dewpoint', 171, 10, U], ['pressure', 181, 9, U],
  ['pressuretend', 190, 2, U], ['visibility', 192, 8, U], ['waterlevel', 200, 9, U], ['leveltrend', 209, 2, U],
  ['cspeed', 211, 8, U], ['cdir', 219, 9, U], ['cspeed2', 228, 8, U], ['cdir2', 236, 9, U], ['cdepth2', 245, 5, U],
  ['cspeed3', 250, 8, U], ['cdir3', 258, 9, U], ['cdepth3', 267, 5, U],
  ['waveheight', 272, 8, U], ['waveperiod', 280, 6, U], ['wavedir', 286, 9, U],
  ['swellheight', 295, 8, U], ['swellperiod', 303, 6, U], ['swelldir', 309, 9, U],
  ['seastate', 318, 4, U], ['watertemp', 322, 10, U], ['preciptype', 332, 3, U], ['salinity', 335, 9, U], ['ice', 344, 2, U],
];

const POSITION_289: Layout<MeteoHydroImo289> = [['lat', 81, 24, S], ['lon', 56, 25, S], ['accuracy', 105, 1, B]];
const WEATHER_289: Layout<MeteoHydroImo289> = [
  ['wspeed', 122, 7, U], ['wgust', 129, 7, U], ['wdir', 136, 9, U], ['wgustdir', 145, 9, U],
  ['humidity', 165, 7, U], ['airtemp', 154, 11, S], ['dewpoint', 172, 10, S], ['pressure', 182, 9, U],
  ['pressuretend', 191, 2, U], ['visgreater', 193, 1, B], ['visibility', 194, 7, U], ['waterlevel', 201, 12, U],
  ['leveltrend', 213, 2, U], ['cspeed', 215, 8, U], ['cdir', 223, 9, U],
  ['cspeed2', 232, 8, U], ['cdir2', 240, 9, U], ['cdepth2', 249, 5, U],
  ['cspeed3', 254, 8, U], ['cdir3', 262, 9, U], ['cdepth3', 271, 5, U],
  ['waveheight', 276, 8, U], ['waveperiod', 284, 6, U], ['wavedir', 290, 9, U],
  ['swellheight', 299, 8, U], ['swellperiod', 307, 6, U], ['swelldir', 313, 9, U],
  ['seastate', 322, 4, U], ['watertemp', 326, 10, S], ['preciptype', 336, 3, U], ['salinity', 339, 9, U], ['ice', 348, 2, U],
];

/** gpsd's `"%02uT%02u:%02uZ"` day/hour/minute stamp. */
function dayTime(p: Payload, at: number): string {
  return `${pad2(uintAt(p, at, 5))}T${pad2(uintAt(p, at + 5, 5))}:${pad2(uintAt(p, at + 10, 6))}Z`;
}

// Like gpsd, both are decoded whatever the payload length: a short payload
// leaves its missing fields zero, a long one carries trailing bits unread.
export const decodeMeteoHydroImo236: ApplicationDecoder = (p, out) => {
  readLayout(p, POSITION_236, out);
  out['timestamp'] = dayTime(p, 105);
  readLayout(p, WEATHER_236, out);
  return true;
};

export const decodeMeteoHydroImo289: ApplicationDecoder = (p, out) => {
  readLayout(p, POSITION_289, out);
  out['timestamp'] = dayTime(p, 106);
  readLayout(p, WEATHER_289, out);
  return true;
};
