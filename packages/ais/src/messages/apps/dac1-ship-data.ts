/**
 * Extended ship data (IMO SN.1/Circ.236 and 289, DAC 1): air draught (FI 15)
 * and number of persons on board (FI 16), in both message 6 and message 8.
 *
 * gpsd reads some of these at offsets that do not match the circulars
 * (noted per decoder); we read where gpsd reads, since our output is gpsd's.
 */
import { uintAt } from './gpsd-readers.js';
import type { ApplicationDecoder } from './layout.js';

/** DAC 1 FI 15 (IMO 236). */
export interface AirDraught {
  /** Height over keel, 0.1 m; 2047 = ≥ 204.7 m, 0 = not available. */
  readonly airdraught: number;
}

/** DAC 1 FI 16 (IMO 236: 72-bit message; IMO 289: 136 bits). */
export interface PersonsOnBoard {
  /** Persons on board; 8191 = ≥ 8191, 0 = not available. */
  readonly persons: number;
}

/** IMO 289 length of FI 16, in bits after the message 6 or 8 header. */
const PERSONS_289_DATA = 136;
/** IMO 236 length of FI 16 as a message 8, data bits after the header. */
const PERSONS_236_DATA = 72;

/**
 * Both messages: 11 bits from bit 56, right after the FI of message 8; for
 * message 6 gpsd reads the same bits, which lie inside its destination MMSI (sic).
 */
export const decodeAirDraught: ApplicationDecoder = (p, out) => {
  out['airdraught'] = uintAt(p, 56, 11);
  return true;
};

/**
 * Message 6: the IMO 289 layout when the data is 136 bits; otherwise gpsd
 * takes the IMO 236 broadcast layout's offset, bit 55, inside the header (sic).
 */
export const decodeAddressedPersonsOnBoard: ApplicationDecoder = (p, out) => {
  out['persons'] = p.bitLength - 88 === PERSONS_289_DATA ? uintAt(p, 88, 13) : uintAt(p, 55, 13);
  return true;
};

/**
 * Message 8: only the two standard lengths are this application (else raw
 * data). gpsd reads IMO 289 at bit 88 (the message 6 offset) and IMO 236 at
 * bit 55 (one bit early), both sic.
 *
 * Deliberate difference from gpsd 3.22: its printer takes this count from
 * the message 6 variant of its structure and so always prints 0; we give the
 * count its decoder read.
 */
export const decodeBroadcastPersonsOnBoard: ApplicationDecoder = (p, out) => {
  const data = p.bitLength - 56;
  if (data === PERSONS_289_DATA) out['persons'] = uintAt(p, 88, 13);
  else if (data === PERSONS_236_DATA) out['persons'] = uintAt(p, 55, 13);
  else return false;
  return true;
};
