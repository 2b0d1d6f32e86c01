/**
 * Answers "what does the archive say about this entity?" for the card: the entity's facts and
 * its briefings ranked for the page the reader is on. Runs in the background next to the DB.
 */
import type { BriefingsDB } from "../db/database";
import { newestArticlesForEntity, type EntityArticles } from "../db/queries";
import { rankBriefings } from "../rank";
import type { Article, Entity } from "../schema";
import { readEntityIndex } from "./entity-index";
import { buildSnippet } from "./snippet";
import type { LookupRequest, LookupResult } from "./types";

export { Briefing, LookupRequest, LookupResult } from "./types";

/** How many of the newest tagged articles are ranked; the card shows 3 and "more…" the rest. */
export const CANDIDATES = 200;
export const MAX_BRIEFINGS = 20;
/** Other spellings shown on the card. */
const MAX_SPELLINGS = 8;

/** Description in the reader's language when the gazetteer has one, else English. */
function describe(entity: Entity, uiLang: string): string {
  const d = entity.description as Record<string, string | undefined>;
  return d[uiLang] ?? d.en ?? "";
}

/** Other spellings: distinct labels, the display name excluded, shortest first per language order. */
export function otherSpellings(entity: Entity): string[] {
  const seen = new Set([entity.name.toLocaleLowerCase()]);
  const out: string[] = [];
  for (const labels of Object.values(entity.labels)) {
    for (const l of labels ?? []) {
      const k = l.toLocaleLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(l);
    }
  }
  return out.slice(0, MAX_SPELLINGS);
}

/** The entity's article count and newest candidates: from the entity index when it is current, else live. */
async function candidatesFor(db: BriefingsDB, entityId: string, onStaleIndex: (() => void) | undefined): Promise<EntityArticles> {
  const indexed = await readEntityIndex(db, entityId, CANDIDATES);
  if (indexed === undefined) {
    onStaleIndex?.();
    return newestArticlesForEntity(db, entityId, CANDIDATES);
  }
  const articles = await db.articles.bulkGet(indexed.newest.slice(0, CANDIDATES));
  return { total: indexed.total, articles: articles.filter((a): a is Article => a !== undefined) };
}

export interface LookupOptions {
  now: number;
  uiLang?: string;
  /** Called when the entity index was stale and the archive was queried live (so it can be rebuilt). */
  onStaleIndex?: () => void;
}

export async function lookupBriefings(db: BriefingsDB, req: LookupRequest, opts: LookupOptions): Promise<LookupResult> {
  // One read transaction: the index and the articles it names are read at the same state.
  const [entity, { total, articles: candidates }, sources, pageEntities] = await db.transaction("r", [db.entities, db.articles, db.sources, db.meta], () =>
    Promise.all([
      db.entities.get(req.entityId),
      candidatesFor(db, req.entityId, opts.onStaleIndex),
      db.sources.toArray(),
      db.entities.bulkGet(req.pageEntityIds.slice(0, 50)),
    ]),
  );
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const names = new Map(pageEntities.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));

  const inputs = candidates.flatMap((article) => {
    const mention = article.mentions.find((m) => m.entityId === req.entityId);
    return mention ? [{ article, mention }] : [];
  });
  const ranked = rankBriefings(inputs, { now: opts.now, pageEntityIds: req.pageEntityIds, entityName: (id) => names.get(id) });

  return {
    entity: entity
      ? { id: entity.id, name: entity.name, type: entity.type, description: describe(entity, opts.uiLang ?? "en"), labels: otherSpellings(entity) }
      : null,
    total,
    briefings: ranked.slice(0, MAX_BRIEFINGS).map(({ item: { article, mention }, score, why }) => ({
      id: article.id,
      title: article.title,
      published: article.published,
      dateText: article.dateText,
      source: article.source,
      sourceName: sourceName.get(article.source) ?? article.source,
      url: article.url,
      snippet: buildSnippet(article, mention),
      score: Math.round(score * 1000) / 1000,
      why,
    })),
  };
}
