/**
 * Observations: what the engine reads. Every source (decoded AIS, CSV exports,
 * anything later) is normalised to these two shapes, so tracks and detectors
 * never see a source format.
 *
 * Units are the sea's: degrees, knots, degrees true, ms since 1970 UTC.
 * A field the source did not give, or gave as "not available", is NaN
 * (numbers) or '' (text), never a sentinel value.
 */

/** How the position was reported: AIS class or another source. */
export const PositionSource = {
  /** AIS Class A (types 1, 2, 3). */
  CLASS_A: 1,
  /** AIS Class B (types 18, 19). */
  CLASS_B: 2,
  /** AIS long-range broadcast (type 27, usually via satellite): position to 1/10 minute. */
  LONG_RANGE: 3,
  /** A non-AIS source (e.g. a CSV export that does not say). */
  OTHER: 0,
} as const;
export type PositionSource = (typeof PositionSource)[keyof typeof PositionSource];

/** A vessel's position at a time. Mutable so sources can fill one object per message (`…Into`). */
export interface PositionObservation {
  kind: 'position';
  /** Event time, ms since 1970 UTC. */
  t: number;
  mmsi: number;
  /** Degrees, north positive. */
  lat: number;
  /** Degrees, east positive, in [-180, 180]. */
  lon: number;
  /** Speed over ground, knots; NaN when not available. */
  sog: number;
  /** Course over ground, degrees true [0, 360); NaN when not available. */
  cog: number;
  /** True heading, degrees [0, 360); NaN when not available. */
  heading: number;
  /** AIS navigational status 0-15; NaN when the source has none (15 "not defined" is kept as 15). */
  navStatus: number;
  source: PositionSource;
}

/**
 * A vessel's static and voyage data: who it says it is. Fields the message did
 * not carry are '' or NaN, and merging into the track leaves the known value
 * alone (a type 24 part A carries only the name, part B only the rest).
 */
export interface StaticObservation {
  kind: 'static';
  t: number;
  mmsi: number;
  /** Ship name, trimmed; '' when not given. */
  name: string;
  callsign: string;
  /** IMO ship number; NaN when not given or 0. */
  imo: number;
  /** AIS ship and cargo type 0-99; NaN when not given. */
  shipType: number;
  /** Metres from the reference point to bow, stern, port, starboard; NaN when not given. */
  toBow: number;
  toStern: number;
  toPort: number;
  toStarboard: number;
  /** Destination as typed by the crew, trimmed; '' when not given. */
  destination: string;
  /** Draught, metres; NaN when not given. */
  draught: number;
}

export type Observation = PositionObservation | StaticObservation;

/** A blank position observation for `…Into` sources to fill. */
export function emptyPosition(): PositionObservation {
  return { kind: 'position', t: NaN, mmsi: 0, lat: NaN, lon: NaN, sog: NaN, cog: NaN, heading: NaN, navStatus: NaN, source: PositionSource.OTHER };
}

/**
 * A copy of `p`, built like every other position so that it shares their
 * hidden class: one copy made by spreading (`{ ...p }`) gets another class,
 * and each site of the engine's hot path that has seen both reads every
 * number through a new heap box from then on.
 */
export function copyPosition(p: PositionObservation): PositionObservation {
  return { kind: 'position', t: p.t, mmsi: p.mmsi, lat: p.lat, lon: p.lon, sog: p.sog, cog: p.cog, heading: p.heading, navStatus: p.navStatus, source: p.source };
}

/**
 * A static observation with the fields of `s` (an observation, or a stored row of one),
 * built like {@link emptyStatic} builds them (see {@link copyPosition}; spreading is also
 * several times slower).
 */
export function copyStatic(s: Omit<StaticObservation, 'kind'>): StaticObservation {
  return {
    kind: 'static',
    t: s.t,
    mmsi: s.mmsi,
    name: s.name,
    callsign: s.callsign,
    imo: s.imo,
    shipType: s.shipType,
    toBow: s.toBow,
    toStern: s.toStern,
    toPort: s.toPort,
    toStarboard: s.toStarboard,
    destination: s.destination,
    draught: s.draught,
  };
}

/** A static observation with nothing known; sources set the fields they carry. */
export function emptyStatic(t: number, mmsi: number): StaticObservation {
  return {
    kind: 'static',
    t,
    mmsi,
    name: '',
    callsign: '',
    imo: NaN,
    shipType: NaN,
    toBow: NaN,
    toStern: NaN,
    toPort: NaN,
    toStarboard: NaN,
    destination: '',
    draught: NaN,
  };
}
