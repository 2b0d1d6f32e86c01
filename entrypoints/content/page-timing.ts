/**
 * Performance marks for the benchmark and for anyone profiling a page: scan chunks of the
 * first full read (later chunks are not recorded, so a live page does not grow the
 * performance timeline forever) and hover→card times.
 */
import type { CardShown } from "@/lib/page/controller";
import type { ScanChunk } from "@/lib/page/scanner";

export const SCAN_CHUNK_MEASURE = "briefings:scan-chunk";
export const SCAN_DONE_MARK = "briefings:scan-done";
export const CARD_SHOWN_MEASURE = "briefings:hover-to-card";
export const STORAGE_READ_MEASURE = "briefings:storage-read";
export const MATCHER_LOAD_MEASURE = "briefings:matcher-load";
/** Card timings kept at most, per page. */
const MAX_CARD_MEASURES = 500;

export function createPageTiming() {
  let firstScanDone = false;
  let cardMeasures = 0;
  let loads = 0;
  return {
    /** The first read of extension storage (the matcher arrives with it): waiting, not all main-thread work. */
    onStorageRead(startedAt: number): void {
      performance.measure(STORAGE_READ_MEASURE, { start: startedAt, end: performance.now() });
    },
    /** Building the matcher from its stored form (main-thread work, once per page). */
    onMatcherLoaded(startedAt: number): void {
      if (loads++ === 0) performance.measure(MATCHER_LOAD_MEASURE, { start: startedAt, end: performance.now() });
    },
    onChunk(chunk: ScanChunk): void {
      if (firstScanDone) return;
      performance.measure(SCAN_CHUNK_MEASURE, { start: chunk.startedAt, end: chunk.endedAt, detail: { textNodes: chunk.textNodes, matchMs: chunk.matchMs } });
      if (chunk.done) {
        firstScanDone = true;
        performance.mark(SCAN_DONE_MARK);
      }
    },
    /** Called when the card is placed on screen. */
    onCardPlaced(shown: CardShown | null): void {
      if (!shown || cardMeasures >= MAX_CARD_MEASURES) return;
      cardMeasures++;
      performance.measure(CARD_SHOWN_MEASURE, { start: shown.triggeredAt, end: performance.now(), detail: { entityId: shown.entityId, status: shown.status } });
    },
  };
}
