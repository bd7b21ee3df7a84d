/**
 * NMEA 0183 framing of AIS sentences:
 * `!AIVDM,<count>,<number>,<sequence id>,<channel>,<payload>,<fill bits>*hh`.
 *
 * One pass over the bytes computes the checksum, finds the field commas and
 * turns the payload's armour into six-bit values (the only bytes written).
 * Tolerances, each seen in real feeds:
 * - any two-character talker (`AI`, `AB`, `BS`, `SA`, `--`, ...) and `$` as well as `!`;
 * - checksum hex digits in either case;
 * - channel `A`, `B`, `1`, `2` or empty (some base stations leave it out);
 * - text after the checksum: receiver metadata after a comma (USCG/NAIS, exactEarth:
 *   its last field, when it is a UNIX time in seconds or milliseconds, is kept as the
 *   station's time), another sentence or tag block glued onto the line, or stray bytes.
 */
import { HEX_VALUE, hex2 } from './tagblock.js';
import { Reject, type RejectReason } from './reasons.js';
import { ARMOUR_VALUE } from './armour.js';
import { LITTLE_ENDIAN, WordView, xorOfBytes } from './word-view.js';

/** A VDM/VDO sentence's fields as offsets into the line; reused between lines. */
export class Sentence {
  /** Character codes of the two talker characters. */
  talker0 = 0;
  talker1 = 0;
  /** True for `VDO` (own ship), false for `VDM`. */
  own = false;
  /** Fragment count (1-9) and this fragment's number (1..count). */
  count = 0;
  number = 0;
  /** Sequential message id 0-9, or -1 when empty. */
  sequence = -1;
  /** Character code of the channel, or 0 when empty. */
  channel = 0;
  payloadStart = 0;
  payloadEnd = 0;
  fillBits = 0;
  /** Index just after the two checksum digits. */
  end = 0;
  /** Receiver time from trailing metadata (ms since 1970), or NaN. */
  stationTime = NaN;
  /**
   * The payload's six-bit values, read in the same pass as the checksum
   * (`payloadEnd - payloadStart` of them), with room for the zeroed margin a
   * `Payload` keeps behind them: the receiver decodes a one-sentence message
   * from this array, in place.
   */
  readonly sixbits: Uint8Array = new Uint8Array(SIXBITS_CAPACITY);
  /** The same memory as `sixbits`, four values a word: the payload loop stores four at once. */
  readonly sixbitWords: Int32Array = new Int32Array(this.sixbits.buffer);
  /** The line buffer read, for loading its bytes four at a time. */
  readonly line = new WordView();
  /** Index in the payload of its first character outside the armour alphabet, or -1. */
  badArmour = -1;
}

export interface SentenceFault {
  reason: RejectReason;
  detail: string;
}

/** Longest sentence we read; the standard allows 82 characters, metadata adds some. */
const MAX_SENTENCE = 1024;
/** Six-bit values a sentence can hold, and the margin of zeros a `Payload` keeps behind them. */
export const SIXBITS_CAPACITY = MAX_SENTENCE + 16;

/** Marks `,` and `*` in `PAYLOAD_VALUE`: the two bytes that end a payload. */
const END_OF_PAYLOAD = 0xfe;
/**
 * `ARMOUR_VALUE` with the payload's terminators marked, so that the payload
 * loop tests each byte once (a value above 63) instead of three times.
 */
const PAYLOAD_VALUE: Uint8Array = (() => {
  const t = ARMOUR_VALUE.slice();
  t[0x2c] = END_OF_PAYLOAD;
  t[0x2a] = END_OF_PAYLOAD;
  return t;
})();

