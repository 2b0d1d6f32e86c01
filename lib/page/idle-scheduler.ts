/**
 * Runs work in idle time. A chunk gets an IdleDeadline-like object; the scanner stops when
 * the deadline (capped by its own slice) runs out, so no single task grows long.
 */

export interface ChunkDeadline {
  /** Milliseconds left in this idle period. */
  timeRemaining(): number;
}

export interface ChunkScheduler {
  /** Run `work` when the page is idle; returns a cancel function. */
  request(work: (deadline: ChunkDeadline) => void): () => void;
}

export interface IdleTimers {
  requestIdleCallback?: (cb: IdleRequestCallback, options?: IdleRequestOptions) => number;
  cancelIdleCallback?: (handle: number) => void;
  setTimeout: (cb: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  now: () => number;
}

/** Where requestIdleCallback is missing (Safari), pretend each timer turn is a short idle period. */
const FALLBACK_IDLE_MS = 8;
/** Run anyway after this long, so a page that is never idle still gets its names. */
const IDLE_TIMEOUT_MS = 1000;

export function createIdleScheduler(timers: IdleTimers): ChunkScheduler {
  return {
    request(work) {
      const { requestIdleCallback: ric, cancelIdleCallback: cic } = timers;
      if (ric) {
        const handle = ric((deadline) => work(deadline), { timeout: IDLE_TIMEOUT_MS });
        return () => cic?.(handle);
      }
      const handle = timers.setTimeout(() => {
        const end = timers.now() + FALLBACK_IDLE_MS;
        work({ timeRemaining: () => Math.max(0, end - timers.now()) });
      }, 1);
      return () => timers.clearTimeout(handle);
    },
  };
}
