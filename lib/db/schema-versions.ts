/**
 * The IndexedDB layout, one entry per shipped version. Versions only move forward: a
 * shipped declaration or upgrade is never edited, a change is a new version with its own
 * upgrade and a test that opens the previous version's database.
 */
import type { Transaction } from "dexie";

/** Version 1, as first released: no entity index on articles, cursors kept in `meta`. */
export const V1_STORES = {
  articles: "id, source, published",
  entities: "id, type",
  meta: "key",
} as const;

/** Version 2: articles are found by entity (multiEntry index), sources get their own table. */
export const V2_STORES = {
  articles: "id, source, published, *entityIds",
  entities: "id, type",
  sources: "id",
  meta: "key",
} as const;

export const CURRENT_SCHEMA_VERSION = 2;

/** Version 1 kept a feed cursor per source in `meta` under this key prefix. */
export const V1_CURSOR_PREFIX = "cursor:";

/**
 * Version 1 → 2: rows written before entity tagging lack `entityIds`/`mentions` (they must
 * be arrays for the multiEntry index and for readers), and version 1's per-source cursors
 * move from `meta` to the new `sources` table so the next sync resumes instead of reloading.
 */
export async function upgradeV1toV2(tx: Transaction): Promise<void> {
  await tx
    .table("articles")
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      if (!Array.isArray(row.entityIds)) row.entityIds = [];
      if (!Array.isArray(row.mentions)) row.mentions = [];
    });
  const meta = tx.table("meta");
  const cursors = await meta.where("key").startsWith(V1_CURSOR_PREFIX).toArray();
  for (const row of cursors as Array<{ key: string; value: unknown }>) {
    const id = row.key.slice(V1_CURSOR_PREFIX.length);
    const value = (row.value ?? {}) as { seq?: unknown; etag?: unknown };
    await tx.table("sources").put({
      id,
      name: id,
      kind: "briefings-feed",
      enabled: true,
      ...(typeof value.seq === "number" ? { seq: value.seq } : {}),
      ...(typeof value.etag === "string" ? { etag: value.etag } : {}),
    });
    await meta.delete(row.key);
  }
  await meta.put({ key: "schemaVersion", value: 2 });
}
