/**
 * "Is this vessel still within so many metres of where it was?" — asked of
 * nearly every report (is its zone answer still good, is it still clear of
 * every corridor) and nearly always settled by the move's north-south part
 * alone, or by a bound on its east-west part, without the cosine the
 * equirectangular distance needs.
 */
import { EARTH_RADIUS_METRES, RAD } from '@tidewatch/geo';

/**
 * Exactly geo's `equirectangularMetres(lat1, lon1, lat2, lon2) < metres`, NaN
 * included. Its east-west term is the longitude difference scaled by a
 * cosine of at most 1, so the same arithmetic without it (every step rounds
 * monotonically) bounds the distance from below, and with the cosine taken as
 * 1 from above; only a move between the bounds pays for the cosine.
 */
export function closerThan(lat1: number, lon1: number, lat2: number, lon2: number, metres: number): boolean {
  let dLon = lon2 - lon1;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  const y = (lat2 - lat1) * RAD;
  if (EARTH_RADIUS_METRES * Math.sqrt(y * y) >= metres) return false;
  const east = dLon * RAD;
  if (EARTH_RADIUS_METRES * Math.sqrt(east * east + y * y) < metres) return true;
  // equirectangularMetres's own arithmetic, written out: a call here (a rare path, so not
  // inlined) would box its four numbers and its result.
  const x = east * Math.cos(((lat1 + lat2) / 2) * RAD);
  return EARTH_RADIUS_METRES * Math.sqrt(x * x + y * y) < metres;
}
