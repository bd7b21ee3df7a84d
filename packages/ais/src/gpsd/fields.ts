/**
 * The generic half of the gpsd JSON printer: a message's own keys, in the
 * order the decoder put them (which is gpsd's order), each printed by a rule
 * from a per-layout plan or, without a rule, as a plain JSON value.
 *
 * Rules carry what the message itself does not: the scaling gpsd applies in
 * `-j` mode and the `*_text` legends it adds after coded fields. Plans are
 * data, built once at module load; rules print bytes, as the rest of the
 * printer does (a string per field cost the binary applications, a tenth of
 * the printing time, most of theirs). The hot message types do not come here;
 * they have straight-line printers in `reports.ts`.
 */
import { piece, type AsciiBuffer, type Piece } from './ascii-buffer.js';
import { fixed, jsonString } from './printf.js';

/**
 * A decoded message seen as gpsd-named fields. The printer reads keys by
 * gpsd's names across every message shape; the differential tests against
 * gpsdecode hold those names to gpsd's.
 */
export type Fields = { readonly [key: string]: any };

/**
 * Prints one field into `w`: its `"key":value` and anything gpsd adds after
 * it (a legend), without a leading comma.
 */
export type FieldRule = (value: unknown, scaled: boolean, w: AsciiBuffer) => void;

/** Rules by key; keys without a rule print as plain JSON values. */
export type Plan = Readonly<Record<string, FieldRule>>;

export const NO_RULES: Plan = {};

const HEADER_KEYS = new Set(['type', 'repeat', 'mmsi']);
const COMMA = piece(',');
const EMPTY = piece('');
const NULL = piece('null');
const OPEN_ARRAY = piece('[');
const CLOSE_ARRAY = piece(']');
const OPEN_OBJECT = piece('{');
const CLOSE_OBJECT = piece('}');
/** Room a field may take beyond what strings and nested values reserve for themselves. */
const FIELD_ROOM = 256;

/** How one key of a plan prints, decided the first time the key is met. */
interface KeyEntry {
  readonly rule: FieldRule | undefined;
  /** `,"key":` for a plain value, `,` before a rule (which prints its key). */
  readonly head: Piece;
  /** The same without the comma, for the first field of a nested object. */
  readonly bare: Piece;
  /** `type`, `repeat` and `mmsi`: printed by the message's head, not again by its body. */
  readonly header: boolean;
  /** A `*_text` key: legends are ours to print; a message carrying one would print it twice. */
  readonly legend: boolean;
}

const ENTRIES = new WeakMap<Plan, Map<string, KeyEntry>>();

function entriesOf(plan: Plan): Map<string, KeyEntry> {
  let entries = ENTRIES.get(plan);
  if (entries === undefined) {
    entries = new Map();
    ENTRIES.set(plan, entries);
  }
  return entries;
}

function entryFor(entries: Map<string, KeyEntry>, plan: Plan, key: string): KeyEntry {
  const rule = plan[key];
  const bare = rule === undefined ? piece(`${jsonString(key)}:`) : EMPTY;
  const entry = { rule, head: rule === undefined ? piece(`,${jsonString(key)}:`) : COMMA, bare, header: HEADER_KEYS.has(key), legend: key.endsWith('_text') };
  if (entries.size < 4096) entries.set(key, entry);
  return entry;
}

/**
 * The body fields of a message (all but `type`, `repeat` and `mmsi`), each
 * with its leading comma, in the order the decoder put them (gpsd's order).
 */
export function printFields(m: Fields, plan: Plan, scaled: boolean, w: AsciiBuffer): void {
  printObjectFields(m, plan, scaled, w, true);
}

/** The fields of `m`; `body` leaves out the header keys and puts a comma before the first field too. */
function printObjectFields(m: Fields, plan: Plan, scaled: boolean, w: AsciiBuffer, body: boolean): void {
  const entries = entriesOf(plan);
  let first = !body;
  for (const key in m) {
    const value: unknown = m[key];
    if (value === undefined) continue;
    const entry = entries.get(key) ?? entryFor(entries, plan, key);
    if (entry.legend || (body && entry.header)) continue;
    w.reserve(FIELD_ROOM);
    w.raw(first ? entry.bare : entry.head);
    first = false;
    if (entry.rule !== undefined) entry.rule(value, scaled, w);
    else printPlain(value, scaled, w);
  }
}

/** A value without a rule: numbers, booleans, strings, arrays and objects of them. */
function printPlain(value: unknown, scaled: boolean, w: AsciiBuffer): void {
  switch (typeof value) {
    case 'number':
      if (Number.isSafeInteger(value)) w.int(value);
      else w.ascii(Number.isFinite(value) ? String(value) : '"nan"');
      return;
    case 'string':
      w.str(value);
      return;
    case 'boolean':
      w.bool(value);
      return;
    case 'object':
      if (value === null) w.raw(NULL);
      else if (Array.isArray(value)) {
        w.raw(OPEN_ARRAY);
        for (let i = 0; i < value.length; i++) {
          w.reserve(FIELD_ROOM);
          if (i > 0) w.raw(COMMA);
          printPlain(value[i], scaled, w);
        }
        w.raw(CLOSE_ARRAY);
      } else {
        w.raw(OPEN_OBJECT);
        printObjectFields(value as Fields, NO_RULES, scaled, w, false);
        w.raw(CLOSE_OBJECT);
      }
      return;
    default:
      w.raw(NULL);
  }
}