/** Parses the sentence starting at `buf[start]` (`!` or `$`). Null on success, or the fault. */
export function readSentence(buf: Uint8Array, start: number, end: number, out: Sentence): SentenceFault | null {
  const limit = end - start > MAX_SENTENCE ? start + MAX_SENTENCE : end;
  // One pass: the XOR checksum, the six commas of a VDM/VDO sentence, and the
  // payload's six-bit values. The header (read by position when it has the
  // usual shape), the payload, then the rest, so that each byte meets only the
  // tests its part of the sentence needs.
  let sum = 0;
  let commas = 0;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
  let star = -1;
  let i = start + 1;
  const usual = usualHeader(buf, start, limit, out);
  if (usual >= 0) {
    sum = usual & 0xff;
    c0 = start + 6;
    c1 = start + 8;
    c2 = start + 10;
    c3 = start + ((usual >> 8) & 0xff);
    c4 = start + (usual >> 16);
    commas = 5;
    i = c4 + 1;
  } else {
    // Any other header, up to the comma before the payload.
    for (; i < limit; i++) {
      const b = buf[i]!;
      if (b === 0x2a /* * */) {
        star = i;
        break;
      }
      sum ^= b;
      if (b === 0x2c /* , */) {
        switch (commas++) {
          case 0: c0 = i; break;
          case 1: c1 = i; break;
          case 2: c2 = i; break;
          case 3: c3 = i; break;
          case 4: c4 = i; break;
        }
        if (commas === 5) {
          i++;
          break;
        }
      }
    }
  }
  // The payload, as six-bit values; a character outside the alphabet is only noted (the checksum comes first).
  const six = out.sixbits;
  let n = 0;
  let outside = 0;
  if (star < 0 && commas === 5) {
    if (LITTLE_ENDIAN) {
      // Four characters a word (SWAR): one load of the line, one test that all
      // four are armour, the four conversions and one store, where byte by byte
      // each character costs a load, a table lookup and a store, each with
      // V8's checks. The word that meets a terminator or a character outside
      // the alphabet is left to the loop after, byte by byte.
      const view = out.line.of(buf);
      const words = out.sixbitWords;
      let sum4 = 0;
      // The constants are literals and the test is written out, not a call: V8
      // checks an imported constant or a module's function binding again on
      // every pass of a loop (measured: 159 instructions a line more).
      for (; i + 4 <= limit; i += 4) {
        const x = view.getInt32(i, true);
        const up32 = (x + 0x20202020) | 0;
        // Whether all four bytes are armour (48-87 or 96-119): each term adds a constant to
        // every byte at once and leaves its answer in the bytes' top bits; no byte below 128
        // carries into the next, and a byte of 128 or more fails the first term whatever its
        // neighbours do. Terms: 128 or more, 120 or more, below 48, 88 to 95.
        const notArmour = x | ((x + 0x08080808) | 0) | ~((x + 0x50505050) | 0) | (((x + 0x28282828) | 0) & ~up32);
        if ((notArmour & 0x80808080) !== 0) break;
        sum4 ^= x;
        // b - 48, and 8 less for the second range (b >= 96): no lane borrows, every b >= 48.
        words[n >> 2] = (x - 0x30303030 - ((up32 & 0x80808080) >>> 4)) | 0;
        n += 4;
      }
      sum ^= xorOfBytes(sum4);
    }
    for (; i < limit; i++) {
      const b = buf[i]!;
      const v = PAYLOAD_VALUE[b]!;
      if (v > 63) {
        if (v === END_OF_PAYLOAD) break;
        outside = 1;
      }
      sum ^= b;
      six[n++] = v;
    }
  }
  out.badArmour = -1;
  if (outside !== 0) {
    for (let k = 0; k < n; k++) {
      if (six[k] === 0xff) {
        out.badArmour = k;
        break;
      }
    }
  }
  // The rest: fill bits, and whatever follows up to the checksum. Almost always
  // `,F*` right after the payload, read as such; the loop reads anything else.
  if (star < 0 && commas === 5 && i + 2 < limit && buf[i] === 0x2c && buf[i + 2] === 0x2a) {
    const f = buf[i + 1]!;
    if (f !== 0x2c && f !== 0x2a) {
      sum ^= 0x2c ^ f;
      commas = 6;
      c5 = i;
      star = i + 2;
    }
  }
  for (; star < 0 && i < limit; i++) {
    const b = buf[i]!;
    if (b === 0x2a /* * */) {
      star = i;
      break;
    }
    sum ^= b;
    if (b === 0x2c /* , */ && commas++ === 5) c5 = i;
  }
  if (star < 0) {
    if (limit < end) return { reason: Reject.LINE_TOO_LONG, detail: `no checksum in the first ${MAX_SENTENCE} bytes` };
    return { reason: Reject.MISSING_CHECKSUM, detail: 'no *hh checksum' };
  }
  const hi = star + 1 < end ? HEX_VALUE[buf[star + 1]!]! : -1;
  const lo = star + 2 < end ? HEX_VALUE[buf[star + 2]!]! : -1;
  if (hi < 0 || lo < 0) return { reason: Reject.MISSING_CHECKSUM, detail: 'checksum after * is not two hex digits' };
  const given = (hi << 4) | lo;
  if (given !== sum) return { reason: Reject.BAD_CHECKSUM, detail: `checksum ${hex2(given)}, computed ${hex2(sum)}` };
  out.end = star + 3;

  // The usual header has set its fields in `out` already, valid; any other is read now.
  if (usual < 0) {
    const fault = readHeader(buf, start, star, commas, c0, c1, c2, c3, c4, out);
    if (fault !== null) return fault;
  } else if (commas !== 6) return fieldCount(commas);
  const fill = star === c5 + 2 ? buf[c5 + 1]! - 48 : -1;
  if (fill < 0 || fill > 5) return { reason: Reject.BAD_FILL_BITS, detail: `fill bits "${latin1(buf, c5 + 1, star)}"` };
  if (c5 === c4 + 1) return { reason: Reject.EMPTY_PAYLOAD, detail: 'empty payload' };
  if (fill !== 0 && out.number !== out.count) {
    return { reason: Reject.BAD_FILL_BITS, detail: `fill bits ${fill} on fragment ${out.number} of ${out.count}` };
  }
  out.payloadStart = c4 + 1;
  out.payloadEnd = c5;
  out.fillBits = fill;
  out.stationTime = out.end < end && buf[out.end] === 0x2c ? trailingTime(buf, out.end, end) : NaN;
  return null;
}

