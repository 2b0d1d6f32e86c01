/** When to retry a failed sync: exponential backoff, so a broken feed is not hammered. */

export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;

/** Delay before the next attempt after `failures` consecutive failures: 1 min, 2, 4, … capped at 6 h. */
export function nextRetryDelay(failures: number): number {
  if (Number.isNaN(failures) || failures <= 1) return FIRST_RETRY_MS;
  // 2^9 min already exceeds the cap; clamping the exponent keeps huge counts finite.
  const exponent = Math.min(Math.floor(failures) - 1, 20);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, MAX_RETRY_MS);
}
