/**
 * Vessels as one deck.gl IconLayer fed straight from the table's typed-array columns
 * (binary attributes): a hull pointed along heading (or course), coloured by ship class;
 * a dot when neither is known.
 */
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { VesselTable } from '../live/vessel-table.js';

const ICON = 32;

/** A hull outline pointing up and a round dot, drawn once into a data URL (mask icons, tinted per vessel). */
function iconAtlas(): string {
  const canvas = document.createElement('canvas');
  canvas.width = ICON * 2;
  canvas.height = ICON;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.beginPath();
  g.moveTo(16, 2);
  g.lineTo(26, 28);
  g.lineTo(16, 22);
  g.lineTo(6, 28);
  g.closePath();
  g.fill();
  g.beginPath();
  g.arc(ICON + 16, 16, 7, 0, Math.PI * 2);
  g.fill();
  return canvas.toDataURL();
}

const ICON_MAPPING = {
  hull: { x: 0, y: 0, width: ICON, height: ICON, mask: true },
  dot: { x: ICON, y: 0, width: ICON, height: ICON, mask: true },
} as const;

let atlas: string | null = null;

export interface VesselLayerOptions {
  visible: boolean;
  onPick(mmsi: number): void;
}

type BinaryData = { length: number; attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }> };

/** The layer's data object per table, new only when the table changed: deck.gl uploads the columns again only then. */
const dataOf = new WeakMap<VesselTable, { version: number; data: BinaryData }>();

function binaryData(table: VesselTable): BinaryData {
  const cached = dataOf.get(table);
  if (cached && cached.version === table.version) return cached.data;
  const data: BinaryData = {
    length: table.count,
    attributes: {
      getPosition: { value: table.positions, size: 2 },
      getAngle: { value: table.angles, size: 1 },
      getColor: { value: table.colours, size: 4, normalized: true },
    },
  };
  dataOf.set(table, { version: table.version, data });
  return data;
}

export function vesselLayer(table: VesselTable, options: VesselLayerOptions): IconLayer {
  atlas ??= iconAtlas();
  const pointed = table.pointed;
  return new IconLayer({
    id: 'vessels',
    data: binaryData(table),
    iconAtlas: atlas,
    iconMapping: ICON_MAPPING,
    getIcon: (_: unknown, { index }: { index: number }) => (pointed[index] ? 'hull' : 'dot'),
    getSize: 16,
    sizeUnits: 'pixels',
    sizeMinPixels: 8,
    visible: options.visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 200],
    updateTriggers: { getIcon: table.version },
    onClick: (info) => {
      if (info.index >= 0 && info.index < table.count) options.onPick(table.mmsi[info.index]!);
      return true;
    },
  });
}

/** A ring around the selected vessel, so it stays findable among thousands. */
export function selectionLayer(table: VesselTable, mmsi: number | null): ScatterplotLayer | null {
  const slot = mmsi === null ? -1 : table.slotOf(mmsi);
  if (slot < 0) return null;
  return new ScatterplotLayer({
    id: 'selected-vessel',
    data: [[table.lon[slot]!, table.lat[slot]!]],
    getPosition: (d: number[]) => [d[0]!, d[1]!],
    getRadius: 14,
    radiusUnits: 'pixels',
    stroked: true,
    filled: false,
    getLineColor: [255, 255, 255, 230],
    lineWidthMinPixels: 2,
  });
}
