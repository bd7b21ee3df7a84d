/**
 * Distances and bearings on a spherical Earth.
 *
 * A sphere of the IUGG mean radius is within about 0.5 % of the WGS 84 ellipsoid
 * everywhere, which is far inside the error of an AIS position; it keeps every
 * formula closed-form and cheap.
 */

/** Mean Earth radius R1 (IUGG), metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;
/** One international nautical mile, metres. */
export const METRES_PER_NAUTICAL_MILE = 1852;
/** One knot (a nautical mile per hour), in metres per second. */
export const METRES_PER_SECOND_PER_KNOT = 1852 / 3600;

/** Radians in a degree, and degrees in a radian. */
export const RAD = Math.PI / 180;
export const DEG = 180 / Math.PI;

/** A geographic position in degrees. */
export type LatLon = { lat: number; lon: number };

/**
 * Longitude (or a difference of longitudes) folded into [-180, 180). Within
 * one turn of that range, as sums and differences of longitudes are, the fold
 * is one exact addition.
 */
export function normaliseLongitude(lon: number): number {
  if (lon >= -180 && lon < 180) return lon;
  if (lon >= 180 && lon < 540) return lon - 360;
  if (lon >= -540 && lon < -180) return lon + 360;
  const folded = ((((lon + 180) % 360) + 360) % 360) - 180;
  return folded;
}

/**
 * Great-circle distance by the haversine formula, metres. Exact on the sphere
 * to rounding: micrometres at short range, up to about 0.1 m for nearly
 * antipodal points, where the formula is ill-conditioned.
 */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return haversineMetresFrom(lat1, lon1, Math.cos(lat1 * RAD), lat2, lon2);
}

/**
 * {@link haversineMetres} with the cosine of the first latitude given
 * (`Math.cos(lat1 * π / 180)`), for one point measured against many: the
 * same arithmetic in the same order, so the same result to the bit.
 */
export function haversineMetresFrom(lat1: number, lon1: number, cosLat1: number, lat2: number, lon2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinDLat * sinDLat + cosLat1 * Math.cos(lat2 * RAD) * sinDLon * sinDLon;
  // min() guards asin against h creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Initial great-circle bearing from the first point toward the second, degrees in [0, 360). */
export function initialBearingDegrees(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const phi1 = lat1 * RAD;
  const phi2 = lat2 * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const y = Math.sin(dLon) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLon);
  const bearing = Math.atan2(y, x) * DEG;
  return bearing < 0 ? bearing + 360 : bearing >= 360 ? bearing - 360 : bearing;
}

/** The point reached by sailing `metres` along the great circle leaving at `bearingDegrees`; written into `out`. */
export function destinationPointInto(lat: number, lon: number, bearingDegrees: number, metres: number, out: LatLon): LatLon {
  const delta = metres / EARTH_RADIUS_METRES;
  const theta = bearingDegrees * RAD;
  const phi1 = lat * RAD;
  const sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
  const y = Math.sin(theta) * Math.sin(delta) * Math.cos(phi1);
  const x = Math.cos(delta) - Math.sin(phi1) * sinPhi2;
  out.lat = phi2 * DEG;
  out.lon = normaliseLongitude(lon + Math.atan2(y, x) * DEG);
  return out;
}

/** Allocating convenience for {@link destinationPointInto}. */
export function destinationPoint(lat: number, lon: number, bearingDegrees: number, metres: number): LatLon {
  return destinationPointInto(lat, lon, bearingDegrees, metres, { lat: 0, lon: 0 });
}

/**
 * Fast distance for short ranges: the plane through the mean latitude
 * (equirectangular projection), one cosine and one square root, metres.
 * The longitude difference is taken the short way round, so it is correct
 * across the antimeridian.
 *
 * Error bound (against {@link haversineMetres}, checked by a property test):
 * for points at most 20 km apart with both latitudes within ±80°, the
 * relative error is below 5e-5 (under 1 m at 20 km); with latitudes within
 * ±89° it stays below 2e-3. It grows as the square of the range and with
 * latitude (roughly as (d/R)² · tan²φ), so use haversine beyond a few tens
 * of kilometres or near the poles.
 */
export function equirectangularMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  let dLon = lon2 - lon1;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  const x = dLon * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = (lat2 - lat1) * RAD;
  return EARTH_RADIUS_METRES * Math.sqrt(x * x + y * y);
}

/**
 * Shortest distance from a point to the great-circle arc between two points
 * (the minor arc), metres: the cross-track distance when the foot of the
 * perpendicular falls on the arc, else the distance to the nearer end.
 */
export function pointToArcMetres(lat: number, lon: number, lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toStart = haversineMetres(lat1, lon1, lat, lon);
  const toEnd = haversineMetres(lat2, lon2, lat, lon);
  const length = haversineMetres(lat1, lon1, lat2, lon2) / EARTH_RADIUS_METRES;
  const nearerEnd = Math.min(toStart, toEnd);
  if (length === 0) return nearerEnd;
  const delta13 = toStart / EARTH_RADIUS_METRES;
  const turn = (initialBearingDegrees(lat1, lon1, lat, lon) - initialBearingDegrees(lat1, lon1, lat2, lon2)) * RAD;
  const crossTrack = Math.asin(Math.max(-1, Math.min(1, Math.sin(delta13) * Math.sin(turn))));
  // Right spherical triangle start–point–foot: tan(along) = tan(δ13)·cos(turn), signed.
  const alongTrack = Math.atan2(Math.sin(delta13) * Math.cos(turn), Math.cos(delta13));
  if (alongTrack < 0 || alongTrack > length) return nearerEnd;
  return Math.min(nearerEnd, Math.abs(crossTrack) * EARTH_RADIUS_METRES);
}
