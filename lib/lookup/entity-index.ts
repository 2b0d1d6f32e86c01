/**
 * A per-entity index of the archive kept in the `meta` table: for every tagged entity, how many
 * articles name it and the ids of the newest of them. The card needs exactly that, and asking
 * IndexedDB live costs time in proportion to the entity's articles (Chromium reads ~10 µs per
 * index entry: counting a head of state's 40,000 articles alone takes ~250 ms), whereas one
 * index row answers in a millisecond, also right after the service worker starts.
 *
 * The index is rebuilt by the background after each change to the archive. It records the
 * state of the sources it was built from; any sync that moved a source's cursor since, or a
 * snapshot load still in progress, makes it stale, and lookups then query the articles live.
 */
import { z } from "zod";
import type { BriefingsDB } from "../db/database";
import type { Article } from "../schema";

const STAMP_KEY = "entityIndex";
const ROW_PREFIX = "entityIndex:";
/** snapshot-progress.ts keeps this row while a multi-shard snapshot load is under way. */
const SNAPSHOT_LOAD_PREFIX = "snapshotLoad:";
/** Articles read per request while rebuilding (bounded memory per step, few round trips). */
const PAGE = 2000;

const IndexRow = z.object({ total: z.number().int().nonnegative(), newest: z.array(z.string()) });
export type EntityIndexRow = z.infer<typeof IndexRow>;
const Stamp = z.object({ sources: z.string(), keep: z.number().int().positive() });

/** What the archive's content depends on: every source's archive id and seq. */
async function sourcesStamp(db: BriefingsDB): Promise<string | null> {
  const [sources, loading] = await Promise.all([db.sources.toArray(), db.meta.where("key").startsWith(SNAPSHOT_LOAD_PREFIX).count()]);
  if (loading > 0) return null;
  return sources
    .map((s) => `${s.id}@${s.archiveId ?? ""}#${s.seq ?? ""}`)
    .sort()
    .join("\n");
}

async function readStamp(db: BriefingsDB): Promise<z.infer<typeof Stamp> | undefined> {
  const parsed = Stamp.safeParse((await db.meta.get(STAMP_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** True when lookups cannot use the index (never built, cleared, or the archive moved on). */
export async function isEntityIndexStale(db: BriefingsDB): Promise<boolean> {
  return db.transaction("r", [db.meta, db.sources], async () => {
    const [stamp, current] = await Promise.all([readStamp(db), sourcesStamp(db)]);
    return stamp === undefined || current === null || stamp.sources !== current;
  });
}

/**
 * The entity's count and newest article ids (at most `keep` of the build, newest first), or
 * undefined when the index is stale or was built with fewer than `want` ids per entity.
 * Call inside a read transaction that also reads the articles, for a consistent answer.
 */
export async function readEntityIndex(db: BriefingsDB, entityId: string, want: number): Promise<EntityIndexRow | undefined> {
  const [stamp, current, row] = await Promise.all([readStamp(db), sourcesStamp(db), db.meta.get(ROW_PREFIX + entityId)]);
  if (stamp === undefined || current === null || stamp.sources !== current || stamp.keep < want) return undefined;
  // An entity no article names has no row.
  if (row === undefined) return { total: 0, newest: [] };
  const parsed = IndexRow.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

/** Marks the index unusable, before a change that the sources' cursors will not show. */
export async function clearEntityIndex(db: BriefingsDB): Promise<void> {
  await db.meta.delete(STAMP_KEY);
}

/** Newest first; undated after dated, then by id (as lib/db/queries.ts orders them). */
function newerFirst(a: { id: string; published?: string | undefined }, b: { id: string; published?: string | undefined }): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface EntityIndexBuild {
  built: boolean;
  articles: number;
  entities: number;
  ms: number;
}

/**
 * Rebuilds the index from every article, keeping the newest `keep` ids per entity. Reads in
 * pages outside any long transaction; if the sources moved meanwhile, nothing is written.
 */
export async function refreshEntityIndex(db: BriefingsDB, keep: number): Promise<EntityIndexBuild> {
  const started = performance.now();
  const stampBefore = await sourcesStamp(db);
  if (stampBefore === null) return { built: false, articles: 0, entities: 0, ms: performance.now() - started };

  const byEntity = new Map<string, Array<Pick<Article, "id" | "published">>>();
  let articles = 0;
  let after: string | undefined;
  for (;;) {
    const page: Article[] = await (after === undefined ? db.articles.orderBy(":id") : db.articles.where(":id").above(after)).limit(PAGE).toArray();
    for (const a of page) {
      const brief = a.published === undefined ? { id: a.id } : { id: a.id, published: a.published };
      for (const entityId of new Set(a.entityIds)) {
        const list = byEntity.get(entityId);
        if (list) list.push(brief);
        else byEntity.set(entityId, [brief]);
      }
    }
    articles += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }

  const rows = [...byEntity].map(([entityId, list]) => ({
    key: ROW_PREFIX + entityId,
    value: { total: list.length, newest: list.sort(newerFirst).slice(0, keep).map((a) => a.id) } satisfies EntityIndexRow,
  }));
  const built = await db.transaction("rw", [db.meta, db.sources], async () => {
    if ((await sourcesStamp(db)) !== stampBefore) return false;
    const old = await db.meta.where("key").startsWith(ROW_PREFIX).primaryKeys();
    await db.meta.bulkDelete(old);
    await db.meta.bulkPut(rows);
    await db.meta.put({ key: STAMP_KEY, value: { sources: stampBefore, keep } });
    return true;
  });
  return { built, articles, entities: rows.length, ms: performance.now() - started };
}
