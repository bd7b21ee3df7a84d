/**
 * The generic half of the gpsd JSON printer: a message's own keys, in the
 * order the decoder put them (which is gpsd's order), each printed by a rule
 * from a per-layout plan or, without a rule, as a plain JSON value.
 *
 * Rules carry what the message itself does not: the scaling gpsd applies in
 * `-j` mode and the `*_text` legends it adds after coded fields. Plans are
 * data, built once at module load. The hot message types do not come here;
 * they have straight-line printers in `reports.ts`.
 */
import { asciiBytes, type AsciiBuffer } from './ascii-buffer.js';
import { fixed, jsonString } from './printf.js';

/**
 * A decoded message seen as gpsd-named fields. The printer reads keys by
 * gpsd's names across every message shape; the differential tests against
 * gpsdecode hold those names to gpsd's.
 */
export type Fields = { readonly [key: string]: any };

/** Prints one field: its `"key":value` text and anything gpsd adds after it. */
export type FieldRule = (value: unknown, scaled: boolean) => string;

/** Rules by key; keys without a rule print as plain JSON values. */
export type Plan = Readonly<Record<string, FieldRule>>;

const HEADER_KEYS = new Set(['type', 'repeat', 'mmsi']);

/** How one key of a plan prints: its rule, or its quoted name for a plain value; `skip` for keys not printed here. */
interface KeyEntry {
  readonly rule: FieldRule | undefined;
  readonly head: string;
  readonly skip: boolean;
}

/** Per plan, per key, what `formatFields` decided the first time it met the key. */
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
  // Legends are ours to print; a message carrying one would print it twice.
  const entry = { rule: plan[key], head: `${jsonString(key)}:`, skip: key.endsWith('_text') };
  if (entries.size < 4096) entries.set(key, entry);
  return entry;
}

/** `"k":v,...` for the fields of `m` (without the header fields when `top`). */
export function formatFields(m: Fields, plan: Plan, scaled: boolean, top: boolean): string {
  const entries = entriesOf(plan);
  let out = '';
  for (const key in m) {
    if (top && HEADER_KEYS.has(key)) continue;
    const value: unknown = m[key];
    if (value === undefined) continue;
    const entry = entries.get(key) ?? entryFor(entries, plan, key);
    if (entry.skip) continue;
    const text = entry.rule === undefined ? entry.head + plainValue(value, scaled) : entry.rule(value, scaled);
    out = out === '' ? text : `${out},${text}`;
  }
  return out;
}

/** How `printFields` prints one key of a plan: `,"key":` as bytes, and its rule; `skip` for keys not printed. */
interface PrintEntry {
  readonly rule: FieldRule | undefined;
  readonly head: Uint8Array;
  readonly skip: boolean;
}

/** Per plan, per key, what `printFields` decided the first time it met the key. */
const PRINT_ENTRIES = new WeakMap<Plan, Map<string, PrintEntry>>();

function printEntryFor(entries: Map<string, PrintEntry>, plan: Plan, key: string): PrintEntry {
  const rule = plan[key];
  const entry = { rule, head: asciiBytes(rule === undefined ? `,${jsonString(key)}:` : ','), skip: HEADER_KEYS.has(key) || key.endsWith('_text') };
  if (entries.size < 4096) entries.set(key, entry);
  return entry;
}

/**
 * The same fields as `formatFields`, each with its leading comma, printed
 * straight into `w` (the path of a whole message: no string is built for it).
 */
export function printFields(m: Fields, plan: Plan, scaled: boolean, w: AsciiBuffer): void {
  let entries = PRINT_ENTRIES.get(plan);
  if (entries === undefined) {
    entries = new Map();
    PRINT_ENTRIES.set(plan, entries);
  }
  for (const key in m) {
    const value: unknown = m[key];
    if (value === undefined) continue;
    const entry = entries.get(key) ?? printEntryFor(entries, plan, key);
    if (entry.skip) continue;
    w.raw(entry.head);
    if (entry.rule !== undefined) w.ascii(entry.rule(value, scaled));
    else if (typeof value === 'number' && Number.isSafeInteger(value)) w.int(value);
    else if (typeof value === 'string') w.str(value);
    else w.ascii(plainValue(value, scaled));
  }
}

/** A value without a rule: numbers, booleans, strings, arrays and objects of them. */
export function plainValue(value: unknown, scaled: boolean): string {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : '"nan"';
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((e) => plainValue(e, scaled)).join(',')}]`;
      return `{${formatFields(value as Fields, NO_RULES, scaled, false)}}`;
    default:
      return 'null';
  }
}

export const NO_RULES: Plan = {};

/** Quoted legends, escaped once. */
export function quotedTable(table: readonly string[]): readonly string[] {
  return table.map(jsonString);
}

/** A coded field followed by gpsd's legend for it (`"status":5,"status_text":"Moored"`), in both modes. */
export function coded(key: string, table: readonly string[], invalid: string): FieldRule {
  const quoted = quotedTable(table);
  const invalidQuoted = jsonString(invalid);
  const head = `"${key}":`;
  const textHead = `,"${key}_text":`;
  return (v) => {
    const n = v as number;
    return `${head}${n}${textHead}${n >= 0 && n < quoted.length ? quoted[n] : invalidQuoted}`;
  };
}

/** Scaled: `value / div` to `digits` decimals. Unscaled: the raw integer. */
export function divided(key: string, div: number, digits: number): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? fixed((v as number) / div, digits) : String(v));
}

/** Scaled: `value * factor` to `digits` decimals (gpsd multiplies where it does, for identical rounding). */
export function multiplied(key: string, factor: number, digits: number): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? fixed((v as number) * factor, digits) : String(v));
}

/** Scaled: `(value - offset) / div` to `digits` decimals. */
export function offsetDivided(key: string, offset: number, div: number, digits: number): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? fixed(((v as number) - offset) / div, digits) : String(v));
}

/** Scaled: `value - offset` as an integer. */
export function offset(key: string, by: number): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? String((v as number) - by) : String(v));
}

/** Scaled: the legend in place of the code. Unscaled: the code. */
export function legendWhenScaled(key: string, table: readonly string[]): FieldRule {
  const quoted = quotedTable(table);
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? quoted[v as number] ?? '""' : String(v));
}

/** Always `value` to `digits` decimals (gpsd prints some angles with `%.4f` in both modes). */
export function alwaysFixed(key: string, digits: number): FieldRule {
  const head = `"${key}":`;
  return (v) => head + fixed(v as number, digits);
}

/** Scaled: `value / div` printed by C's `%f` inside quotes (types 22 and 23 corners). */
export function quotedDivided(key: string, div: number): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => head + (scaled ? `"${fixed((v as number) / div, 6)}"` : String(v));
}

/** An array of objects printed with their own plan. */
export function objects(key: string, plan: Plan): FieldRule {
  const head = `"${key}":`;
  return (v, scaled) => {
    const list = v as readonly Fields[];
    let out = head + '[';
    for (let i = 0; i < list.length; i++) out += (i === 0 ? '{' : ',{') + formatFields(list[i]!, plan, scaled, false) + '}';
    return out + ']';
  };
}
