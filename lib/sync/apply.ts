/**
 * Applying one verified feed file to the archive: its ops and the source's cursor change in
 * a single Dexie transaction, so the database is always at a seq some file left it at.
 */
import type { BriefingsDB } from "../db/database";
import type { Article, FeedOp } from "../schema";
import { appliedShardKey, appliedShards, clearSnapshotLoad } from "./snapshot-progress";

export interface Cursor {
  seq: number;
  archiveId: string;
}

/**
 * Folds a file's ops to the final state per article id (a later op wins). Articles are
 * stored under the local source id they were synced from: that is what a snapshot replaces
 * and what a delete may remove, whatever the publisher wrote in `article.source`.
 */
function foldOps(ops: readonly FeedOp[], sourceId: string): { puts: Map<string, Article>; deletes: Set<string> } {
  const puts = new Map<string, Article>();
  const deletes = new Set<string>();
  for (const op of ops) {
    if (op.op === "put") {
      deletes.delete(op.article.id);
      puts.set(op.article.id, { ...op.article, source: sourceId });
    } else {
      puts.delete(op.id);
      deletes.add(op.id);
    }
  }
  return { puts, deletes };
}

/** Writes puts and the deletes of articles this source owns (another source's article with the same id stays). */
async function writeOps(db: BriefingsDB, sourceId: string, ops: readonly FeedOp[]): Promise<Set<string>> {
  const { puts, deletes } = foldOps(ops, sourceId);
  if (deletes.size > 0) {
    const ids = [...deletes];
    const existing = await db.articles.bulkGet(ids);
    const owned = ids.filter((_, i) => existing[i]?.source === sourceId);
    await db.articles.bulkDelete(owned);
  }
  if (puts.size > 0) await db.articles.bulkPut([...puts.values()]);
  return new Set(puts.keys());
}

async function moveCursor(db: BriefingsDB, sourceId: string, cursor: Cursor): Promise<void> {
  await db.sources.update(sourceId, { seq: cursor.seq, archiveId: cursor.archiveId });
}

/** A delta: its ops and the cursor move to `cursor` (the delta's `to`). */
export async function applyDelta(db: BriefingsDB, sourceId: string, ops: readonly FeedOp[], cursor: Cursor): Promise<void> {
  await db.transaction("rw", [db.articles, db.sources, db.meta], async () => {
    await writeOps(db, sourceId, ops);
    await moveCursor(db, sourceId, cursor);
  });
}

/**
 * One shard of a snapshot load. The shard that completes the load (`completes`) also drops
 * the source's articles that are in none of the snapshot's shards, moves the cursor to the
 * snapshot's seq and clears the load's bookkeeping, all in the same transaction.
 */
export async function applySnapshotShard(
  db: BriefingsDB,
  sourceId: string,
  shard: { index: number; sha256: string; ops: readonly FeedOp[] },
  completes: Cursor | undefined,
): Promise<void> {
  await db.transaction("rw", [db.articles, db.sources, db.meta], async () => {
    const ids = await writeOps(db, sourceId, shard.ops);
    if (completes === undefined) {
      await db.meta.put({ key: appliedShardKey(sourceId, shard.index), value: { sha256: shard.sha256, ids: [...ids] } });
      return;
    }
    const keep = ids;
    for (const applied of (await appliedShards(db, sourceId)).values()) for (const id of applied.ids) keep.add(id);
    await finishSnapshot(db, sourceId, keep, completes);
  });
}

/**
 * Completes a snapshot load with no shard left to apply: an empty archive, or a load whose
 * shards were all applied before an interruption.
 */
export async function completeSnapshot(db: BriefingsDB, sourceId: string, cursor: Cursor): Promise<void> {
  await db.transaction("rw", [db.articles, db.sources, db.meta], async () => {
    const keep = new Set<string>();
    for (const applied of (await appliedShards(db, sourceId)).values()) for (const id of applied.ids) keep.add(id);
    await finishSnapshot(db, sourceId, keep, cursor);
  });
}

async function finishSnapshot(db: BriefingsDB, sourceId: string, keep: Set<string>, cursor: Cursor): Promise<void> {
  const owned = await db.articles.where("source").equals(sourceId).primaryKeys();
  await db.articles.bulkDelete(owned.filter((id) => !keep.has(id)));
  await clearSnapshotLoad(db, sourceId);
  await moveCursor(db, sourceId, cursor);
}
