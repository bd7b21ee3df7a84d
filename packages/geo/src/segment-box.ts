/**
 * Whether a straight segment meets an axis-aligned box, in plane
 * coordinates: the test both the zone index and the engine's clear-cell
 * table make of a border edge against a cell.
 */

/** Scratch for segmentMeetsBox: (p, q) for each side of the box. */
const SIDES = new Float64Array(8);

/** Liang–Barsky: whether the segment meets the closed box. */
export function segmentMeetsBox(x1: number, y1: number, x2: number, y2: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  if (Math.max(x1, x2) < minX || Math.min(x1, x2) > maxX || Math.max(y1, y2) < minY || Math.min(y1, y2) > maxY) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  // Each side of the box in turn: p is the segment's rate toward the outside, q the room left.
  const sides = SIDES;
  sides[0] = -dx;
  sides[1] = x1 - minX;
  sides[2] = dx;
  sides[3] = maxX - x1;
  sides[4] = -dy;
  sides[5] = y1 - minY;
  sides[6] = dy;
  sides[7] = maxY - y1;
  for (let i = 0; i < 8; i += 2) {
    const p = sides[i]!, q = sides[i + 1]!;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return true;
}
