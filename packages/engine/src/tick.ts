/**
 * Ticks: the fixed steps of event time at which the engine resolves
 * deadlines (an episode ends when nothing extended it in time) and evicts
 * silent vessels, after all data before them. Fixed, not a setting: results
 * must not depend on anything that is not in the profile.
 */

/** Event time between ticks. */
export const TICK_MS = 60_000;

/** The number of the first tick at a time strictly after `ms` (tick k is at k · TICK_MS). */
export function tickAfter(ms: number): number {
  return Math.floor(ms / TICK_MS) + 1;
}
