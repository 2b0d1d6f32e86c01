/**
 * The feed sync client (architecture.md §4): manifest → gazetteer → deltas or snapshot
 * shards, each file verified (sha256, zod) and applied in one transaction with the cursor.
 * A failure stops at the file that failed: files before it stay applied, nothing of it is,
 * and the error is stored on the source and returned.
 */
import type { BriefingsDB } from "../db/database";
import { LAST_SYNC, writeMeta } from "../db/meta";
import { HttpUrl, Manifest, type Source } from "../schema";
import { applyDelta, applySnapshotShard, completeSnapshot, type Cursor } from "./apply";
import { download, downloadVerified } from "./download";
import { parseFeedOps } from "./feed-ops";
import { resolveFeedFile } from "./feed-url";
import { syncGazetteer } from "./gazetteer";
import { planSync, type Delta } from "./plan";
import { beginSnapshotLoad } from "./snapshot-progress";
import type { FeedSourceRef, FetchFn, SyncOptions, SyncProgress, SyncResult } from "./types";
import { describeIssues } from "./zod-issues";

type Failure = { ok: false; error: string };

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

async function ensureSource(db: BriefingsDB, ref: FeedSourceRef): Promise<Source> {
  const existing = await db.sources.get(ref.id);
  if (existing !== undefined) return existing;
  const row: Source = {
    id: ref.id,
    name: ref.name ?? ref.id,
    kind: "briefings-feed",
    enabled: true,
    // Only web feeds are recorded: the embedded archive's address changes with the install.
    ...(HttpUrl.safeParse(ref.feedUrl).success ? { feedUrl: ref.feedUrl } : {}),
  };
  await db.sources.put(row);
  return row;
}

function stays(source: Source | undefined): string {
  return source?.seq !== undefined ? `The archive stays at seq ${source.seq}.` : "The archive has no data from this feed yet.";
}

/** The ETag is dropped too: it must only ever describe a manifest that was fully applied. */
async function recordFailure(db: BriefingsDB, sourceId: string, error: string): Promise<Failure> {
  await db.sources.update(sourceId, { lastError: error, etag: undefined });
  return { ok: false, error };
}

async function recordSuccess(db: BriefingsDB, sourceId: string, etag: string | undefined): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction("rw", [db.sources, db.meta], async () => {
    await db.sources.update(sourceId, { lastOk: now, lastError: undefined, etag });
    await writeMeta(db, LAST_SYNC, now);
  });
}

/**
 * Brings `source` up to date with its feed. Never throws: storage failures (a full disk,
 * a closed database) come back as error values like network and feed errors.
 */
export async function syncFeed(
  db: BriefingsDB,
  source: FeedSourceRef,
  fetchFn: FetchFn = defaultFetch,
  onProgress?: (progress: SyncProgress) => void,
  options: SyncOptions = {},
): Promise<SyncResult> {
  try {
    return await runSync(db, source, fetchFn, onProgress, options);
  } catch (err) {
    const error = `Storing ${source.id} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}. Free some disk space or restart the browser; the next sync retries.`;
    try {
      return await recordFailure(db, source.id, error);
    } catch (recordErr) {
      // The database itself is unusable; the caller still gets the first error.
      console.error("Belarus Briefings: could not record a sync failure", recordErr);
      return { ok: false, error };
    }
  }
}

