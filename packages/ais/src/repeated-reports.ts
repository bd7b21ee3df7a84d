/**
 * Static reports repeat: every Class A vessel sends the same static and
 * voyage report (type 5) every six minutes, and Class B vessels their two
 * static parts (type 24), until the crew changes a destination or a draught.
 * A payload seen before gives back the message decoded from it then, so a
 * repeat costs a comparison of its six-bit values, not seventeen fields,
 * three texts and an object. Decoded messages are read-only, so handing the
 * same object out twice is the same as decoding it again.
 *
 * The cache is direct-mapped by a hash of the payload's first values; a slot
 * answers only for the exact values and bit length it holds.
 */
import type { Payload } from './bits.js';
import { decodePayload, isFailure, type AisMessage } from './messages/registry.js';
import type { MessageFailure } from './reasons.js';

/** Six-bit values a cached payload may have: a type 5 has 71, a type 24 28. */
const MAX_VALUES = 80;
const MAX_WORDS = MAX_VALUES / 4;
/** Per slot: the bit length (-1: empty), then the values four a word. */
const RECORD = 1 + MAX_WORDS;

export class RepeatedReports {
  private readonly keys: Int32Array;
  private readonly messages: Array<AisMessage | undefined>;

  /** `slots`: a power of two, about the vessels of a busy coastal feed. */
  constructor(private readonly slots = 2048) {
    if (!(slots >= 1 && (slots & (slots - 1)) === 0)) throw new RangeError(`slots ${slots} is not a power of two`);
    this.keys = new Int32Array(slots * RECORD).fill(-1);
    this.messages = new Array<AisMessage | undefined>(slots).fill(undefined);
  }

  /** Whether messages of this type are worth keeping: they repeat unchanged. */
  static repeats(type: number): boolean {
    return type === 5 || type === 24;
  }

  /** The message `p` holds: the one decoded from the same values before, or decoded now. */
  decode(p: Payload): AisMessage | MessageFailure {
    const values = p.length;
    if (values > MAX_VALUES) return decodePayload(p);
    // Whole words: the values past the end are the zeroed margin a sealed payload keeps.
    // Read through the payload's own view: a view kept here would be made anew whenever
    // the payload alternates (one-sentence type 24, two-sentence type 5).
    const words = (values + 3) >> 2;
    // The slot by the first eight values alone (type, MMSI, and a type 24's part): a vessel's
    // repeats meet its last report there, and hashing the rest would cost as much as comparing it.
    let h = Math.imul(p.bitLength ^ p.word(0), 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15) ^ p.word(1), 0x85ebca6b);
    const slot = (h ^ (h >>> 13)) & (this.slots - 1);
    const at = slot * RECORD;
    const keys = this.keys;
    if (keys[at] === p.bitLength) {
      let k = 0;
      while (k < words && keys[at + 1 + k] === p.word(k)) k++;
      if (k === words) return this.messages[slot]!;
    }
    const decoded = decodePayload(p);
    if (isFailure(decoded)) return decoded;
    keys[at] = p.bitLength;
    for (let k = 0; k < words; k++) keys[at + 1 + k] = p.word(k);
    this.messages[slot] = decoded;
    return decoded;
  }
}
