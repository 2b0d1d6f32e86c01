/** Read queries over the archive used by the background (status, lookups). */
import type { Article } from "../schema";
import type { BriefingsDB } from "./database";

/**
 * Above this many matches it is cheaper to walk the `published` index newest-first and stop
 * at `limit` than to load every matching article and sort it (a head of state can appear
 * in most of a 100k-article archive).
 */
const LOAD_ALL_THRESHOLD = 2000;

/** Newest first; articles without a date come after dated ones, ordered by id. */
function byRecency(a: Article, b: Article): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Articles tagged with `entityId`, newest first, at most `limit`. */
export async function articlesForEntity(db: BriefingsDB, entityId: string, limit = 50): Promise<Article[]> {
  if (limit <= 0) return [];
  const matches = db.articles.where("entityIds").equals(entityId);
  const total = await matches.count();
  if (total > LOAD_ALL_THRESHOLD) {
    const dated = await db.articles
      .orderBy("published")
      .reverse()
      .filter((a) => a.entityIds.includes(entityId))
      .limit(limit)
      .toArray();
    // Rows without `published` are not in that index; the full load below covers them.
    if (dated.length === limit) return dated;
  }
  const all = await matches.toArray();
  return all.sort(byRecency).slice(0, limit);
}

export interface ArchiveCounts {
  articles: number;
  entities: number;
}

export async function counts(db: BriefingsDB): Promise<ArchiveCounts> {
  const [articles, entities] = await Promise.all([db.articles.count(), db.entities.count()]);
  return { articles, entities };
}
