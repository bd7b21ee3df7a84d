/**
 * Scenarios in the language of the sea, rendered as real AIS.
 *
 *     const sea = new Sea('2018-04-01T12:00:00Z');
 *     sea.vessel({ mmsi: 244123000, name: 'REEFER ONE' })
 *       .from(-5, 10).steam(90, 12, hours(1)).loiter(hours(3)).silence(hours(8), { course: 90, speed: 10 });
 *     const lines = sea.nmea();
 *
 * Each vessel is a voyage of legs (steam on a course, sail to a waypoint,
 * loiter, wait, go silent). `nmea()` renders every vessel's reports at its
 * reporting interval as `!AIVDM` sentences through the AIS encoder, with
 * NMEA 4.0 tag blocks carrying the time (`c:`), merged in time order: the
 * same text a shore station logs.
 */
import {
  destinationPointInto,
  haversineMetres,
  initialBearingDegrees,
  METRES_PER_SECOND_PER_KNOT,
} from '@tidewatch/geo';
import {
  encodeSentences,
  positionReportClassA,
  positionReportClassB,
  staticAndVoyageData,
  staticDataReportPartA,
  staticDataReportPartB,
  type AisMessage,
  type EncodableMessage,
} from '@tidewatch/ais';
import { fromAis, type Observation } from '../../src/index.js';

export const minutes = (n: number): number => n * 60;
export const hours = (n: number): number => n * 3600;

export interface VesselPlan {
  mmsi: number;
  name?: string;
  callsign?: string;
  imo?: number;
  /** AIS ship type (default 70 cargo). */
  shipType?: number;
  /** 'A' (default) or 'B'. */
  aisClass?: 'A' | 'B';
  /** Seconds between position reports (default 10 for A, 30 for B). */
  reportEveryS?: number;
  /** Seconds between static reports (default 360, as Class A sends type 5). */
  staticEveryS?: number;
}

/** A stretch of time with constant course and speed, transmitting or not. */
interface Leg {
  t0: number;
  t1: number;
  lat: number;
  lon: number;
  course: number;
  knots: number;
  transmitting: boolean;
  /** Navigational status reported on this leg. */
  status: number;
}

const scratch = { lat: 0, lon: 0 };

export class Voyage {
  readonly legs: Leg[] = [];
  /** Reports sent from a false position (bad fix, spoofing): the first report at or after `t` says (lat, lon). */
  readonly falseFixes: Array<{ t: number; lat: number; lon: number }> = [];
  private t: number;
  private lat = NaN;
  private lon = NaN;

  constructor(readonly plan: VesselPlan, start: number) {
    this.t = start;
  }

  /** Where the voyage begins (degrees). */
  from(lat: number, lon: number): this {
    this.lat = lat;
    this.lon = lon;
    return this;
  }

  /** Starts the voyage later than the scenario's start. */
  after(seconds: number): this {
    this.t += seconds * 1000;
    return this;
  }

  /** Steams on a course (degrees true) at a speed (knots) for some seconds. */
  steam(course: number, knots: number, seconds: number, status = 0): this {
    return this.leg(course, knots, seconds, true, status);
  }

  /** Sails the great circle to a waypoint at a speed. */
  sailTo(lat: number, lon: number, knots: number): this {
    const metres = haversineMetres(this.lat, this.lon, lat, lon);
    const course = initialBearingDegrees(this.lat, this.lon, lat, lon);
    return this.leg(course, knots, metres / (knots * METRES_PER_SECOND_PER_KNOT), true, 0);
  }

  /** Drifts slowly (default 0.5 kn towards 045) for some seconds, transmitting. */
  loiter(seconds: number, drift: { course?: number; knots?: number } = {}): this {
    return this.leg(drift.course ?? 45, drift.knots ?? 0.5, seconds, true, 0);
  }

  /** Lies still (at anchor) for some seconds. */
  wait(seconds: number): this {
    return this.leg(0, 0, seconds, true, 1);
  }

  /** Transmits nothing for some seconds, while still moving (default: stopped). */
  silence(seconds: number, moving: { course?: number; knots?: number } = {}): this {
    return this.leg(moving.course ?? 0, moving.knots ?? 0, seconds, false, 0);
  }

  /** The next report gives a false position (a bad GNSS fix); the voyage itself goes on. */
  badFix(lat: number, lon: number): this {
    this.falseFixes.push({ t: this.t, lat, lon });
    return this;
  }

  /** From here on the reported position is displaced by (dLat, dLon) degrees: the transmitter's position jumps. */
  displace(dLat: number, dLon: number): this {
    this.lat += dLat;
    this.lon += dLon;
    return this;
  }

