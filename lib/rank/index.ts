/**
 * Ranking of briefings for one entity. Pure: the same candidates, page and clock always give
 * the same order. Score = mention weight × recency decay × page co-occurrence boost.
 */
import type { Article, Mention } from "../schema";

export interface RankInput {
  article: Pick<Article, "id" | "title" | "published" | "entityIds">;
  mention: Mention;
}

export interface RankContext {
  /** Milliseconds since the epoch; the ranking never reads the clock itself. */
  now: number;
  /** Other entities spotted on the page the reader is on. */
  pageEntityIds: readonly string[];
  /** Display names for the "why" explanation of shared entities. */
  entityName?: (id: string) => string | undefined;
}

export interface RankedItem<T extends RankInput = RankInput> {
  item: T;
  score: number;
  why: string[];
}

/** Weights: a name in the title says more about an article than one in its summary, and that more than one in the body. */
export const WEIGHTS = { title: 4, summary: 2, body: 1 } as const;
/** Recency halves every two years; analyses stay useful for long, so an old piece is damped, not dropped. */
export const HALF_LIFE_DAYS = 730;
const RECENCY_FLOOR = 0.2;
/** Undated articles rank as if they were a few years old: their age is unknown, not zero. */
const UNDATED_RECENCY = 0.35;
/** Each other entity of the page that the article shares adds 35%, up to three of them. */
const CO_OCCURRENCE_STEP = 0.35;
const CO_OCCURRENCE_MAX = 3;

const DAY_MS = 86_400_000;

export function mentionWeight(m: Mention): number {
  const inTitle = m.inTitle ?? 0;
  const inSummary = m.inSummary ?? 0;
  const inBody = Math.max(0, m.count - inTitle - inSummary);
  // Body mentions grow logarithmically: ten mentions are not ten times as relevant as one.
  return WEIGHTS.title * inTitle + WEIGHTS.summary * inSummary + WEIGHTS.body * Math.log2(1 + inBody);
}

export function recencyFactor(published: string | undefined, now: number): number {
  if (!published) return UNDATED_RECENCY;
  const t = Date.parse(published);
  if (Number.isNaN(t)) return UNDATED_RECENCY;
  const ageDays = Math.max(0, (now - t) / DAY_MS);
  return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

export function sharedPageEntities(entityIds: readonly string[], ctx: RankContext, self: string): string[] {
  const onPage = new Set(ctx.pageEntityIds);
  return entityIds.filter((id) => id !== self && onPage.has(id));
}

export function rankBriefings<T extends RankInput>(candidates: readonly T[], ctx: RankContext): RankedItem<T>[] {
  const ranked = candidates.map((item) => {
    const m = item.mention;
    const shared = sharedPageEntities(item.article.entityIds, ctx, m.entityId);
    const boost = 1 + CO_OCCURRENCE_STEP * Math.min(shared.length, CO_OCCURRENCE_MAX);
    const score = mentionWeight(m) * recencyFactor(item.article.published, ctx.now) * boost;
    return { item, score, why: explain(item, shared, ctx) };
  });
  // Ties: newer first, then id, so the order is total and stable across runs.
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (b.item.article.published ?? "").localeCompare(a.item.article.published ?? "") ||
      a.item.article.id.localeCompare(b.item.article.id),
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function explain(item: RankInput, shared: string[], ctx: RankContext): string[] {
  const m = item.mention;
  const why: string[] = [];
  const inTitle = m.inTitle ?? 0;
  const inSummary = m.inSummary ?? 0;
  const inBody = Math.max(0, m.count - inTitle - inSummary);
  if (inTitle > 0) why.push("named in the title");
  if (inSummary > 0) why.push("named in the summary");
  if (inBody > 0) why.push(`${plural(inBody, "mention")} in the text`);
  why.push(item.article.published ? `published ${item.article.published.slice(0, 10)}` : "undated");
  if (shared.length > 0) {
    const names = shared.slice(0, 3).map((id) => ctx.entityName?.(id) ?? id);
    why.push(`also about ${names.join(", ")} from this page`);
  }
  return why;
}
