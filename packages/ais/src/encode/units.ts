/**
 * Everyday units (degrees, knots, metres) to the raw fields of AIS messages,
 * and the raw "not available" values. Values a field cannot say throw RangeError.
 */

/** The raw "not available" values of the common fields. */
export const NOT_AVAILABLE = {
  /** 181° in 1/10000 minute (types 1-4, 9, 11, 18, 19, 21). */
  lon: 108_600_000,
  /** 91° in 1/10000 minute. */
  lat: 54_600_000,
  /** 181° in 1/10 minute (type 27). */
  lonLongRange: 108_600,
  /** 91° in 1/10 minute (type 27). */
  latLongRange: 54_600,
  /** Speed in 1/10 knot (types 1-3, 18, 19). */
  speed: 1023,
  /** Course in 1/10 degree. */
  course: 3600,
  heading: 511,
  second: 60,
  turn: -128,
  /** Navigational status "not defined". */
  status: 15,
} as const;

/** `-0` (from rounding a small negative value) as `0`, the only zero a decoder returns. */
export function unsignedZero(v: number): number {
  return v + 0;
}

/** Throws the RangeError of a value the field cannot say. */
export function check(ok: boolean, field: string, value: unknown, expected: string): void {
  if (!ok) throw new RangeError(`${field} = ${String(value)}: ${expected}`);
}

/** Degrees east → 1/10000 minute; undefined or 181 → not available. */
export function lonToRaw(degrees: number | undefined): number {
  if (degrees === undefined || degrees === 181) return NOT_AVAILABLE.lon;
  check(Math.abs(degrees) <= 180, 'lon', degrees, 'not -180..180 degrees');
  return unsignedZero(Math.round(degrees * 600_000));
}

/** Degrees north → 1/10000 minute; undefined or 91 → not available. */
export function latToRaw(degrees: number | undefined): number {
  if (degrees === undefined || degrees === 91) return NOT_AVAILABLE.lat;
  check(Math.abs(degrees) <= 90, 'lat', degrees, 'not -90..90 degrees');
  return unsignedZero(Math.round(degrees * 600_000));
}

/** Knots → 1/10 knot, 102.2 knots or more → 1022; undefined → not available. */
export function speedToRaw(knots: number | undefined): number {
  if (knots === undefined) return NOT_AVAILABLE.speed;
  check(knots >= 0, 'sog', knots, 'negative');
  return Math.min(1022, Math.round(knots * 10));
}

/** Degrees (any, taken modulo 360) in units of 1/`perDegree` degree, 0 to 360 × perDegree − 1. */
export function modulo360(degrees: number, perDegree: number, field: string): number {
  check(Number.isFinite(degrees), field, degrees, 'not a number of degrees');
  const full = 360 * perDegree;
  return unsignedZero(((Math.round(degrees * perDegree) % full) + full) % full);
}

/** Degrees (any, taken modulo 360) → 1/10 degree 0-3599; undefined → not available. */
export function courseToRaw(degrees: number | undefined): number {
  return degrees === undefined ? NOT_AVAILABLE.course : modulo360(degrees, 10, 'cog');
}

/** Degrees (any, modulo 360) → whole degrees 0-359; undefined → not available. */
export function headingToRaw(degrees: number | undefined): number {
  return degrees === undefined ? NOT_AVAILABLE.heading : modulo360(degrees, 1, 'heading');
}

/**
 * Rate of turn in degrees per minute (positive to starboard) → the raw
 * ±4.733 √rate, 708 °/min or more → ±126; undefined → not available.
 */
export function turnToRaw(degreesPerMinute: number | undefined): number {
  if (degreesPerMinute === undefined) return NOT_AVAILABLE.turn;
  check(Number.isFinite(degreesPerMinute), 'rot', degreesPerMinute, 'not a number of degrees per minute');
  const raw = Math.min(126, Math.round(4.733 * Math.sqrt(Math.abs(degreesPerMinute))));
  return degreesPerMinute < 0 ? unsignedZero(-raw) : raw;
}

/** Metres from the position reference point to each side of the hull. */
export interface Dimensions {
  toBow: number;
  toStern: number;
  toPort: number;
  toStarboard: number;
}

/** A whole number of units (metres, knots), at most `max` (the field's "or more" value). */
export function whole(value: number, max: number, field: string): number {
  check(value >= 0, field, value, 'negative');
  return Math.min(max, Math.round(value));
}

export function dimensionFields(d: Dimensions | undefined) {
  if (d === undefined) return { to_bow: 0, to_stern: 0, to_port: 0, to_starboard: 0 };
  return {
    to_bow: whole(d.toBow, 511, 'toBow'),
    to_stern: whole(d.toStern, 511, 'toStern'),
    to_port: whole(d.toPort, 63, 'toPort'),
    to_starboard: whole(d.toStarboard, 63, 'toStarboard'),
  };
}
