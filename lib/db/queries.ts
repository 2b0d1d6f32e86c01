/** Read queries over the archive used by the background (status, lookups). */
import type { Article } from "../schema";
import type { BriefingsDB } from "./database";

/**
 * Up to this many matches are loaded whole and sorted (~40 µs per ~1 KB article in Chromium);
 * above it the date index is walked newest-first reading primary keys only (~10 µs each), which
 * stops after about limit / share keys. A head of state can be in 40% of the archive.
 */
const LOAD_ALL_UP_TO = 3000;

/** Newest first; articles without a date come after dated ones, ordered by id. */
function byRecency(a: Article, b: Article): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const present = (a: Article | undefined): a is Article => a !== undefined;

export interface EntityArticles {
  /** All articles tagged with the entity. */
  total: number;
  /** The newest `limit` of them, newest first (undated after dated, by id). */
  articles: Article[];
}

/**
 * Articles tagged with `entityId`: how many, and the newest `limit`. The count comes from the
 * matches' primary keys; an entity with many matches is not read whole (see LOAD_ALL_UP_TO).
 */
export async function newestArticlesForEntity(db: BriefingsDB, entityId: string, limit: number): Promise<EntityArticles> {
  const ids = await db.articles.where("entityIds").equals(entityId).primaryKeys();
  const total = ids.length;
  if (limit <= 0 || total === 0) return { total, articles: [] };
  if (total > limit && total > LOAD_ALL_UP_TO) return { total, articles: await newestByDateIndex(db, new Set(ids), limit) };
  const articles = (await db.articles.bulkGet(ids)).filter(present);
  return { total, articles: articles.sort(byRecency).slice(0, limit) };
}

/** Articles tagged with `entityId`, newest first, at most `limit`. */
export async function articlesForEntity(db: BriefingsDB, entityId: string, limit = 50): Promise<Article[]> {
  return (await newestArticlesForEntity(db, entityId, limit)).articles;
}

/**
 * The newest `limit` of `wanted` (more than `limit` ids), found by reading the date index's
 * primary keys newest-first in growing steps, then loading only those articles.
 */
async function newestByDateIndex(db: BriefingsDB, wanted: ReadonlySet<string>, limit: number): Promise<Article[]> {
  for (let step = limit * 4; ; ) {
    const keys = await db.articles.orderBy("published").reverse().limit(step).primaryKeys();
    const picked: string[] = [];
    for (const key of keys) {
      if (wanted.has(key) && picked.push(key) === limit) break;
    }
    if (picked.length === limit) return withWholeLastDate(db, wanted, picked, limit);
    if (keys.length < step) {
      // The whole date index was read: every dated match is picked, the rest have no date.
      const seen = new Set(picked);
      const undated = [...wanted].filter((id) => !seen.has(id)).sort().slice(0, limit - picked.length);
      const articles = (await db.articles.bulkGet([...picked, ...undated])).filter(present);
      return articles.sort(byRecency).slice(0, limit);
    }
    // Next step sized from the share of matches seen so far, at least doubling.
    const share = picked.length / keys.length;
    step = share > 0 ? Math.max(step * 2, Math.ceil((limit / share) * 1.25)) : step * 4;
  }
}

/**
 * The index lists articles of one date by descending id, byRecency by ascending id: matches of
 * the oldest picked date that the walk did not reach may belong before some that it did.
 */
async function withWholeLastDate(db: BriefingsDB, wanted: ReadonlySet<string>, picked: string[], limit: number): Promise<Article[]> {
  const articles = (await db.articles.bulkGet(picked)).filter(present);
  const lastDate = articles.at(-1)?.published;
  if (lastDate !== undefined) {
    const seen = new Set(picked);
    const sameDate = (await db.articles.where("published").equals(lastDate).primaryKeys()).filter((id) => wanted.has(id) && !seen.has(id));
    if (sameDate.length > 0) articles.push(...(await db.articles.bulkGet(sameDate)).filter(present));
  }
  return articles.sort(byRecency).slice(0, limit);
}

export interface ArchiveCounts {
  articles: number;
  entities: number;
}

export async function counts(db: BriefingsDB): Promise<ArchiveCounts> {
  const [articles, entities] = await Promise.all([db.articles.count(), db.entities.count()]);
  return { articles, entities };
}
