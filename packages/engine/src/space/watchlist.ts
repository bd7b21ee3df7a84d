/**
 * Watchlists as a layer: vessels of interest (sanctions lists, vessels under
 * investigation), looked up by IMO number, MMSI or normalised name.
 *
 * Names are compared after normalisation (see {@link normaliseName}), so
 * "M/V Ocean Star", "OCEAN-STAR" and "Océan Star" are one name; a name that
 * only resembles a listed one ("OCEAN STARS") is a different name. Built by
 * pure functions from entries or from CSV text, with every problem returned.
 */
import { splitRow } from '../observe/csv/columns.js';
import { uniqueKeys } from './layer-keys.js';

export interface WatchlistEntry {
  /** IMO ship number (7 digits, check digit valid), or null. */
  readonly imo: number | null;
  /** 9-digit MMSI, or null. */
  readonly mmsi: number | null;
  /** The name as listed, or null. */
  readonly name: string | null;
  /** Which list it is on (e.g. `OFAC SDN`). */
  readonly list: string;
  /** Why it is listed (a sanctions programme, a case), when the list says. */
  readonly reason?: string | null;
}

export interface Watchlist {
  readonly entries: readonly WatchlistEntry[];
  /** Per entry: unique within the watchlist, for event ids (`ofac-sdn-imo9187629`). */
  readonly ids: readonly string[];
  /** Ordinals of the entries listing this IMO number / MMSI / normalised name (shared arrays: do not modify). */
  byImo(imo: number): readonly number[];
  byMmsi(mmsi: number): readonly number[];
  byName(normalised: string): readonly number[];
}

export interface WatchlistIssue {
  /** `line 3`, `line 3 imo`. */
  readonly path: string;
  readonly message: string;
}

export type WatchlistResult = { readonly ok: true; readonly watchlist: Watchlist } | { readonly ok: false; readonly errors: readonly WatchlistIssue[] };

const NONE: readonly number[] = Object.freeze([]);

/** Words that only say what kind of ship it is: "MV OCEAN STAR" is OCEAN STAR. */
const PREFIXES = new Set(['MV', 'MT', 'FV', 'MS', 'SS', 'MY', 'RV', 'SV']);

/**
 * A name as watchlists compare it: upper case, diacritics and apostrophes
 * removed, every other run of punctuation or space one space, and a leading
 * ship prefix (MV, M/V, M.V., MT, FV, MS, SS, MY, RV, SV) dropped when a name
 * follows it.
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  let skip = 0;
  if (words.length > 1 && PREFIXES.has(words[0]!)) skip = 1;
  else if (words.length > 2 && words[0]!.length === 1 && words[1]!.length === 1 && PREFIXES.has(words[0]! + words[1]!)) skip = 2;
  return words.slice(skip).join(' ');
}

/** IMO numbers carry a check digit: the first six digits weighted 7..2, summed, mod 10. */
export function imoNumberValid(imo: number): boolean {
  if (!Number.isInteger(imo) || imo < 1_000_000 || imo > 9_999_999) return false;
  let sum = 0;
  let rest = Math.floor(imo / 10);
  for (let weight = 2; weight <= 7; weight++, rest = Math.floor(rest / 10)) sum += (rest % 10) * weight;
  return sum % 10 === imo % 10;
}

/**
 * The watchlist over entries (which the caller has validated, e.g. with
 * {@link watchlistFromCsv}), from one list or several concatenated. An entry
 * repeating an earlier one (same IMO, MMSI, normalised name and list, as when
 * one list is an extract of another) is left out: one vessel, one event.
 */