/** Quoted legends, escaped once. */
export function quotedTable(table: readonly string[]): readonly string[] {
  return table.map(jsonString);
}

/** `"key":` as bytes. */
function keyOf(key: string): Piece {
  return piece(`${jsonString(key)}:`);
}

/** A coded field followed by gpsd's legend for it (`"status":5,"status_text":"Moored"`), in both modes. */
export function coded(key: string, table: readonly string[], invalid: string): FieldRule {
  const quoted = quotedTable(table).map(piece);
  const invalidQuoted = piece(jsonString(invalid));
  const head = keyOf(key);
  const textHead = piece(`,"${key}_text":`);
  return (v, _scaled, w) => {
    const n = v as number;
    w.raw(head);
    w.int(n);
    w.raw(textHead);
    w.raw(n >= 0 && n < quoted.length ? quoted[n]! : invalidQuoted);
  };
}

/**
 * printf `%.<digits>f` of the integer `n / div`: the byte printer's exact
 * integer paths for the two scalings it knows (tenths, and 1/10000 minute to
 * degrees), else C's rounding of the double, as `fixed` prints it.
 */
function printDivided(n: number, div: number, digits: number, w: AsciiBuffer): void {
  if (div === 10 && digits === 1) w.tenths(n);
  else if (div === 600000 && digits === 6) w.degrees(n);
  else w.ascii(fixed(n / div, digits));
}

/** Scaled: `value / div` to `digits` decimals. Unscaled: the raw integer. */
export function divided(key: string, div: number, digits: number): FieldRule {
  const head = keyOf(key);
  return (v, scaled, w) => {
    w.raw(head);
    if (scaled) printDivided(v as number, div, digits, w);
    else w.int(v as number);
  };
}

/** Scaled: `(value - offset) / div` to `digits` decimals. */
export function offsetDivided(key: string, offset: number, div: number, digits: number): FieldRule {
  const head = keyOf(key);
  return (v, scaled, w) => {
    w.raw(head);
    if (scaled) printDivided((v as number) - offset, div, digits, w);
    else w.int(v as number);
  };
}

/** Scaled: `value * factor` to `digits` decimals (gpsd multiplies where it does, for identical rounding). */
export function multiplied(key: string, factor: number, digits: number): FieldRule {
  return printed(key, (v, scaled) => (scaled ? fixed(v * factor, digits) : String(v)));
}

/** Scaled: `value - offset` as an integer. */
export function offset(key: string, by: number): FieldRule {
  const head = keyOf(key);
  return (v, scaled, w) => {
    w.raw(head);
    w.int(scaled ? (v as number) - by : (v as number));
  };
}

/** Scaled: the legend in place of the code. Unscaled: the code. */
export function legendWhenScaled(key: string, table: readonly string[]): FieldRule {
  const quoted = quotedTable(table).map(piece);
  const none = piece('""');
  const head = keyOf(key);
  return (v, scaled, w) => {
    w.raw(head);
    if (scaled) w.raw(quoted[v as number] ?? none);
    else w.int(v as number);
  };
}

/** Always `value` to `digits` decimals (gpsd prints some angles with `%.4f` in both modes). */
export function alwaysFixed(key: string, digits: number): FieldRule {
  return printed(key, (v) => fixed(v, digits));
}

/** Scaled: `value / div` printed by C's `%f` inside quotes (types 22 and 23 corners). */
export function quotedDivided(key: string, div: number): FieldRule {
  return printed(key, (v, scaled) => (scaled ? `"${fixed(v / div, 6)}"` : String(v)));
}

/** A field whose value `text` prints (the rare ones: no byte path of their own). */
export function printed(key: string, text: (value: number, scaled: boolean) => string): FieldRule {
  const head = keyOf(key);
  return (v, scaled, w) => {
    w.raw(head);
    w.ascii(text(v as number, scaled));
  };
}

/** An array of objects printed with their own plan. */
export function objects(key: string, plan: Plan): FieldRule {
  const head = piece(`${jsonString(key)}:[`);
  return (v, scaled, w) => {
    const list = v as readonly Fields[];
    w.raw(head);
    for (let i = 0; i < list.length; i++) {
      w.reserve(FIELD_ROOM);
      if (i > 0) w.raw(COMMA);
      w.raw(OPEN_OBJECT);
      printObjectFields(list[i]!, plan, scaled, w, false);
      w.raw(CLOSE_OBJECT);
    }
    w.raw(CLOSE_ARRAY);
  };
}
