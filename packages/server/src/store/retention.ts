/**
 * Retention and downsampling: how long what is kept, at what resolution.
 *
 * All ages are measured in data time, from the newest position stored, not
 * from the wall clock: a replay of last year keeps last year's tracks.
 *
 * The downsampling rule. A position younger than `fullResolutionHours` is kept
 * exactly as received. Once older, a vessel's positions are thinned per
 * `downsampleSeconds` bucket (bucket = floor(t / downsampleSeconds), aligned to
 * the epoch, so the rule depends only on the data): the earliest report in the
 * bucket stays, the others go. With the defaults (24 h, 60 s) a vessel
 * reporting every 2-10 s keeps one position a minute once a day old, the
 * track's shape at the scale anyone looks at a day-old track. Thinning runs in
 * short steps over the span that aged out since the last pass, so its cost
 * follows the ingest rate and it never holds the store for long.
 *
 * Positions, events and vessels last seen more than `retentionDays` before the
 * newest data are deleted (null keeps everything). Static reports are kept only
 * for the full-resolution window: they serve the restart re-feed, and the
 * identity history keeps every change.
 */
import type { Store } from './store.js';

export interface RetentionSettings {
  /** Days of data kept; null keeps everything. */
  retentionDays: number | null;
  /** Hours of positions kept at full resolution. */
  fullResolutionHours: number;
  /** Bucket width for older positions, seconds. */
  downsampleSeconds: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { retentionDays: 30, fullResolutionHours: 24, downsampleSeconds: 60 };

const HOUR = 3_600_000;
/** Most data time thinned or expired in one transaction... */
const STEP_MS = 15 * 60_000;
/** ...and about the most positions: a busy feed puts millions in 15 minutes. */
const STEP_ROWS = 50_000;
/** The shortest step, whatever the rate. */
const MIN_STEP_MS = 1000;
const THINNED_UNTIL = 'thinned_until_ms';
const EXPIRED_UNTIL = 'expired_until_ms';

/** Shortens [from, to) to about STEP_ROWS journal rows, judged from the journal's seq numbers. */
function stepEnd(store: Store, from: number, to: number): number {
  const rows = store.journalSeqAt(to) - store.journalSeqAt(from);
  if (rows <= STEP_ROWS) return to;
  return Math.max(from + MIN_STEP_MS, Math.floor(from + ((to - from) * STEP_ROWS) / rows));
}

export interface RetentionPass {
  thinned: number;
  expired: number;
}

/**
 * Runs one retention pass for data whose newest time is `newest`, in steps;
 * `pause` is awaited between steps so a server keeps serving meanwhile.
 */
export async function applyRetention(store: Store, newest: number, settings: RetentionSettings, pause: () => Promise<void>): Promise<RetentionPass> {
  const result: RetentionPass = { thinned: 0, expired: 0 };
  if (!Number.isFinite(newest)) return result;
  const oldest = store.oldestPositionTime();
  if (Number.isNaN(oldest)) return result;

  if (settings.retentionDays !== null) {
    const cutoff = newest - settings.retentionDays * 24 * HOUR;
    let from = Math.max(Number(store.meta(EXPIRED_UNTIL) ?? oldest), oldest);
    while (from < cutoff) {
      const to = stepEnd(store, from, Math.min(from + STEP_MS * 4, cutoff));
      result.expired += store.expireBefore(to);
      store.setMeta(EXPIRED_UNTIL, String(to));
      from = to;
      await pause();
    }
  }

  const fullFrom = newest - settings.fullResolutionHours * HOUR;
  let from = Math.max(Number(store.meta(THINNED_UNTIL) ?? oldest), oldest);
  while (from < fullFrom) {
    const to = stepEnd(store, from, Math.min(from + STEP_MS, fullFrom));
    result.thinned += store.thinPositions(from, to, settings.downsampleSeconds * 1000);
    store.setMeta(THINNED_UNTIL, String(to));
    from = to;
    await pause();
  }
  result.expired += store.expireStaticReports(fullFrom);
  return result;
}
