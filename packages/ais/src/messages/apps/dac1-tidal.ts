/**
 * Tidal window, addressed (message 6) by a shore station: up to three
 * predictions of current along a fairway. IMO SN.1/Circ.236 DAC 1 FI 14 and
 * IMO SN.1/Circ.289 DAC 1 FI 32 (narrower position and speed fields).
 */
import type { Payload } from '../../bits.js';
import { intAt, uintAt } from './gpsd-readers.js';
import type { ApplicationDecoder } from './layout.js';

/** One prediction point. */
export interface TidalPrediction {
  /** Longitude: FI 14 1/10000 minute, FI 32 1/1000 minute; 181° = not available. */
  readonly lon: number;
  /** Latitude: FI 14 1/10000 minute, FI 32 1/1000 minute; 91° = not available. */
  readonly lat: number;
  /** Window start (UTC); hour 24, minute 60 = not available. */
  readonly from_hour: number;
  readonly from_min: number;
  /** Window end (UTC); hour 24, minute 60 = not available. */
  readonly to_hour: number;
  readonly to_min: number;
  /** Predicted current direction, degrees; 360 = not available. */
  readonly cdir: number;
  /** Predicted current speed, 0.1 knot; FI 14: 127 = n/a; FI 32: 251 = ≥ 25.1, 255 = n/a. */
  readonly cspeed: number;
}

/** DAC 1 FI 14 (IMO 236) and FI 32 (IMO 289). */
export interface TidalWindow {
  /** Month 1-12; 0 = not available. */
  readonly month: number;
  /** Day 1-31; 0 = not available. */
  readonly day: number;
  /**
   * One entry for every entry start at or before the payload end (gpsd's
   * count: a payload ending exactly at an entry start yields a zero entry).
   */
  readonly tidals: readonly TidalPrediction[];
}

/** Entry layout: widths of lon, lat, cspeed and entry size; FI 14 sends lat before lon. */
interface TidalShape {
  readonly lonWidth: number;
  readonly latWidth: number;
  readonly latFirst: boolean;
  readonly speedWidth: number;
  readonly size: number;
}

const IMO236: TidalShape = { lonWidth: 28, latWidth: 27, latFirst: true, speedWidth: 7, size: 93 };
const IMO289: TidalShape = { lonWidth: 25, latWidth: 24, latFirst: false, speedWidth: 8, size: 88 };

function decodeTidalWindow(p: Payload, out: Record<string, unknown>, shape: TidalShape): boolean {
  out['month'] = uintAt(p, 88, 4);
  out['day'] = uintAt(p, 92, 5);
  const tidals: TidalPrediction[] = [];
  for (let a = 97; a <= p.bitLength; a += shape.size) {
    const lonAt = shape.latFirst ? a + shape.latWidth : a;
    const latAt = shape.latFirst ? a : a + shape.lonWidth;
    const t = a + shape.lonWidth + shape.latWidth;
    tidals.push({
      lon: intAt(p, lonAt, shape.lonWidth),
      lat: intAt(p, latAt, shape.latWidth),
      from_hour: uintAt(p, t, 5),
      from_min: uintAt(p, t + 5, 6),
      to_hour: uintAt(p, t + 11, 5),
      to_min: uintAt(p, t + 16, 6),
      cdir: uintAt(p, t + 22, 9),
      cspeed: uintAt(p, t + 31, shape.speedWidth),
    });
  }
  out['tidals'] = tidals;
  return true;
}

export const decodeTidalWindowImo236: ApplicationDecoder = (p, out) => decodeTidalWindow(p, out, IMO236);
export const decodeTidalWindowImo289: ApplicationDecoder = (p, out) => decodeTidalWindow(p, out, IMO289);
