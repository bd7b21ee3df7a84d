/**
 * Text that CSV exports write in place of AIS codes, mapped back to the codes:
 * navigational status (ITU-R M.1371 table 45) and ship type (table 53, the
 * first code of each category, since exports name only the category).
 */

const NAV_STATUS: Record<string, number> = {
  'under way using engine': 0,
  'at anchor': 1,
  'not under command': 2,
  'restricted maneuverability': 3,
  'restricted manoeuvrability': 3,
  'constrained by her draught': 4,
  moored: 5,
  aground: 6,
  'engaged in fishing': 7,
  'under way sailing': 8,
  'reserved for future amendment [hsc]': 9,
  'reserved for future amendment [wig]': 10,
  'power-driven vessel towing astern': 11,
  'power-driven vessel pushing ahead or towing alongside': 12,
  'ais-sart is active': 14,
  'unknown value': 15,
  'not defined': 15,
};

const SHIP_TYPE: Record<string, number> = {
  wig: 20,
  fishing: 30,
  towing: 31,
  'towing long/wide': 32,
  dredging: 33,
  diving: 34,
  military: 35,
  sailing: 36,
  'sailing vessel': 36,
  pleasure: 37,
  'pleasure craft': 37,
  hsc: 40,
  'high speed craft': 40,
  pilot: 50,
  sar: 51,
  'search and rescue': 51,
  tug: 52,
  'port tender': 53,
  'anti-pollution': 54,
  'law enforcement': 55,
  medical: 58,
  passenger: 60,
  cargo: 70,
  tanker: 80,
  other: 90,
};

/** A status code from a number or a text; NaN when neither. */
export function navStatusFrom(value: string): number {
  const n = Number(value);
  if (value !== '' && Number.isInteger(n)) return n >= 0 && n <= 15 ? n : NaN;
  return NAV_STATUS[value.trim().toLowerCase()] ?? NaN;
}

/** A ship type code from a number or a category name; NaN when neither. */
export function shipTypeFrom(value: string): number {
  const n = Number(value);
  if (value !== '' && Number.isFinite(n)) return n >= 1 && n <= 99 ? Math.trunc(n) : NaN;
  return SHIP_TYPE[value.trim().toLowerCase()] ?? NaN;
}
