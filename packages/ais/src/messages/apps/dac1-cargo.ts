/**
 * Dangerous cargo indication, addressed (message 6) by a ship to an authority:
 * IMO SN.1/Circ.236 DAC 1 FI 12 and IMO SN.1/Circ.289 DAC 1 FI 25.
 */
import { fixedText, monthDayTime, uintAt } from './gpsd-readers.js';
import { FieldKind, readLayout, type ApplicationDecoder, type Layout } from './layout.js';

/** DAC 1 FI 12 (IMO 236), 360 bits. */
export interface DangerousCargoImo236 {
  /** Last port of call, UN/LOCODE (5 characters). */
  readonly lastport: string;
  /** `"MM-DDTHH:MMZ"` departure from it (UTC); month 0, day 0, hour 24, minute 60 = not available. */
  readonly departure: string;
  /** Next port of call, UN/LOCODE. */
  readonly nextport: string;
  /** `"MM-DDTHH:MMZ"` ETA there, same sentinels. */
  readonly eta: string;
  /** Main dangerous good (20 characters). */
  readonly dangerous: string;
  /** IMD category (4 characters). */
  readonly imdcat: string;
  /** UN number, 1-3363; 0 = not available. */
  readonly unid: number;
  /** Amount of cargo in `unit`. */
  readonly amount: number;
  /** Unit: 0 n/a, 1 kg, 2 tonnes, 3 kilotonnes. */
  readonly unit: number;
}

/** One cargo of DAC 1 FI 25. */
export interface CargoEntry {
  /** Code it is carried under: 1 IMDG, 2 IGC, 3 BC/IMSBC, 4 MARPOL I, 5 MARPOL II (IBC), 6 regional; 0 = n/a. */
  readonly code: number;
  /** Class, UN number or category under that code; 0 = not available. */
  readonly subtype: number;
}

/** DAC 1 FI 25 (IMO 289), 117-576 bits. */
export interface DangerousCargoImo289 {
  /** Unit: 0 n/a, 1 kg, 2 tonnes, 3 kilotonnes. */
  readonly unit: number;
  /** Amount of cargo in `unit`; 0 = not available. */
  readonly amount: number;
  /** One entry per 17 bits present after bit 100 (a partial last entry reads as zero-padded). */
  readonly cargos: readonly CargoEntry[];
}

const { UINT: U, TEXT: T } = FieldKind;

const TAIL_236: Layout<DangerousCargoImo236> = [
  ['dangerous', 188, 120, T], ['imdcat', 308, 24, T], ['unid', 332, 13, U], ['amount', 345, 10, U], ['unit', 355, 2, U],
];

// gpsd decodes FI 12 and FI 25 whatever the payload length (missing bits read as zero).
export const decodeDangerousCargoImo236: ApplicationDecoder = (p, out) => {
  out['lastport'] = fixedText(p, 88, 5);
  out['departure'] = monthDayTime(p, 118);
  out['nextport'] = fixedText(p, 138, 5);
  out['eta'] = monthDayTime(p, 168);
  readLayout(p, TAIL_236, out);
  return true;
};

export const decodeDangerousCargoImo289: ApplicationDecoder = (p, out) => {
  out['unit'] = uintAt(p, 88, 2);
  out['amount'] = uintAt(p, 90, 10);
  const cargos: CargoEntry[] = [];
  for (let at = 100; at < p.bitLength; at += 17) cargos.push({ code: uintAt(p, at, 4), subtype: uintAt(p, at + 4, 13) });
  out['cargos'] = cargos;
  return true;
};
