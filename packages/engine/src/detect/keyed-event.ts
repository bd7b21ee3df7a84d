/**
 * Events about a place or a list entry: one vessel can be in two zones, two
 * corridors or on two watchlist entries at once, starting at the same time,
 * so the id names that too. The id is the engine's usual one followed by the
 * layer key: `zone_entry:244123000:20180401T120300Z:gfw-2018:finland-eez`.
 * Still a pure function of what defines the episode, for the same layers.
 */
import { makeEvent, type EngineEvent, type ProfileStamp } from '../events/event.js';

export function keyedEvent<T extends string, D>(
  type: T,
  key: string,
  profile: ProfileStamp,
  mmsis: readonly number[],
  startMs: number,
  endMs: number,
  lat: number,
  lon: number,
  open: boolean,
  details: D,
): EngineEvent<T, D> {
  const event = makeEvent(type, profile, mmsis, startMs, endMs, lat, lon, open, details);
  return { ...event, id: `${event.id}:${key}` };
}
