/**
 * The server's layers → the engine's `Layers`.
 *
 * The engine takes layers only when it is built; the server builds it over
 * the layers in force at start (and after finishing a replay).
 */
import type { Layers } from '@tidewatch/engine';
import type { LayerSet } from './registry.js';

export function engineLayers(_layers: LayerSet): Layers {
  return {};
}
