/**
 * The server's layers → the engine's `Layers`: every zone layer in force as
 * one zone layer, every infrastructure layer as one asset layer, every
 * watchlist as one watchlist, plus the reference layers (anchorages and
 * coastline, which the API does not list: they are reference data, not
 * something operators upload).
 */
import { assetLayer, watchlist, zoneLayer, type Layers } from '@tidewatch/engine';
import type { ReferenceLayers } from './reference.js';
import type { LayerSet } from './registry.js';

export function engineLayers(layers: LayerSet, reference: Omit<ReferenceLayers, 'notes'> = {}): Layers {
  const { anchorages, shore } = reference;
  const zones = layers.zones.flatMap((l) => l.zones);
  const assets = layers.infrastructure.flatMap((l) => l.assets);
  const entries = layers.watchlists.flatMap((l) => l.entries);
  return {
    ...(anchorages !== undefined ? { anchorages } : {}),
    ...(shore !== undefined ? { shore } : {}),
    ...(zones.length > 0 ? { zones: zoneLayer(zones) } : {}),
    ...(assets.length > 0 ? { assets: assetLayer(assets) } : {}),
    ...(entries.length > 0 ? { watchlist: watchlist(entries) } : {}),
  };
}
