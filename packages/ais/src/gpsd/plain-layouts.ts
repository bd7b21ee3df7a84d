/**
 * Printers for messages whose fields gpsd prints as they are, in a known
 * order: the acknowledgements, inquiries, safety texts, interrogations,
 * slot commands, type 24 parts and the binary messages gpsd does not decode
 * (`data`). A field missing from the message is left out, as gpsd leaves out
 * what a short message does not carry; a coded field gets its legend after it.
 * These are not all rare (type 24, 20 and unstructured 6/8 are a tenth of
 * traffic), hence byte printing rather than the plans of `fields.ts`.
 */
import { piece, type AsciiBuffer } from './ascii-buffer.js';
import type { Fields } from './fields.js';
import { quotedTable } from './fields.js';
import { jsonString } from './printf.js';
import type { BodyPrinter } from './reports.js';

export interface Legend {
  readonly table: readonly string[];
  readonly invalid: string;
}


/** A printer for `names` in that order, with legends after the coded ones. */
export function plainLayout(names: readonly string[], legends: Readonly<Record<string, Legend>> = {}): BodyPrinter {
  const keys = names.map((n) => piece(`,"${n}":`));
  const texts = names.map((n) => {
    const legend = legends[n];
    if (legend === undefined) return undefined;
    return {
      key: piece(`,"${n}_text":`),
      table: quotedTable(legend.table).map(piece),
      invalid: piece(jsonString(legend.invalid)),
    };
  });
  return (m: Fields, _scaled: boolean, w: AsciiBuffer) => {
    for (let i = 0; i < names.length; i++) {
      const v: unknown = m[names[i]!];
      if (v === undefined) continue;
      w.raw(keys[i]!);
      if (typeof v === 'number') w.int(v);
      else if (typeof v === 'boolean') w.bool(v);
      else w.str(String(v));
      const text = texts[i];
      if (text !== undefined) {
        const n = v as number;
        w.raw(text.key);
        w.raw(n >= 0 && n < text.table.length ? text.table[n]! : text.invalid);
      }
    }
  };
}
