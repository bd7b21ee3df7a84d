/**
 * NMEA scenarios built with the AIS encoder: vessels on scripted tracks,
 * every line tagged with its time (`\c:<ms>*hh\`), so a replay or a POST of
 * the same scenario gives the same events wherever and whenever it runs.
 */
import { encodeSentences, positionReportClassA, staticAndVoyageData, type EncodableMessage } from '@tidewatch/ais';

/** A tag block with the time in ms (the receiver takes values above 1e11 as ms). */
export function tagged(sentence: string, timeMs: number, source = 'test'): string {
  const body = `s:${source},c:${timeMs}`;
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\${sentence}`;
}

/** The lines of one message at `timeMs`. */
export function linesOf(message: EncodableMessage, timeMs: number): string[] {
  return encodeSentences(message).map((s) => tagged(s, timeMs));
}

export interface ScenarioPosition {
  t: number;
  mmsi: number;
  lat: number;
  lon: number;
  sog: number;
  cog: number;
}

export interface Scenario {
  lines: string[];
  positions: ScenarioPosition[];
}

export const T0 = Date.UTC(2024, 4, 1, 0, 0, 0);

/**
 * Two vessels meet and lie together at sea for `meetMinutes`, then part; a
 * third steams past. Reports every `everyS` seconds, static data every
 * 6 minutes, over `hours`.
 */
export function rendezvous(options: { hours?: number; everyS?: number; meetMinutes?: number; start?: number } = {}): Scenario {
  const hours = options.hours ?? 3;
  const every = (options.everyS ?? 10) * 1000;
  const meet = (options.meetMinutes ?? 60) * 60_000;
  const t0 = options.start ?? T0;
  const end = t0 + hours * 3_600_000;
  const meetStart = t0 + 30 * 60_000;
  const vessels = [
    { mmsi: 636012345, name: 'OCEAN TRADER', callsign: 'D5AB1', imo: 9123456, shiptype: 80 },
    { mmsi: 352001234, name: 'SEA BREEZE', callsign: '3EAB2', imo: 9234567, shiptype: 80 },
    { mmsi: 244670000, name: 'NOORDERLICHT', callsign: 'PBAB3', imo: 9345678, shiptype: 70 },
  ];
  const lines: string[] = [];
  const positions: ScenarioPosition[] = [];
  for (let t = t0; t < end; t += every) {
    const together = t >= meetStart && t < meetStart + meet;
    for (const [i, v] of vessels.entries()) {
      let lat: number;
      let lon: number;
      let sog: number;
      if (i === 2) {
        // Steams east at 12 knots, far from the others.
        lat = 35.2;
        lon = 20.0 + ((t - t0) / 3_600_000) * (12 / 60);
        sog = 12;
      } else {
        // Converge on the meeting point over 30 minutes (about 2.4 knots), lie together, then part the same way.
        const away = together ? 0 : Math.min(1, Math.abs(t < meetStart ? meetStart - t : t - (meetStart + meet)) / 1_800_000);
        lat = 35.0 + i * 0.0005 + (i === 0 ? -0.02 : 0.02) * away;
        lon = 21.0;
        sog = together ? 0.3 : 2.4 * (away < 1 ? 1 : 0);
      }
      const cog = i === 2 ? 90 : 0;
      positions.push({ t, mmsi: v.mmsi, lat, lon, sog, cog });
      lines.push(...linesOf(positionReportClassA({ mmsi: v.mmsi, lat, lon, sog, cog, status: i === 2 ? 0 : 1 }), t));
      if ((t - t0) % 360_000 === 0) {
        lines.push(...linesOf(staticAndVoyageData({ mmsi: v.mmsi, shipname: v.name, callsign: v.callsign, imo: v.imo, shiptype: v.shiptype, destination: 'OPEN SEA' }), t));
      }
    }
  }
  return { lines, positions };
}

/** A vessel that renames itself: static data with a new name and call sign halfway. */
export function renaming(mmsi: number, start = T0): string[] {
  const lines: string[] = [];
  for (let k = 0; k < 20; k++) {
    const t = start + k * 60_000;
    lines.push(...linesOf(positionReportClassA({ mmsi, lat: 10 + k * 0.001, lon: 100, sog: 8, cog: 0 }), t));
    const renamed = k >= 10;
    lines.push(...linesOf(staticAndVoyageData({ mmsi, shipname: renamed ? 'NEW NAME' : 'OLD NAME', callsign: renamed ? 'NEW1' : 'OLD1', imo: 9000001, shiptype: 70 }), t));
  }
  return lines;
}
