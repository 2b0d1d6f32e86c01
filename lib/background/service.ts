/**
 * The background's work behind one interface that reports its state (docs/style.md §6):
 * loading the embedded archive, syncing user feeds, storing the matcher for content
 * scripts. Jobs run one at a time, so an install-time load and a "sync now" never
 * interleave their transactions on the same source.
 */
import type { BriefingsDB } from "../db/database";
import type { BackgroundStatus } from "../messages";
import type { FetchFn } from "../sync/types";
import { syncFeed } from "../sync/sync-feed";
import { createActivityTracker, type ActivityTracker } from "./activity";
import { EMBEDDED_SOURCE_ID, loadEmbeddedArchive } from "./embedded-archive";
import { storeCompiledMatcher } from "./matcher-store";
import { readStatus } from "./status";
import { ensurePeriodicSync, isSyncAlarm, recordRoundOutcome } from "./sync-alarms";

export interface BackgroundDeps {
  db: BriefingsDB;
  fetchFn?: FetchFn;
}

export interface BriefingsBackground {
  readonly db: BriefingsDB;
  readonly activity: ActivityTracker;
  /** `reason` as in runtime.onInstalled: "install", "update", "chrome_update", … */
  onInstalled(reason: string): Promise<void>;
  onStartup(): Promise<void>;
  onAlarm(name: string): Promise<void>;
  /** Syncs every enabled user feed (and the embedded archive if it never loaded). */
  syncSources(): Promise<void>;
  status(): Promise<BackgroundStatus>;
}

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

export function createBackground({ db, fetchFn = defaultFetch }: BackgroundDeps): BriefingsBackground {
  const activity = createActivityTracker();
  let queue: Promise<void> = Promise.resolve();

  function exclusive(job: () => Promise<void>): Promise<void> {
    const run = queue.then(job).catch((err: unknown) => {
      const message = `Unexpected background failure: ${err instanceof Error ? err.message : String(err)}. Reload the extension.`;
      console.error("Belarus Briefings:", err);
      activity.set({ kind: "error", message });
    });
    queue = run;
    return run;
  }

  /** Reloads the packaged archive and matcher; returns an error message or undefined. */
  async function loadArchive(): Promise<string | undefined> {
    const loaded = await loadEmbeddedArchive(db, fetchFn, activity.progressOf(EMBEDDED_SOURCE_ID));
    if (!loaded.ok) return `Built-in archive: ${loaded.error}`;
    const matcher = await storeCompiledMatcher(db, fetchFn);
    if (!matcher.ok) return matcher.error;
    return undefined;
  }

  /**
   * Never loaded, or emptied (storage cleared by the user or the browser). Its cursor may
   * still claim the current seq, so the load is always a forced snapshot.
   */
  async function archiveNeedsLoad(): Promise<boolean> {
    const source = await db.sources.get(EMBEDDED_SOURCE_ID);
    return source?.seq === undefined || (await db.articles.count()) === 0;
  }

  function settle(error: string | undefined): void {
    activity.set(error === undefined ? { kind: "idle" } : { kind: "error", message: error });
  }

  async function syncRound(): Promise<void> {
    const errors: string[] = [];
    if (await archiveNeedsLoad()) {
      const error = await loadArchive();
      if (error !== undefined) errors.push(error);
    }
    const sources = (await db.sources.toArray()).filter(
      (s) => s.id !== EMBEDDED_SOURCE_ID && s.enabled && s.kind === "briefings-feed" && s.feedUrl !== undefined,
    );
    for (const source of sources) {
      const feedUrl = source.feedUrl;
      if (feedUrl === undefined) continue;
      const result = await syncFeed(db, { id: source.id, feedUrl }, fetchFn, activity.progressOf(source.id));
      if (!result.ok) errors.push(`${source.name}: ${result.error}`);
    }
    await recordRoundOutcome(db, errors.length > 0);
    settle(errors.length > 0 ? errors.join("\n") : undefined);
  }

  return {
    db,
    activity,
    onInstalled: (reason) =>
      exclusive(async () => {
        await ensurePeriodicSync();
        const fresh = reason === "install" || reason === "update";
        if (fresh || (await archiveNeedsLoad())) settle(await loadArchive());
      }),
    onStartup: () =>
      exclusive(async () => {
        await ensurePeriodicSync();
        if (await archiveNeedsLoad()) settle(await loadArchive());
      }),
    onAlarm: (name) => (isSyncAlarm(name) ? exclusive(syncRound) : Promise.resolve()),
    syncSources: () => exclusive(syncRound),
    status: () => readStatus(db, activity.get()),
  };
}
