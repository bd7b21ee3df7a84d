/**
 * AtoN monitoring data of the General Lighthouse Authorities (IALA A-126),
 * addressed (message 6) by a buoy or light to its monitoring centre: DAC 235
 * (UK) or 250 (Ireland), FI 10. Tells whether a light or RACON works and
 * whether a buoy is off station.
 */
import { FieldKind, readLayout, type ApplicationDecoder, type Layout } from './layout.js';

/** DAC 235/250 FI 10, 136 bits. */
export interface AtonMonitoring {
  /** True when the AtoN reports itself off position. */
  readonly off_pos: boolean;
  /** True = alarm (health bad). */
  readonly alarm: boolean;
  /** Eight digital inputs, bit 7 first, 1 = on. */
  readonly stat_ext: number;
  /** Supply voltage of the AIS unit, 0.05 V steps; 0 = not used. */
  readonly ana_int: number;
  /** External analogue input #1, 0.05 V steps; 0 = not used. */
  readonly ana_ext1: number;
  /** External analogue input #2, 0.05 V steps; 0 = not used. */
  readonly ana_ext2: number;
  /** RACON: 0 none installed, 1 not monitored, 2 operational, 3 error. */
  readonly racon: number;
  /** Light: 0 none or not monitored, 1 on, 2 off, 3 error. */
  readonly light: number;
}

const { UINT: U, FLAG: B } = FieldKind;
const LAYOUT: Layout<AtonMonitoring> = [
  ['off_pos', 131, 1, B], ['alarm', 122, 1, B], ['stat_ext', 123, 8, U], ['ana_int', 88, 10, U],
  ['ana_ext1', 98, 10, U], ['ana_ext2', 108, 10, U], ['racon', 118, 2, U], ['light', 120, 2, U],
];

/** Fixed length; gpsd takes any other length for raw data. */
const BITS = 136;

export const decodeAtonMonitoring: ApplicationDecoder = (p, out) => {
  if (p.bitLength !== BITS) return false;
  readLayout(p, LAYOUT, out);
  return true;
};
