/**
 * Numbers and strings exactly as gpsd's C code prints them.
 *
 * `fixed` is printf's `%.Nf`: the exact binary value rounded to N decimals.
 * `Number.prototype.toFixed` does the same except on an exact tie (a value
 * exactly halfway, such as 0.25 to one decimal), which C rounds to even and
 * toFixed away from zero; such ties occur (type 17 longitude 150 is 0.25°),
 * so they are detected and rounded the C way.
 *
 * `jsonString` quotes like gpsd's `json_stringify`: `"` and `\` escaped,
 * control characters and DEL as `\b \f \n \r \t` or `\u00xx`.
 */

const POW5: readonly number[] = Array.from({ length: 16 }, (_, i) => 5 ** i);
const POW2: readonly number[] = Array.from({ length: 16 }, (_, i) => 2 ** i);
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** printf `%.<digits>f` of `x` (digits 0-14). */
export function fixed(x: number, digits: number): string {
  // A tie has at most digits+1 binary fraction bits: scaling by a power of two is exact.
  const t = x * POW2[digits + 1]!;
  if (!Number.isInteger(t)) return x.toFixed(digits);
  const tenths = Math.abs(t) * POW5[digits + 1]!; // |x| * 10^(digits+1), exactly
  if (tenths % 10 !== 5 || tenths > Number.MAX_SAFE_INTEGER) return x.toFixed(digits);
  let kept = (tenths - 5) / 10;
  if (kept % 2 === 1) kept += 1;
  return (x < 0 ? '-' : '') + (kept / POW10[digits]!).toFixed(digits);
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\uffff]/;
const SHORT_ESCAPE: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** `s` as a quoted JSON string, escaped as gpsd escapes it. */
export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const short = SHORT_ESCAPE[c];
    if (short !== undefined) out += short;
    else if (c < 0x20 || (c >= 0x7f && c < 0x100)) out += `\\u00${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x100) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return out + '"';
}

