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
import { CANDIDATES } from "../lookup";
import { clearEntityIndex, isEntityIndexStale, refreshEntityIndex } from "../lookup/entity-index";
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
  /** Rebuilds the lookups' entity index if the archive changed since it was built. */
  refreshLookupIndex(): Promise<void>;
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
    // A new release may change the packaged articles at the same seq: the entity index's
    // record of source cursors would not notice, so it is dropped before the load.
    await clearEntityIndex(db);
    const loaded = await loadEmbeddedArchive(db, fetchFn, activity.progressOf(EMBEDDED_SOURCE_ID));
    await refreshIndexIfStale();
    if (!loaded.ok) return `Built-in archive: ${loaded.error}`;
    const matcher = await storeCompiledMatcher(db, fetchFn);
    if (!matcher.ok) return matcher.error;
    return undefined;
  }

  /**
   * Rebuilding reads every article (~4 s per 100k), so it runs only after the archive changed.
   * Until it is done, lookups query the archive live: slower, same answers.
   */
  async function refreshIndexIfStale(): Promise<void> {
    if (!(await isEntityIndexStale(db))) return;
    const build = await refreshEntityIndex(db, CANDIDATES);
    // One line per rebuild: how long a large archive keeps lookups on the slower live path.
    if (build.built) console.info(`Belarus Briefings: lookup index rebuilt (${build.articles} articles, ${build.entities} entities, ${Math.round(build.ms)} ms)`);
    else console.info("Belarus Briefings: the archive changed while the lookup index was rebuilt; it is rebuilt after the next sync");
  }

  let indexRefreshQueued = false;

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
    await refreshIndexIfStale();
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
        else await refreshIndexIfStale();
      }),
    onStartup: () =>
      exclusive(async () => {
        await ensurePeriodicSync();
        if (await archiveNeedsLoad()) settle(await loadArchive());
        else await refreshIndexIfStale();
      }),
    onAlarm: (name) => (isSyncAlarm(name) ? exclusive(syncRound) : Promise.resolve()),
    syncSources: () => exclusive(syncRound),
    refreshLookupIndex: () => {
      // Every lookup on a stale index asks; one queued rebuild answers them all.
      if (indexRefreshQueued) return Promise.resolve();
      indexRefreshQueued = true;
      return exclusive(async () => {
        indexRefreshQueued = false;
        await refreshIndexIfStale();
      });
    },
    status: () => readStatus(db, activity.get()),
  };
}
