/**
 * VTS-generated (synthetic) targets, broadcast (message 8) by a VTS centre for
 * vessels it tracks by radar: IMO SN.1/Circ.236/289 DAC 1 FI 17.
 */
import { fixedText, intAt, uintAt } from './gpsd-readers.js';
import type { ApplicationDecoder } from './layout.js';

interface TargetCommon {
  /** Latitude, 1/1000 minute; 91000 = not available. */
  readonly lat: number;
  /** Longitude, 1/1000 minute; 181000 = not available. */
  readonly lon: number;
  /** Course over ground, degrees; 360 = not available. */
  readonly course: number;
  /** UTC second of the observation; 60 = not available. */
  readonly second: number;
  /** Speed over ground, knots; 255 = not available. */
  readonly speed: number;
}

/**
 * One target. The identifier's key depends on its type, as gpsd prints it;
 * numbers are strings (gpsd prints them quoted) of the low 32 bits of the
 * 42-bit field; texts are 7 six-bit characters.
 */
export type VtsTarget =
  | ({ readonly idtype: 0; readonly mmsi: string } & TargetCommon)
  | ({ readonly idtype: 1; readonly imo: string } & TargetCommon)
  | ({ readonly idtype: 2; readonly callsign: string } & TargetCommon)
  | ({ readonly idtype: 3; readonly other: string } & TargetCommon);

/** DAC 1 FI 17. */
export interface VtsTargets {
  /**
   * One target for every 122-bit entry start at or before the payload end
   * (gpsd's count: an entry starting exactly at the end reads as all zeros).
   */
  readonly targets: readonly VtsTarget[];
}

const ENTRY_BITS = 122;
const ID_KEYS = ['mmsi', 'imo', 'callsign', 'other'] as const;
/** gpsd stores the 42-bit numeric id in a 32-bit integer. */
const UINT32 = 2 ** 32;

export const decodeVtsTargets: ApplicationDecoder = (p, out) => {
  const targets: VtsTarget[] = [];
  for (let a = 56; a <= p.bitLength; a += ENTRY_BITS) {
    const idtype = uintAt(p, a, 2);
    const id = idtype < 2 ? String(uintAt(p, a + 2, 42) % UINT32) : fixedText(p, a + 2, 7);
    const target: Record<string, unknown> = { idtype };
    target[ID_KEYS[idtype]!] = id;
    target['lat'] = intAt(p, a + 48, 24);
    target['lon'] = intAt(p, a + 72, 25);
    target['course'] = uintAt(p, a + 97, 9);
    target['second'] = uintAt(p, a + 106, 6);
    target['speed'] = uintAt(p, a + 112, 10);
    targets.push(target as unknown as VtsTarget);
  }
  out['targets'] = targets;
  return true;
};
