/**
 * Watchlists: vessels of interest (sanctions lists, vessels under
 * investigation) as CSV with a header row. Columns are matched by name,
 * case-insensitively: `mmsi`, `imo`, `name`, and optionally `call_sign` or
 * `callsign`, `flag`, `program`/`reason`. Every row needs an MMSI, an IMO
 * number or a name; an MMSI must have 9 digits and an IMO number 7. Other
 * columns are kept as they are.
 */
import { readCsv } from './csv.js';

export interface WatchlistEntry {
  mmsi: number | null;
  imo: number | null;
  name: string | null;
  callsign: string | null;
  /** Every column of the row, for display. */
  fields: Readonly<Record<string, string>>;
}

export interface LayerIssue {
  path: string;
  message: string;
}

export type WatchlistResult = { ok: true; entries: WatchlistEntry[] } | { ok: false; errors: LayerIssue[] };

const MAX_ROWS = 200_000;
const MAX_ERRORS = 20;

export function parseWatchlist(text: string): WatchlistResult {
  const csv = readCsv(text, MAX_ROWS);
  if (!csv.ok) return { ok: false, errors: [{ path: `line ${csv.line}`, message: csv.message }] };
  const lower = csv.header.map((h) => h.toLowerCase());
  const col = (...names: string[]): number => lower.findIndex((h) => names.includes(h));
  const mmsiAt = col('mmsi');
  const imoAt = col('imo', 'imo_number');
  const nameAt = col('name', 'vessel_name', 'shipname');
  const callAt = col('call_sign', 'callsign');
  if (mmsiAt < 0 && imoAt < 0 && nameAt < 0) {
    return { ok: false, errors: [{ path: 'line 1', message: `the header needs an mmsi, imo or name column; it has ${csv.header.slice(0, 12).join(', ')}` }] };
  }
  const errors: LayerIssue[] = [];
  const entries: WatchlistEntry[] = [];
  csv.rows.forEach((row, r) => {
    if (errors.length >= MAX_ERRORS) return;
    const at = `line ${r + 2}`;
    if (row.length !== csv.header.length) {
      errors.push({ path: at, message: `${row.length} fields where the header has ${csv.header.length}` });
      return;
    }
    const text = (i: number): string => (i >= 0 ? row[i]!.trim() : '');
    const mmsi = text(mmsiAt);
    const imo = text(imoAt);
    const name = text(nameAt);
    if (mmsi !== '' && !/^\d{9}$/.test(mmsi)) errors.push({ path: `${at} mmsi`, message: `${JSON.stringify(mmsi.slice(0, 20))} is not a 9-digit MMSI` });
    if (imo !== '' && !/^\d{7}$/.test(imo)) errors.push({ path: `${at} imo`, message: `${JSON.stringify(imo.slice(0, 20))} is not a 7-digit IMO number` });
    if (mmsi === '' && imo === '' && name === '') errors.push({ path: at, message: 'no mmsi, imo or name' });
    entries.push({
      mmsi: mmsi === '' ? null : Number(mmsi),
      imo: imo === '' ? null : Number(imo),
      name: name === '' ? null : name,
      callsign: text(callAt) || null,
      fields: Object.fromEntries(csv.header.map((h, i) => [h, row[i]!])),
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}