async function runSync(
  db: BriefingsDB,
  source: FeedSourceRef,
  fetchFn: FetchFn,
  onProgress: ((progress: SyncProgress) => void) | undefined,
  options: SyncOptions,
): Promise<SyncResult> {
  const report = (phase: SyncProgress["phase"], done: number, total: number) => onProgress?.({ phase, done, total });
  const stored = await ensureSource(db, source);
  const force = options.forceSnapshot === true;
  const timeoutMs = options.timeoutMs;
  const fail = async (what: string) => recordFailure(db, source.id, `${what} ${stays(await db.sources.get(source.id))}`);

  report("manifest", 0, 1);
  const canRevalidate = !force && stored.seq !== undefined && stored.etag !== undefined;
  const got = await download(fetchFn, source.feedUrl, "Feed manifest", {
    ...(canRevalidate && stored.etag !== undefined ? { etag: stored.etag } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  if (!got.ok) return fail(got.error);
  if (got.notModified) {
    report("manifest", 1, 1);
    await recordSuccess(db, source.id, stored.etag);
    return { ok: true, seq: stored.seq ?? 0, applied: 0, upToDate: true };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(got.bytes));
  } catch (err) {
    return fail(`Feed manifest (${source.feedUrl}) is not JSON (${err instanceof Error ? err.message : String(err)}). Check that the address points to a feed's manifest.json.`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    return fail(`Feed manifest (${source.feedUrl}) is not a briefings feed: ${describeIssues(parsed.error)}.`);
  }
  const manifest = parsed.data;
  report("manifest", 1, 1);

  if (manifest.gazetteer !== undefined) {
    report("gazetteer", 0, 1);
    const gazUrl = resolveFeedFile(source.feedUrl, manifest.gazetteer.url);
    if (!gazUrl.ok) return fail(`Feed manifest (${source.feedUrl}) is invalid: ${gazUrl.error}.`);
    const gaz = await syncGazetteer(
      db,
      source.id,
      { ...manifest.gazetteer, url: gazUrl.url },
      fetchFn,
      { force, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
    );
    if (!gaz.ok) return fail(gaz.error);
    report("gazetteer", 1, 1);
  }

  const localSeq = stored.archiveId === manifest.archiveId ? stored.seq : undefined;
  const plan = planSync(manifest, localSeq, force);
  if (plan.kind === "broken") return fail(`Feed manifest (${source.feedUrl}) is inconsistent: ${plan.reason}. Ask the feed's publisher to rebuild it.`);
  if (plan.kind === "upToDate") {
    report("deltas", 0, 0);
    await recordSuccess(db, source.id, got.etag);
    return { ok: true, seq: manifest.seq, applied: 0, upToDate: true };
  }

  let applied = 0;
  let deltas: Delta[];
  if (plan.kind === "snapshot") {
    const loaded = await loadSnapshot(db, source, manifest, fetchFn, report, timeoutMs);
    if (!loaded.ok) return fail(loaded.error);
    applied += loaded.applied;
    deltas = plan.thenDeltas;
  } else {
    deltas = plan.deltas;
  }

  for (const [i, delta] of deltas.entries()) {
    report("deltas", i, deltas.length);
    const label = `Delta ${delta.from}→${delta.to}`;
    const resolved = resolveFeedFile(source.feedUrl, delta.url);
    if (!resolved.ok) return fail(`Feed manifest (${source.feedUrl}) is invalid: ${resolved.error}.`);
    const url = resolved.url;
    const file = await downloadVerified(fetchFn, url, delta.sha256, label, timeoutMs);
    if (!file.ok) return fail(file.error);
    const ops = parseFeedOps(file.bytes);
    if (!ops.ok) return fail(`${label} (${url}) was rejected: ${ops.error}. Nothing from it was applied.`);
    await applyDelta(db, source.id, ops.ops, { seq: delta.to, archiveId: manifest.archiveId });
    applied += 1;
  }
  report("deltas", deltas.length, deltas.length);

  await recordSuccess(db, source.id, got.etag);
  return { ok: true, seq: manifest.seq, applied, upToDate: false };
}

async function loadSnapshot(
  db: BriefingsDB,
  source: FeedSourceRef,
  manifest: Manifest,
  fetchFn: FetchFn,
  report: (phase: SyncProgress["phase"], done: number, total: number) => void,
  timeoutMs: number | undefined,
): Promise<{ ok: true; applied: number } | Failure> {
  const shards = manifest.snapshot.shards;
  const cursor: Cursor = { seq: manifest.snapshot.seq, archiveId: manifest.archiveId };
  const done = await beginSnapshotLoad(db, source.id, {
    archiveId: manifest.archiveId,
    seq: manifest.snapshot.seq,
    shards: shards.map((s) => s.sha256),
  });
  const pending = shards.map((shard, index) => ({ ...shard, index })).filter((s) => !done.has(s.index));
  if (pending.length === 0) {
    await completeSnapshot(db, source.id, cursor);
    return { ok: true, applied: 0 };
  }
  let applied = 0;
  for (const [i, shard] of pending.entries()) {
    report("snapshot", done.size + i, shards.length);
    const label = `Snapshot shard ${shard.index + 1} of ${shards.length}`;
    const resolved = resolveFeedFile(source.feedUrl, shard.url);
    if (!resolved.ok) return { ok: false, error: `Feed manifest (${source.feedUrl}) is invalid: ${resolved.error}.` };
    const url = resolved.url;
    const file = await downloadVerified(fetchFn, url, shard.sha256, label, timeoutMs);
    if (!file.ok) return { ok: false, error: file.error };
    const ops = parseFeedOps(file.bytes);
    if (!ops.ok) return { ok: false, error: `${label} (${url}) was rejected: ${ops.error}. Nothing from it was applied.` };
    const isLast = i === pending.length - 1;
    await applySnapshotShard(db, source.id, { index: shard.index, sha256: shard.sha256, ops: ops.ops }, isLast ? cursor : undefined);
    applied += 1;
  }
  report("snapshot", shards.length, shards.length);
  return { ok: true, applied };
}