/**
 * The header fields of a sentence whose header the byte loop read (commas at
 * `c0`..`c4`), checked, into `out`; or the fault.
 */
function readHeader(buf: Uint8Array, start: number, star: number, commas: number, c0: number, c1: number, c2: number, c3: number, c4: number, out: Sentence): SentenceFault | null {
  const isAis =
    c0 === start + 6 &&
    buf[start + 3] === 0x56 /* V */ &&
    buf[start + 4] === 0x44 /* D */ &&
    (buf[start + 5] === 0x4d /* M */ || buf[start + 5] === 0x4f); /* O */
  if (!isAis) return { reason: Reject.OTHER_SENTENCE, detail: latin1(buf, start, Math.min(start + 6, star)) };
  if (commas !== 6) return fieldCount(commas);
  const count = c1 === c0 + 2 ? buf[c0 + 1]! - 48 : -1;
  const number = c2 === c1 + 2 ? buf[c1 + 1]! - 48 : -1;
  if (count < 1 || count > 9 || number < 1 || number > count) {
    return { reason: Reject.BAD_FRAGMENT_HEADER, detail: `fragment ${latin1(buf, c1 + 1, c2)} of ${latin1(buf, c0 + 1, c1)}` };
  }
  let sequence = -1;
  if (c3 === c2 + 2) {
    sequence = buf[c2 + 1]! - 48;
    if (sequence < 0 || sequence > 9) return { reason: Reject.BAD_FRAGMENT_HEADER, detail: `sequence id ${latin1(buf, c2 + 1, c3)}` };
  } else if (c3 !== c2 + 1) {
    return { reason: Reject.BAD_FRAGMENT_HEADER, detail: `sequence id ${latin1(buf, c2 + 1, c3)}` };
  }
  let channel = 0;
  if (c4 === c3 + 2) {
    channel = buf[c3 + 1]!;
    if (channel !== 0x41 && channel !== 0x42 && channel !== 0x31 && channel !== 0x32) {
      return { reason: Reject.BAD_CHANNEL, detail: `channel ${latin1(buf, c3 + 1, c4)}` };
    }
  } else if (c4 !== c3 + 1) {
    return { reason: Reject.BAD_CHANNEL, detail: `channel ${latin1(buf, c3 + 1, c4)}` };
  }
  setHeader(out, buf[start + 1]!, buf[start + 2]!, buf[start + 5]!, count, number, sequence, channel);
  return null;
}