export function watchlist(all: readonly WatchlistEntry[]): Watchlist {
  const seen = new Set<string>();
  const entries = all.filter((e) => {
    const key = `${e.imo}|${e.mmsi}|${e.name === null ? '' : normaliseName(e.name)}|${e.list}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const imo = new Map<number, number[]>();
  const mmsi = new Map<number, number[]>();
  const name = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, i: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else list.push(i);
  };
  entries.forEach((e, i) => {
    if (e.imo !== null) add(imo, e.imo, i);
    if (e.mmsi !== null) add(mmsi, e.mmsi, i);
    const normalised = e.name === null ? '' : normaliseName(e.name);
    if (normalised !== '') add(name, normalised, i);
  });
  const ids = uniqueKeys(entries.map((e) => `${e.list} ${e.imo !== null ? `imo${e.imo}` : e.mmsi !== null ? `mmsi${e.mmsi}` : (e.name ?? '')}`));
  return {
    entries,
    ids,
    byImo: (n) => imo.get(n) ?? NONE,
    byMmsi: (n) => mmsi.get(n) ?? NONE,
    byName: (n) => name.get(n) ?? NONE,
  };
}

const MAX_ISSUES = 50;
const COLUMNS = {
  imo: ['imo', 'imo_number', 'imo number', 'imonumber'],
  mmsi: ['mmsi'],
  name: ['name', 'vessel_name', 'vessel name', 'shipname', 'ship_name', 'vessel'],
  list: ['list'],
  reason: ['reason', 'program', 'programme'],
} as const;

/**
 * A watchlist from CSV text with a header row. Columns are found by name,
 * case-insensitively: `imo` (or `imo_number`), `mmsi`, `name` (or
 * `vessel_name`, `shipname`), optionally `list` (otherwise every row is on
 * `list`) and `reason` (or `program`); others are ignored. Each row needs an
 * IMO number, an MMSI or a name; an IMO number must have 7 digits and a valid
 * check digit, an MMSI 9 digits. Quoted fields may not span lines.
 */
export function watchlistFromCsv(text: string, list: string): WatchlistResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitRow(lines[0] ?? '', ',').map((h) => h.trim().toLowerCase());
  const column = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const at = { imo: column(COLUMNS.imo), mmsi: column(COLUMNS.mmsi), name: column(COLUMNS.name), list: column(COLUMNS.list), reason: column(COLUMNS.reason) };
  if (at.imo < 0 && at.mmsi < 0 && at.name < 0) {
    return { ok: false, errors: [{ path: 'line 1', message: `the header needs an imo, mmsi or name column; it has ${header.slice(0, 12).join(', ') || 'nothing'}` }] };
  }
  const errors: WatchlistIssue[] = [];
  const entries: WatchlistEntry[] = [];
  for (let i = 1; i < lines.length && errors.length < MAX_ISSUES; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const where = `line ${i + 1}`;
    if ((line.match(/"/g)?.length ?? 0) % 2 === 1) {
      errors.push({ path: where, message: 'a quoted field is not closed on its line' });
      continue;
    }
    const fields = splitRow(line, ',');
    const field = (k: number): string => (k >= 0 ? (fields[k] ?? '').trim() : '');
    const entry = readEntry(field(at.imo), field(at.mmsi), field(at.name), field(at.list) || list, field(at.reason), where, errors);
    if (entry !== null) entries.push(entry);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, watchlist: watchlist(entries) };
}

function readEntry(imo: string, mmsi: string, name: string, list: string, reason: string, where: string, errors: WatchlistIssue[]): WatchlistEntry | null {
  const before = errors.length;
  if (imo !== '' && !(/^\d{7}$/.test(imo) && imoNumberValid(Number(imo)))) {
    errors.push({ path: `${where} imo`, message: `${JSON.stringify(imo.slice(0, 20))} is not an IMO number (7 digits, the last a check digit)` });
  }
  if (mmsi !== '' && !/^\d{9}$/.test(mmsi)) errors.push({ path: `${where} mmsi`, message: `${JSON.stringify(mmsi.slice(0, 20))} is not a 9-digit MMSI` });
  if (imo === '' && mmsi === '' && normaliseName(name) === '') errors.push({ path: where, message: 'no imo, mmsi or name' });
  if (errors.length > before) return null;
  return {
    imo: imo === '' ? null : Number(imo),
    mmsi: mmsi === '' ? null : Number(mmsi),
    name: name === '' ? null : name,
    list,
    reason: reason === '' ? null : reason,
  };
}
