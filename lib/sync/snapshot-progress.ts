/**
 * Bookkeeping for a snapshot load that spans several shards, each applied in its own
 * transaction. A load interrupted by a dropped connection or a killed service worker
 * resumes at the first unapplied shard, and the final shard's transaction can still tell
 * which articles belong to the snapshot (the rest of the source's articles are removed).
 */
import { z } from "zod";
import type { BriefingsDB } from "../db/database";
import { metaSlot, readMeta } from "../db/meta";

const SnapshotLoad = z.object({
  archiveId: z.string(),
  seq: z.number().int().nonnegative(),
  shards: z.array(z.string()),
});
export type SnapshotLoad = z.infer<typeof SnapshotLoad>;

const AppliedShard = z.object({ sha256: z.string(), ids: z.array(z.string()) });
export type AppliedShard = z.infer<typeof AppliedShard>;

export const snapshotLoadSlot = (sourceId: string) => metaSlot(`snapshotLoad:${sourceId}`, SnapshotLoad);
const shardPrefix = (sourceId: string) => `snapshotShard:${sourceId}:`;
export const appliedShardKey = (sourceId: string, index: number) => `${shardPrefix(sourceId)}${index}`;

function sameLoad(a: SnapshotLoad, b: SnapshotLoad): boolean {
  return a.archiveId === b.archiveId && a.seq === b.seq && a.shards.join() === b.shards.join();
}

/** Applied shards of `sourceId`'s snapshot load, by index (must run inside a transaction on meta to be consistent). */
export async function appliedShards(db: BriefingsDB, sourceId: string): Promise<Map<number, AppliedShard>> {
  const rows = await db.meta.where("key").startsWith(shardPrefix(sourceId)).toArray();
  const out = new Map<number, AppliedShard>();
  for (const row of rows) {
    const index = Number(row.key.slice(shardPrefix(sourceId).length));
    const parsed = AppliedShard.safeParse(row.value);
    if (Number.isInteger(index) && parsed.success) out.set(index, parsed.data);
  }
  return out;
}

/**
 * Starts or resumes a load of `load`: returns the indexes of shards already applied by an
 * earlier, interrupted load of the same snapshot; a different earlier load is forgotten.
 */
export async function beginSnapshotLoad(db: BriefingsDB, sourceId: string, load: SnapshotLoad): Promise<Set<number>> {
  return db.transaction("rw", db.meta, async () => {
    const previous = await readMeta(db, snapshotLoadSlot(sourceId));
    if (previous !== undefined && sameLoad(previous, load)) {
      const applied = await appliedShards(db, sourceId);
      const done = new Set<number>();
      for (const [index, shard] of applied) if (load.shards[index] === shard.sha256) done.add(index);
      return done;
    }
    await clearSnapshotLoad(db, sourceId);
    await db.meta.put({ key: snapshotLoadSlot(sourceId).key, value: load });
    return new Set<number>();
  });
}

export async function clearSnapshotLoad(db: BriefingsDB, sourceId: string): Promise<void> {
  await db.meta.where("key").startsWith(shardPrefix(sourceId)).delete();
  await db.meta.delete(snapshotLoadSlot(sourceId).key);
}
