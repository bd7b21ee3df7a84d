/**
 * Reconnect delays: exponential, capped, with jitter.
 *
 * "Equal jitter": half the exponential delay is fixed, half random. The fixed
 * half keeps a dead feed from being hammered; the random half keeps a fleet of
 * servers that lost the same feed at the same moment from reconnecting in step.
 */
export interface BackoffPolicy {
  /** Delay before the first retry, ms. */
  readonly initialMs: number;
  /** Longest delay, ms. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/** The delay before retry number `attempt` (0 for the first); `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}
