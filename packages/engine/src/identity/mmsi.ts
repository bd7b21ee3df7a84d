/**
 * What an MMSI says about its station: the kind of station (ITU-R M.585 Annex 1
 * formats) and the flag from its Maritime Identification Digits (MID).
 *
 * Only ship stations (MIDXXXXXX with MID 2xx-7xx) are vessels in the ordinary
 * sense; the other formats are kept so details can say what a number is.
 * An MMSI is "invalid" when it fits none of the formats (e.g. 123456789,
 * 1193046) or when its MID is not allocated to any country.
 */
import { MID_COUNTRIES } from './mid-table.js';

export const MmsiKind = {
  SHIP: 'ship',
  /** 0MIDXXXXX */
  GROUP: 'group',
  /** 00MIDXXXX */
  COAST_STATION: 'coast_station',
  /** 111MIDXXX */
  SAR_AIRCRAFT: 'sar_aircraft',
  /** 8MIDXXXXX: handheld VHF with DSC and GNSS. */
  HANDHELD: 'handheld',
  /** 98MIDXXXX: craft associated with a parent ship (tender, RIB). */
  CRAFT_WITH_PARENT: 'craft_with_parent',
  /** 99MIDXXXX */
  AID_TO_NAVIGATION: 'aid_to_navigation',
  /** 970XXYYYY AIS-SART, 972XXYYYY man overboard, 974XXYYYY EPIRB-AIS. */
  SART: 'sart',
  MOB: 'mob',
  EPIRB: 'epirb',
  /** Fits no format of ITU-R M.585. */
  INVALID: 'invalid',
} as const;
export type MmsiKind = (typeof MmsiKind)[keyof typeof MmsiKind];

/** MID → country, by index 0-999; built once. */
const COUNTRY_BY_MID: ReadonlyArray<string | undefined> = (() => {
  const table = new Array<string | undefined>(1000).fill(undefined);
  for (const [mid, country] of MID_COUNTRIES) table[mid] = country;
  return table;
})();

/** The station kind an MMSI's digits denote. */
export function mmsiKind(mmsi: number): MmsiKind {
  if (!Number.isInteger(mmsi) || mmsi < 0 || mmsi > 999_999_999) return MmsiKind.INVALID;
  const d1 = Math.floor(mmsi / 100_000_000);
  const d3 = Math.floor(mmsi / 1_000_000);
  if (d1 >= 2 && d1 <= 7) return MmsiKind.SHIP;
  if (d1 === 0) {
    const d2 = Math.floor(mmsi / 10_000_000);
    if (d2 === 0) return midDigitOk(Math.floor(mmsi / 10_000) % 1000) ? MmsiKind.COAST_STATION : MmsiKind.INVALID;
    return midDigitOk(Math.floor(mmsi / 100_000) % 1000) ? MmsiKind.GROUP : MmsiKind.INVALID;
  }
  if (d3 === 111) return midDigitOk(Math.floor(mmsi / 1000) % 1000) ? MmsiKind.SAR_AIRCRAFT : MmsiKind.INVALID;
  if (d1 === 8) return midDigitOk(Math.floor(mmsi / 100_000) % 1000) ? MmsiKind.HANDHELD : MmsiKind.INVALID;
  if (d3 === 970) return MmsiKind.SART;
  if (d3 === 972) return MmsiKind.MOB;
  if (d3 === 974) return MmsiKind.EPIRB;
  const d2 = Math.floor(mmsi / 10_000_000);
  if (d2 === 98) return midDigitOk(Math.floor(mmsi / 10_000) % 1000) ? MmsiKind.CRAFT_WITH_PARENT : MmsiKind.INVALID;
  if (d2 === 99) return midDigitOk(Math.floor(mmsi / 10_000) % 1000) ? MmsiKind.AID_TO_NAVIGATION : MmsiKind.INVALID;
  return MmsiKind.INVALID;
}

/** MIDs start with 2-7 (the ITU's regions: Europe, Americas, Asia, Oceania, Africa, South America). */
function midDigitOk(mid: number): boolean {
  return mid >= 200 && mid <= 799;
}

/** The MID inside an MMSI for the formats that carry one; NaN otherwise. */
export function midOf(mmsi: number): number {
  switch (mmsiKind(mmsi)) {
    case MmsiKind.SHIP:
      return Math.floor(mmsi / 1_000_000);
    case MmsiKind.GROUP:
    case MmsiKind.HANDHELD:
      return Math.floor(mmsi / 100_000) % 1000;
    case MmsiKind.COAST_STATION:
    case MmsiKind.CRAFT_WITH_PARENT:
    case MmsiKind.AID_TO_NAVIGATION:
      return Math.floor(mmsi / 10_000) % 1000;
    case MmsiKind.SAR_AIRCRAFT:
      return Math.floor(mmsi / 1000) % 1000;
    default:
      return NaN;
  }
}

/** The country the MID is allocated to, or undefined when it is not allocated or there is no MID. */
export function flagOfMid(mid: number): string | undefined {
  return Number.isInteger(mid) && mid >= 0 && mid < 1000 ? COUNTRY_BY_MID[mid] : undefined;
}

/** What the number tells about the station, as event details show it. */
export interface MmsiFacts {
  kind: MmsiKind;
  /** MID, or null when the format carries none. */
  mid: number | null;
  /** Country of the MID, or null when unallocated or absent. */
  flag: string | null;
  /** False for INVALID formats and for a MID allocated to no country. */
  valid: boolean;
}

export function mmsiFacts(mmsi: number): MmsiFacts {
  const kind = mmsiKind(mmsi);
  const mid = midOf(mmsi);
  const flag = flagOfMid(mid) ?? null;
  const hasMid = !Number.isNaN(mid);
  const valid = kind !== MmsiKind.INVALID && (!hasMid || flag !== null);
  return { kind, mid: hasMid ? mid : null, flag, valid };
}