function fieldCount(commas: number): SentenceFault {
  return { reason: Reject.BAD_FIELD_COUNT, detail: `${commas + 1} fields, a VDM sentence has 7` };
}

function setHeader(out: Sentence, talker0: number, talker1: number, formatter: number, count: number, number: number, sequence: number, channel: number): void {
  out.talker0 = talker0;
  out.talker1 = talker1;
  out.own = formatter === 0x4f; /* O */
  out.count = count;
  out.number = number;
  out.sequence = sequence;
  out.channel = channel;
}

const COMMA = 0x2c;
const STAR = 0x2a;
/** The XOR of the fixed bytes of the usual header: `VD`, and its five commas. */
const USUAL_SUM = 0x56 ^ 0x44 ^ COMMA;

/**
 * The header almost every sentence has, `!xxVDM,c,n,[s],[ch],` (one
 * character a field, the sequence id and channel possibly empty), read by
 * position: a byte loop through it would test every byte for a comma and a
 * star. Sets the header's fields in `out` and returns the XOR of its bytes
 * | (the offset of its fourth comma) << 8 | (the offset of its fifth) << 16;
 * or -1 for any other header, which the byte loop then reads (and
 * `readHeader` reports what is wrong). Valid fields only: then the header
 * holds no other comma and no star, and the loop would have found the same
 * commas and checksum.
 */
function usualHeader(buf: Uint8Array, start: number, limit: number, out: Sentence): number {
  if (start + 15 > limit) return -1;
  const t0 = buf[start + 1]!;
  const t1 = buf[start + 2]!;
  if (t0 === COMMA || t0 === STAR || t1 === COMMA || t1 === STAR) return -1;
  const formatter = buf[start + 5]!;
  if (buf[start + 3] !== 0x56 /* V */ || buf[start + 4] !== 0x44 /* D */ || (formatter !== 0x4d /* M */ && formatter !== 0x4f) /* O */) return -1;
  const count = buf[start + 7]!;
  const number = buf[start + 9]!;
  if (buf[start + 6] !== COMMA || buf[start + 8] !== COMMA || buf[start + 10] !== COMMA) return -1;
  if (count < 0x31 /* 1 */ || count > 0x39 /* 9 */ || number < 0x31 || number > count) return -1;
  let sum = USUAL_SUM ^ t0 ^ t1 ^ formatter ^ count ^ number;
  let c3 = start + 11;
  const sequence = buf[c3]!;
  if (sequence !== COMMA) {
    if (sequence < 0x30 || sequence > 0x39 || buf[++c3] !== COMMA) return -1;
    sum ^= sequence;
  }
  let c4 = c3 + 1;
  const channel = buf[c4]!;
  if (channel !== COMMA) {
    if ((channel !== 0x41 /* A */ && channel !== 0x42 /* B */ && channel !== 0x31 && channel !== 0x32) || buf[++c4] !== COMMA) return -1;
    sum ^= channel;
  }
  setHeader(out, t0, t1, formatter, count - 48, number - 48, sequence === COMMA ? -1 : sequence - 48, channel === COMMA ? 0 : channel);
  return sum | ((c3 - start) << 8) | ((c4 - start) << 16);
}

/**
 * The last comma-separated field of receiver metadata as a time, when it is
 * a plausible UNIX time: 10 digits (seconds) or 13 digits (milliseconds).
 */
function trailingTime(buf: Uint8Array, from: number, end: number): number {
  let i = end;
  while (i > from && buf[i - 1]! >= 48 && buf[i - 1]! <= 57) i--;
  const digits = end - i;
  if (buf[i - 1] !== 0x2c || (digits !== 10 && digits !== 13)) return NaN;
  let n = 0;
  for (let k = i; k < end; k++) n = n * 10 + (buf[k]! - 48);
  return digits === 10 ? n * 1000 : n;
}

/** Bytes as text, for error details only (never on the success path). */
export function latin1(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  const stop = Math.min(to, from + 40);
  for (let i = from; i < stop; i++) s += String.fromCharCode(buf[i]!);
  return to > stop ? s + '…' : s;
}
