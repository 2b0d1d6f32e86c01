/**
 * What the background is doing, as one value the popup and options page can show
 * (docs/style.md §6): idle, syncing (file n of m of a phase), or failed with a message.
 */
import type { SyncProgress } from "../sync/types";

export type BackgroundActivity =
  | { kind: "idle" }
  | ({ kind: "syncing"; sourceId: string } & SyncProgress)
  | { kind: "error"; message: string };

export interface ActivityTracker {
  get(): BackgroundActivity;
  set(activity: BackgroundActivity): void;
  /** Progress callback for one source's sync, for `syncFeed`'s `onProgress`. */
  progressOf(sourceId: string): (progress: SyncProgress) => void;
}

export function createActivityTracker(): ActivityTracker {
  let current: BackgroundActivity = { kind: "idle" };
  return {
    get: () => current,
    set: (activity) => {
      current = activity;
    },
    progressOf: (sourceId) => (progress) => {
      current = { kind: "syncing", sourceId, ...progress };
    },
  };
}
