/**
 * A DataView of the last byte array asked about, for reading or writing it
 * four or eight bytes at a time. Callers meet few arrays (the chunks of a file or a
 * stream, a payload's storage), so a new view is made only when the array
 * changes.
 */
export class WordView {
  private array: Uint8Array | undefined = undefined;
  private view: DataView = new DataView(new ArrayBuffer(0));

  of(buf: Uint8Array): DataView {
    if (buf !== this.array) {
      this.array = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }
}

// V8 records type feedback for a function only from its first few calls on, and
// optimised code meeting a branch that ran before that, and never since, deoptimises:
// here, at the second chunk of input, with every decoder function that inlines `of`
// (measured: five compiled twice a run). A few new arrays now give the branch its feedback.
for (let i = 0, warm = new WordView(); i < 16; i++) warm.of(new Uint8Array(8));

/** The top bit of every byte of a word: where the tests on four bytes at once leave their answers. */
export const HIGH_BITS = 0x80808080 | 0;

/** The XOR of a word's four bytes: a checksum taken four bytes a step, folded to one byte. */
export function xorOfBytes(word: number): number {
  return (word ^ (word >>> 8) ^ (word >>> 16) ^ (word >>> 24)) & 0xff;
}

/**
 * Whether this machine stores an Int32Array's words least significant byte
 * first, as a DataView read or written with `littleEndian` does: then four
 * bytes held as one Int32Array word can be moved with one DataView access.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;
