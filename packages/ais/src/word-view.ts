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
