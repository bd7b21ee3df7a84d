/**
 * Ship-type classes and their colours. AIS ship and cargo type (0-99) is folded into a few
 * classes an operator tells apart at a glance. Colours are from the Okabe-Ito palette, which
 * stays distinguishable under the common colour-vision deficiencies; black is replaced by a
 * light grey because the map is dark.
 */
export const SHIP_CLASSES = [
  { id: 'cargo', label: 'Cargo', rgb: [86, 180, 233] },
  { id: 'tanker', label: 'Tanker', rgb: [213, 94, 0] },
  { id: 'passenger', label: 'Passenger', rgb: [240, 228, 66] },
  { id: 'fishing', label: 'Fishing', rgb: [0, 158, 115] },
  { id: 'service', label: 'Tug, pilot, service', rgb: [230, 159, 0] },
  { id: 'fast', label: 'High speed, WIG', rgb: [204, 121, 167] },
  { id: 'pleasure', label: 'Sailing, pleasure', rgb: [120, 170, 255] },
  { id: 'other', label: 'Other, unknown', rgb: [190, 190, 190] },
] as const;

export type ShipClassId = (typeof SHIP_CLASSES)[number]['id'];

/** Index into SHIP_CLASSES for each AIS ship type 0-255, built once. */
const CLASS_OF_TYPE = new Uint8Array(256);
const OTHER = SHIP_CLASSES.length - 1;
for (let t = 0; t < 256; t++) CLASS_OF_TYPE[t] = classIndexOf(t);

function classIndexOf(t: number): number {
  if (t >= 70 && t <= 79) return 0;
  if (t >= 80 && t <= 89) return 1;
  if (t >= 60 && t <= 69) return 2;
  if (t === 30) return 3;
  if (t === 31 || t === 32 || t === 33 || t === 34 || (t >= 50 && t <= 59)) return 4;
  if ((t >= 20 && t <= 29) || (t >= 40 && t <= 49)) return 5;
  if (t === 36 || t === 37) return 6;
  return OTHER;
}

/** RGBA of every class, flat, for writing straight into a colour column. */
export const CLASS_RGBA = new Uint8Array(SHIP_CLASSES.length * 4);
SHIP_CLASSES.forEach((c, i) => CLASS_RGBA.set([c.rgb[0], c.rgb[1], c.rgb[2], 255], i * 4));

export function shipClassIndex(shipType: number): number {
  return CLASS_OF_TYPE[shipType & 255]!;
}

export function shipClassLabel(shipType: number | null): string {
  return SHIP_CLASSES[shipType === null ? OTHER : shipClassIndex(shipType)]!.label;
}

export function cssColour(classIndex: number): string {
  const [r, g, b] = SHIP_CLASSES[classIndex]!.rgb;
  return `rgb(${r} ${g} ${b})`;
}
