/** The shapes the feed sync client takes and returns (architecture.md §4). */

/** `fetch` or a stand-in with the same contract (tests, instrumented fetches). */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** Where a source's feed lives; `name` labels a source row created on first sync. */
export interface FeedSourceRef {
  id: string;
  feedUrl: string;
  name?: string;
}

export type SyncPhase = "manifest" | "gazetteer" | "snapshot" | "deltas";

/** `done` of `total` files of the current phase are applied. */
export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

export type SyncResult =
  | {
      ok: true;
      /** The source's seq after this sync. */
      seq: number;
      /** Feed files (snapshot shards and deltas) applied by this sync. */
      applied: number;
      upToDate: boolean;
    }
  | { ok: false; error: string };

export interface SyncOptions {
  /**
   * Reload the snapshot even when the seq matches: the embedded archive is rebuilt with each
   * extension release, so its seq alone does not prove the content is the same.
   */
  forceSnapshot?: boolean;
  /** Per-file download limit; a stalled server fails the file instead of hanging the sync. */
  timeoutMs?: number;
}
