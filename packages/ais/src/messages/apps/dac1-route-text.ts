/**
 * Route information and text descriptions (IMO SN.1/Circ.289, DAC 1), each in
 * an addressed (message 6) and a broadcast (message 8) form: routes 6/28 and
 * 8/27, texts 6/30 and 8/29. The two forms share their layout, shifted by the
 * 32 bits of the message 6 addressing.
 */
import type { Payload } from '../../bits.js';
import { intAt, monthDayTime, trailingText, uintAt } from './gpsd-readers.js';
import type { ApplicationDecoder } from './layout.js';

/** One waypoint, 1/10000 minute; 181° / 91° = not available. */
export interface Waypoint {
  readonly lon: number;
  readonly lat: number;
}

/** DAC 1 FI 28 (message 6) and FI 27 (message 8). */
export interface RouteInformation {
  /** Message linkage id. */
  readonly linkage: number;
  /** Sender class: 0 ship, 1 authority. */
  readonly sender: number;
  /** Route type: 1 mandatory, 2 recommended, 3 alternative, 4 through ice, 5 ship's plan, 31 cancel; 0 = undefined. */
  readonly rtype: number;
  /** `"MM-DDTHH:MMZ"` start of validity (UTC); month/day 0, hour 24, minute 60 = n/a. */
  readonly start: string;
  /** Minutes from start; 0 = cancel route, 262143 = not available. */
  readonly duration: number;
  /**
   * As many waypoints as the 5-bit count says (up to 31, as gpsd reads it;
   * the circular allows 16), those past the payload end reading as zero.
   */
  readonly waypoints: readonly Waypoint[];
}

/** DAC 1 FI 30 (message 6) and FI 29 (message 8). */
export interface TextDescription {
  /** Message linkage id: the message this text describes. */
  readonly linkage: number;
  /** Six-bit text to the end of the payload. */
  readonly text: string;
}

/** Bits from the message start to the application data. */
const ADDRESSED_BASE = 88;
const BROADCAST_BASE = 56;

function decodeRoute(p: Payload, out: Record<string, unknown>, base: number): boolean {
  out['linkage'] = uintAt(p, base, 10);
  out['sender'] = uintAt(p, base + 10, 3);
  out['rtype'] = uintAt(p, base + 13, 5);
  out['start'] = monthDayTime(p, base + 18);
  out['duration'] = uintAt(p, base + 38, 18);
  const count = uintAt(p, base + 56, 5);
  const waypoints: Waypoint[] = [];
  for (let i = 0, a = base + 61; i < count; i++, a += 55) waypoints.push({ lon: intAt(p, a, 28), lat: intAt(p, a + 28, 27) });
  out['waypoints'] = waypoints;
  return true;
}

function decodeText(p: Payload, out: Record<string, unknown>, base: number): boolean {
  out['linkage'] = uintAt(p, base, 10);
  out['text'] = trailingText(p, base + 10);
  return true;
}

export const decodeAddressedRoute: ApplicationDecoder = (p, out) => decodeRoute(p, out, ADDRESSED_BASE);
export const decodeBroadcastRoute: ApplicationDecoder = (p, out) => decodeRoute(p, out, BROADCAST_BASE);
export const decodeAddressedText: ApplicationDecoder = (p, out) => decodeText(p, out, ADDRESSED_BASE);
export const decodeBroadcastText: ApplicationDecoder = (p, out) => decodeText(p, out, BROADCAST_BASE);
