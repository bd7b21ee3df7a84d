/**
 * Decoded AIS messages (gpsd's unscaled field names and units) → observations.
 *
 * Positions come from types 1, 2, 3 (Class A), 18, 19 (Class B) and 27 (long
 * range); static data from types 5, 19 and 24 (parts A and B separately).
 * "Not available" sentinels become NaN or ''. A message whose position is not
 * available (lon 181°, lat 91°, or anything outside ±180/±90) gives no position,
 * and neither does exactly 0°, 0°: no vessel reports from there except a GNSS
 * receiver without a fix.
 */
import type { AisMessage } from '@tidewatch/ais';
import { PositionSource, emptyPosition, emptyStatic, type Observation, type PositionObservation, type StaticObservation } from './observation.js';

/** Types 1-3, 18, 19: 1/10000 minute. */
const FINE = 600_000;
/** Type 27: 1/10 minute. */
const COARSE = 600;

/**
 * Fills `out` with the position `msg` carries at time `t` (ms UTC); returns
 * false, leaving `out` in an unspecified state, when it carries none. No allocation.
 */
export function positionFromAis(msg: AisMessage, t: number, out: PositionObservation): boolean {
  switch (msg.type) {
    case 1:
    case 2:
    case 3:
      out.navStatus = msg.status;
      out.source = PositionSource.CLASS_A;
      return fine(msg.lat, msg.lon, msg.speed, msg.course, msg.heading, msg.mmsi, t, out);
    case 18:
    case 19:
      out.navStatus = NaN;
      out.source = PositionSource.CLASS_B;
      return fine(msg.lat, msg.lon, msg.speed, msg.course, msg.heading, msg.mmsi, t, out);
    case 27: {
      const lat = msg.lat / COARSE;
      const lon = msg.lon / COARSE;
      if (!usable(lat, lon)) return false;
      out.kind = 'position';
      out.t = t;
      out.mmsi = msg.mmsi;
      out.lat = lat;
      out.lon = lon;
      out.sog = msg.speed === 63 ? NaN : msg.speed;
      out.cog = msg.course >= 360 ? NaN : msg.course;
      out.heading = NaN;
      out.navStatus = msg.status;
      out.source = PositionSource.LONG_RANGE;
      return true;
    }
    default:
      return false;
  }
}

function fine(rawLat: number, rawLon: number, speed: number, course: number, heading: number, mmsi: number, t: number, out: PositionObservation): boolean {
  const lat = rawLat / FINE;
  const lon = rawLon / FINE;
  if (!usable(lat, lon)) return false;
  out.kind = 'position';
  out.t = t;
  out.mmsi = mmsi;
  out.lat = lat;
  out.lon = lon;
  out.sog = speed >= 1023 ? NaN : speed / 10;
  out.cog = course >= 3600 ? NaN : course / 10;
  out.heading = heading >= 360 ? NaN : heading;
  return true;
}

function usable(lat: number, lon: number): boolean {
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && (lat !== 0 || lon !== 0);
}

/** The static data `msg` carries (types 5, 19, 24), or undefined. */
export function staticFromAis(msg: AisMessage, t: number): StaticObservation | undefined {
  // A test small enough to be inlined where positions are read: most messages carry none.
  const type = msg.type;
  return type === 5 || type === 19 || type === 24 ? staticOf(msg, t) : undefined;
}

function staticOf(msg: AisMessage, t: number): StaticObservation | undefined {
  switch (msg.type) {
    case 5: {
      const s = emptyStatic(t, msg.mmsi);
      s.name = msg.shipname.trim();
      s.callsign = msg.callsign.trim();
      s.imo = msg.imo === 0 ? NaN : msg.imo;
      s.shipType = msg.shiptype === 0 ? NaN : msg.shiptype;
      dimensions(s, msg.to_bow, msg.to_stern, msg.to_port, msg.to_starboard);
      s.destination = msg.destination.trim();
      s.draught = msg.draught === 0 ? NaN : msg.draught / 10;
      return s;
    }
    case 19: {
      const s = emptyStatic(t, msg.mmsi);
      s.name = msg.shipname.trim();
      s.shipType = msg.shiptype === 0 ? NaN : msg.shiptype;
      dimensions(s, msg.to_bow, msg.to_stern, msg.to_port, msg.to_starboard);
      return s;
    }
    case 24: {
      const s = emptyStatic(t, msg.mmsi);
      if (msg.part === 'A') {
        s.name = msg.shipname.trim();
        return s.name === '' ? undefined : s;
      }
      s.callsign = msg.callsign.trim();
      s.shipType = msg.shiptype === 0 ? NaN : msg.shiptype;
      // An auxiliary craft's part B carries its mothership's MMSI instead of dimensions.
      if ('to_bow' in msg) dimensions(s, msg.to_bow, msg.to_stern, msg.to_port, msg.to_starboard);
      return s;
    }
    default:
      return undefined;
  }
}

/** All four zero is "not available"; a single zero is a reference point at that edge. */
function dimensions(s: StaticObservation, bow: number, stern: number, port: number, starboard: number): void {
  if (bow + stern + port + starboard === 0) return;
  s.toBow = bow;
  s.toStern = stern;
  s.toPort = port;
  s.toStarboard = starboard;
}

/** Every observation in `msg` (a type 19 gives a position and static data). Allocates; see {@link positionFromAis}. */
export function fromAis(msg: AisMessage, t: number): Observation[] {
  const out: Observation[] = [];
  const p = emptyPosition();
  if (positionFromAis(msg, t, p)) out.push(p);
  const s = staticFromAis(msg, t);
  if (s !== undefined) out.push(s);
  return out;
}