  /** Position at time t (ms) within the voyage, or undefined outside it. */
  at(t: number): { lat: number; lon: number; leg: Leg } | undefined {
    for (const leg of this.legs) {
      if (t >= leg.t0 && t < leg.t1) {
        destinationPointInto(leg.lat, leg.lon, leg.course, leg.knots * METRES_PER_SECOND_PER_KNOT * ((t - leg.t0) / 1000), scratch);
        return { lat: scratch.lat, lon: scratch.lon, leg };
      }
    }
    return undefined;
  }

  get start(): number {
    return this.legs[0]?.t0 ?? this.t;
  }

  get end(): number {
    return this.t;
  }

  private leg(course: number, knots: number, seconds: number, transmitting: boolean, status: number): this {
    if (Number.isNaN(this.lat)) throw new Error(`vessel ${this.plan.mmsi}: say where it starts with from() first`);
    const t1 = this.t + Math.round(seconds * 1000);
    this.legs.push({ t0: this.t, t1, lat: this.lat, lon: this.lon, course, knots, transmitting, status });
    destinationPointInto(this.lat, this.lon, course, knots * METRES_PER_SECOND_PER_KNOT * seconds, scratch);
    this.lat = scratch.lat;
    this.lon = scratch.lon;
    this.t = t1;
    return this;
  }
}

/** A report due at a time, before encoding. */
interface Due {
  t: number;
  order: number;
  message: EncodableMessage;
}

export class Sea {
  readonly start: number;
  readonly voyages: Voyage[] = [];

  constructor(start: string) {
    this.start = Date.parse(start);
  }

  vessel(plan: VesselPlan): Voyage {
    const v = new Voyage(plan, this.start);
    this.voyages.push(v);
    return v;
  }

  /** Every report of every vessel, as tagged NMEA lines in time order. */
  nmea(): string[] {
    const due = this.due();
    const lines: string[] = [];
    let sequence = 0;
    for (const d of due) {
      const sentences = encodeSentences(d.message, { sequenceId: sequence });
      if (sentences.length > 1) sequence = (sequence + 1) % 10;
      for (const s of sentences) lines.push(`${tagBlock(d.t)}${s}`);
    }
    return lines;
  }

  /**
   * The same reports as observations, without the NMEA round trip (for
   * property tests that replay thousands of variations): each message goes
   * through `fromAis`, so values are quantised exactly as decoding would.
   */
  observations(): Observation[] {
    return this.due().flatMap((d) => fromAis(d.message as AisMessage, d.t));
  }

  private due(): Due[] {
    const due: Due[] = [];
    this.voyages.forEach((v) => this.reports(v, due));
    return due.sort((a, b) => a.t - b.t || a.order - b.order);
  }

  private reports(v: Voyage, out: Due[]): void {
    const plan = v.plan;
    const classB = plan.aisClass === 'B';
    const every = (plan.reportEveryS ?? (classB ? 30 : 10)) * 1000;
    const staticEvery = (plan.staticEveryS ?? 360) * 1000;
    const order = this.voyages.indexOf(v);
    let nextStatic = v.start;
    const falseFixes = [...v.falseFixes];
    for (let t = v.start; t < v.end; t += every) {
      const here = v.at(t);
      if (here === undefined || !here.leg.transmitting) continue;
      if (falseFixes.length > 0 && falseFixes[0]!.t <= t) {
        const fix = falseFixes.shift()!;
        here.lat = fix.lat;
        here.lon = fix.lon;
      }
      const second = new Date(t).getUTCSeconds();
      const sog = here.leg.knots;
      const cog = here.leg.course % 360;
      const input = { mmsi: plan.mmsi, lat: here.lat, lon: here.lon, sog, cog, heading: Math.round(cog) % 360, second };
      out.push({ t, order, message: classB ? positionReportClassB(input) : positionReportClassA({ ...input, status: here.leg.status }) });
      if (t >= nextStatic) {
        nextStatic = t + staticEvery;
        for (const message of this.statics(plan, classB)) out.push({ t, order, message });
      }
    }
  }

  private statics(plan: VesselPlan, classB: boolean): EncodableMessage[] {
    const shipname = plan.name ?? `VESSEL ${plan.mmsi}`;
    const shiptype = plan.shipType ?? 70;
    const dimensions = { toBow: 80, toStern: 20, toPort: 8, toStarboard: 8 };
    if (!classB) {
      return [staticAndVoyageData({ mmsi: plan.mmsi, imo: plan.imo ?? 0, callsign: plan.callsign ?? '', shipname, shiptype, dimensions, destination: 'AT SEA' })];
    }
    return [
      staticDataReportPartA({ mmsi: plan.mmsi, shipname }),
      staticDataReportPartB({ mmsi: plan.mmsi, shiptype, callsign: plan.callsign ?? '', dimensions }),
    ];
  }
}

/** `\s:sea,c:1522584000*hh\`: NMEA 4.0 tag block with source and UNIX time in seconds. */
export function tagBlock(t: number): string {
  const body = `s:sea,c:${Math.floor(t / 1000)}`;
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
}
