/**
 * Writes message fields MSB first into a growable buffer of six-bit values,
 * the inverse of the readers in bits.ts, and armours the result.
 *
 * A value that does not fit its field is a bug in the caller, not bad input
 * from the air: the writer throws a RangeError naming the field.
 */
import { ARMOUR_CHAR, TEXT_SIXBIT } from '../armour.js';
import { Payload } from '../bits.js';

/** An armoured payload, as it goes into field 6 of a VDM sentence, with its fill bits. */
export interface EncodedPayload {
  readonly payload: string;
  /** 0-5: bits of padding in the last character. */
  readonly fillBits: number;
}

/** The six-bit text padding character: "no more text". */
const TEXT_PADDING = 0;

export class BitWriter {
  private sixbits: Uint8Array;
  private bits = 0;

  constructor(capacityBits = 424) {
    this.sixbits = new Uint8Array(Math.ceil(capacityBits / 6));
  }

  /** Number of bits written. */
  get bitLength(): number {
    return this.bits;
  }

  /** Empties the writer, keeping its storage. */
  reset(): this {
    this.sixbits.fill(0, 0, Math.ceil(this.bits / 6));
    this.bits = 0;
    return this;
  }

  /** An unsigned integer of `width` bits (1-52). */
  uint(value: number, width: number, field: string): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
      throw new RangeError(`${field} = ${value}: not an unsigned integer of ${width} bits (0-${2 ** width - 1})`);
    }
    this.put(value, width);
    return this;
  }

  /** A two's-complement signed integer of `width` bits (2-52). */
  int(value: number, width: number, field: string): this {
    const half = 2 ** (width - 1);
    if (!Number.isInteger(value) || value < -half || value >= half) {
      throw new RangeError(`${field} = ${value}: not a signed integer of ${width} bits (${-half} to ${half - 1})`);
    }
    this.put(value < 0 ? value + 2 * half : value, width);
    return this;
  }

  bool(value: boolean, field: string): this {
    if (typeof value !== 'boolean') throw new RangeError(`${field} = ${String(value)}: not a boolean`);
    this.put(value ? 1 : 0, 1);
    return this;
  }

  /** `width` zero bits: spare and unused fields. */
  zeros(width: number): this {
    this.reserve(width);
    this.bits += width;
    return this;
  }

  /**
   * Six-bit ASCII text in a field of `chars` characters, padded with `@`.
   * Lower-case letters are sent as capitals; `@` itself is refused, since a
   * reader takes it for the end of the text.
   */
  text(value: string, chars: number, field: string): this {
    if (typeof value !== 'string' || value.length > chars) {
      throw new RangeError(`${field} = ${JSON.stringify(value)}: more than ${chars} characters`);
    }
    for (let i = 0; i < chars; i++) {
      let v = TEXT_PADDING;
      if (i < value.length) {
        v = TEXT_SIXBIT[value.charCodeAt(i)] ?? 0xff;
        if (v === 0xff || v === TEXT_PADDING) {
          throw new RangeError(`${field} = ${JSON.stringify(value)}: ${JSON.stringify(value[i])} is not six-bit text`);
        }
      }
      this.put(v, 6);
    }
    return this;
  }

  /** Zero bits up to the next multiple of `bits` (M.1371 pads some messages to a byte boundary). */
  align(bits: number): this {
    const rest = this.bits % bits;
    return rest === 0 ? this : this.zeros(bits - rest);
  }

  /** The armoured payload and its fill bits. */
  armoured(): EncodedPayload {
    const chars = Math.ceil(this.bits / 6);
    let payload = '';
    for (let i = 0; i < chars; i++) payload += String.fromCharCode(ARMOUR_CHAR[this.sixbits[i]!]!);
    return { payload, fillBits: chars * 6 - this.bits };
  }

  /** The written bits as a sealed `Payload`, ready for the decoders. */
  toPayload(): Payload {
    const chars = Math.ceil(this.bits / 6);
    return Payload.of(this.sixbits.subarray(0, chars), chars * 6 - this.bits);
  }

  private reserve(width: number): void {
    const need = Math.ceil((this.bits + width) / 6);
    if (need <= this.sixbits.length) return;
    const grown = new Uint8Array(Math.max(need, this.sixbits.length * 2));
    grown.set(this.sixbits);
    this.sixbits = grown;
  }

  /** Writes a checked value; the cells it lands in are zero (fresh or reset). */
  private put(value: number, width: number): void {
    this.reserve(width);
    let remaining = width;
    while (remaining > 0) {
      const index = (this.bits / 6) | 0;
      const room = 6 - (this.bits - index * 6);
      const take = room < remaining ? room : remaining;
      // Division rather than shifts: fields may be wider than 31 bits.
      const chunk = Math.floor(value / 2 ** (remaining - take)) % (1 << take);
      this.sixbits[index] |= chunk << (room - take);
      this.bits += take;
      remaining -= take;
    }
  }
}
