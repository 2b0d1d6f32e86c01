/** Drives a PageScanner by hand in tests: a manual idle scheduler, a settable clock, manual timers. */
import { PageScanner, type MentionFinder, type ScanChunk } from "../../../lib/page/scanner";
import type { ChunkDeadline } from "../../../lib/page/idle-scheduler";
import type { PageMention } from "../../../lib/page/mention";

export interface ManualScanner {
  scanner: PageScanner;
  clock: { now: number };
  chunks: ScanChunk[];
  found: PageMention[][];
  cleared: PageMention[][];
  /** Idle callbacks waiting to run. */
  pendingIdle(): number;
  /** Run queued idle callbacks until the scanner has nothing left (or `max` chunks ran). */
  runIdle(max?: number, idleMs?: number): number;
  /** Fire timers that are due at the current clock. */
  fireTimers(): void;
}

export function manualScanner(doc: Document, matcher: MentionFinder, options: { sliceMs?: number; hiddenStopMs?: number } = {}): ManualScanner {
  const clock = { now: 0 };
  const idle: Array<(d: ChunkDeadline) => void> = [];
  const timers = new Map<number, { at: number; cb: () => void }>();
  let nextTimer = 1;
  const frames: Array<() => void> = [];
  const scanner = new PageScanner({
    doc,
    matcher,
    scheduler: {
      request(work) {
        idle.push(work);
        return () => {
          const i = idle.indexOf(work);
          if (i >= 0) idle.splice(i, 1);
        };
      },
    },
    now: () => clock.now,
    setTimeout: (cb, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: clock.now + ms, cb });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id),
    requestFrame: (cb) => void frames.push(cb),
    ...options,
  });
  const chunks: ScanChunk[] = [];
  const found: PageMention[][] = [];
  const cleared: PageMention[][] = [];
  scanner.events.on("chunk", (c) => chunks.push(c));
  scanner.events.on("found", ({ mentions }) => found.push(mentions));
  scanner.events.on("cleared", ({ mentions }) => cleared.push(mentions));
  return {
    scanner,
    clock,
    chunks,
    found,
    cleared,
    pendingIdle: () => idle.length,
    runIdle(max = 10_000, idleMs = 50) {
      let ran = 0;
      while (idle.length && ran < max) {
        const work = idle.shift()!;
        const end = clock.now + idleMs;
        work({ timeRemaining: () => Math.max(0, end - clock.now) });
        ran++;
      }
      return ran;
    },
    fireTimers() {
      for (const [id, t] of [...timers]) {
        if (t.at <= clock.now) {
          timers.delete(id);
          t.cb();
        }
      }
    },
  };
}

export function mentionTexts(scanner: PageScanner): string[] {
  return scanner.mentions().map((m) => m.text);
}
