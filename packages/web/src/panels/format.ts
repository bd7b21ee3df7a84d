/** How values read on screen: UTC times, degrees-minutes, knots; a dash for "not available". */
const DASH = '–';

export function utc(ms: number | string): string {
  const d = typeof ms === 'string' ? new Date(ms) : new Date(ms);
  if (Number.isNaN(d.getTime())) return DASH;
  return d.toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

export function utcTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19) + 'Z';
}

export function duration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

function dm(v: number, pos: string, neg: string, width: number): string {
  const a = Math.abs(v);
  const deg = Math.floor(a);
  const min = (a - deg) * 60;
  return `${String(deg).padStart(width, '0')}°${min.toFixed(2).padStart(5, '0')}′${v >= 0 ? pos : neg}`;
}

export function position(lat: number, lon: number): string {
  return `${dm(lat, 'N', 'S', 2)} ${dm(lon, 'E', 'W', 3)}`;
}

export function knots(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? DASH : `${v.toFixed(1)} kn`;
}

export function degrees(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? DASH : `${Math.round(v)}°`;
}

export function orDash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? DASH : String(v);
}
