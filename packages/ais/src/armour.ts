/**
 * AIS six-bit payload armour (ITU-R M.1371 Annex 8 / IEC 61162-1).
 *
 * Characters `0`..`W` (48-87) and `` ` ``..`w` (96-119) carry six bits each.
 * The tables are built once at module load so that the hot path is a lookup.
 */

/** ASCII code → six-bit value, or 0xff for a character outside the alphabet. */
export const ARMOUR_VALUE: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(0xff);
  for (let c = 48; c < 88; c++) t[c] = c - 48;
  for (let c = 96; c < 120; c++) t[c] = c - 56;
  return t;
})();

/** Six-bit value → ASCII code of its armour character. */
export const ARMOUR_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(64);
  for (let v = 0; v < 64; v++) t[v] = v < 40 ? v + 48 : v + 56;
  return t;
})();

/**
 * Six-bit value → character of the AIS "six-bit ASCII" used in text fields
 * (names, call signs, destinations): 0 is `@`, 1-31 are `A`-`_`, 32-63 are ` `-`?`.
 */
export const SIXBIT_TEXT: readonly string[] = Array.from({ length: 64 }, (_, v) =>
  String.fromCharCode(v < 32 ? v + 64 : v),
);

/** Character code → six-bit text value, or 0xff when the character cannot be sent. */
export const TEXT_SIXBIT: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(0xff);
  for (let v = 0; v < 64; v++) t[v < 32 ? v + 64 : v] = v;
  // Lower-case letters are sent as their capitals: senders do this, and so do we.
  for (let c = 97; c <= 122; c++) t[c] = c - 96;
  return t;
})();
