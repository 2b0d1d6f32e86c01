/**
 * Answers "what does the archive say about this entity?" for the card: the entity's facts and
 * its briefings ranked for the page the reader is on. Runs in the background next to the DB.
 */
import { z } from "zod";
import type { BriefingsDB } from "../db/database";
import { articlesForEntity } from "../db/queries";
import { rankBriefings } from "../rank";
import { EntityType, HttpUrl, type Entity } from "../schema";
import { buildSnippet } from "./snippet";

/** How many of the newest tagged articles are ranked; the card shows 3 and "more…" the rest. */
export const CANDIDATES = 200;
export const MAX_BRIEFINGS = 20;
/** Other spellings shown on the card. */
const MAX_SPELLINGS = 8;

export const LookupRequest = z.object({
  type: z.literal("lookup"),
  entityId: z.string().min(1).max(200),
  pageEntityIds: z.array(z.string().max(200)).max(500).default([]),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const Briefing = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().optional(),
  dateText: z.string().optional(),
  source: z.string(),
  sourceName: z.string(),
  url: HttpUrl.optional(),
  snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) }),
  score: z.number(),
  why: z.array(z.string()),
});
export type Briefing = z.infer<typeof Briefing>;

export const LookupResult = z.object({
  entity: z
    .object({
      id: z.string(),
      name: z.string(),
      type: EntityType,
      description: z.string(),
      labels: z.array(z.string()),
    })
    .nullable(),
  total: z.number().int().nonnegative(),
  briefings: z.array(Briefing),
});
export type LookupResult = z.infer<typeof LookupResult>;

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

export async function lookupBriefings(db: BriefingsDB, req: LookupRequest, opts: { now: number; uiLang?: string }): Promise<LookupResult> {
  const [entity, candidates, sources] = await Promise.all([
    db.entities.get(req.entityId),
    articlesForEntity(db, req.entityId, CANDIDATES),
    db.sources.toArray(),
  ]);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const pageEntities = await db.entities.bulkGet(req.pageEntityIds.slice(0, 50));
  const names = new Map(pageEntities.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));

  const inputs = candidates.flatMap((article) => {
    const mention = article.mentions.find((m) => m.entityId === req.entityId);
    return mention ? [{ article, mention }] : [];
  });
  const ranked = rankBriefings(inputs, { now: opts.now, pageEntityIds: req.pageEntityIds, entityName: (id) => names.get(id) });
  const total = await db.articles.where("entityIds").equals(req.entityId).count();

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
