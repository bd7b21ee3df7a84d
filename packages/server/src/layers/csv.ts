/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. It
 * reports the first malformed line instead of guessing, and stops at
 * `maxRows` so an upload cannot make it build an unbounded table.
 */
export type CsvResult = { ok: true; header: string[]; rows: string[][] } | { ok: false; line: number; message: string };

export function readCsv(text: string, maxRows: number): CsvResult {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRow = (): CsvResult | null => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (rows.length > maxRows + 1) return { ok: false, line: rowLine, message: `more than ${maxRows} rows` };
    return null;
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, message: `a quoted field must end at a comma or line end, found ${JSON.stringify(next)}` };
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      const fail = endRow();
      if (fail) return fail;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { ok: false, line: rowLine, message: 'a quoted field is not closed' };
  if (field !== '' || row.length > 0) {
    const fail = endRow();
    if (fail) return fail;
  }
  const header = rows.shift();
  if (header === undefined) return { ok: false, line: 1, message: 'empty: a header row is needed' };
  return { ok: true, header: header.map((h) => h.trim().replace(/^\uFEFF/, '')), rows };
}
