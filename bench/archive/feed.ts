/**
 * A large, deterministic briefings archive for the archive benchmark: `count` articles written
 * as a real feed (lib/feed write + fs, the same writer as `briefings build`), tagged with the
 * default gazetteer's matcher exactly as the publisher tags them.
 *
 * Coverage is skewed like a real Belarus archive: the head of state appears in ~40% of the
 * articles, a few names (Minsk, the opposition leader) in thousands, and most entities in a
 * few dozen or fewer (a Zipf-like tail over a seeded shuffle of the gazetteer).
 */
import { writeFeedPlan } from "../../lib/feed/fs";
import { planFeed } from "../../lib/feed/write";
import { articleId } from "../../lib/ingest/article-id";
import { Article, type Entity } from "../../lib/schema";
import { seededRandom } from "../../lib/spot/synthetic-gazetteer";
import { tagArticle } from "../../lib/spot/tag";
import { loadDefaultMatcher } from "../../scripts/cli/default-matcher";

export const HEAD_OF_STATE = "person/alexander-lukashenko";
/** Share of articles that name the head of state. */
const HEAD_SHARE = 0.4;
/** Entities at the top of the tail, in this order; the rest follow in a seeded shuffle. */
const TAIL_HEAD = ["place/minsk", "person/sviatlana-tsikhanouskaya"];
/** Zipf-like weight 1/(rank + OFFSET)^EXPONENT: ~15k articles for rank 0, ~10 for the last. */
const EXPONENT = 1.8;
const OFFSET = 8;
const SOURCE_ID = "bench-archive";

export interface GeneratedArchive {
  articles: number;
  /** Articles tagged with each entity id (after tagging with the real matcher). */
  coverage: Map<string, number>;
  entities: Entity[];
  generateMs: number;
  feedBytes: number;
  shards: number;
}

const FILLER_EN = [
  "Analysts abroad said the decision followed weeks of pressure on independent media.",
  "The Belarusian authorities did not comment on the reports, and state television ignored the story.",
  "Human rights defenders counted dozens of new detentions over the week, most of them for online comments.",
  "Economists noted that exports to the east grew while trade with the west kept falling.",
  "The situation has not changed since the previous review, according to the monitoring group.",
  "Officials announced new measures on prices, wages and the registration of private companies.",
  "Observers described the hearing as closed to the public and to the relatives of the accused.",
  "The ministry said the rules would remain in force until further notice.",
];
const FILLER_RU = [
  "Зарубежные аналитики считают, что решение стало итогом давления на независимые СМИ.",
  "Белорусские власти не прокомментировали сообщения, государственное телевидение их не заметило.",
  "Правозащитники насчитали за неделю десятки новых задержаний, в основном за комментарии в интернете.",
  "Экономисты отмечают, что экспорт на восток растёт, а торговля с западом продолжает падать.",
  "Ситуация не изменилась со времени предыдущего обзора, сообщает мониторинговая группа.",
  "Чиновники объявили новые меры по ценам, зарплатам и регистрации частных компаний.",
];
const VERBS_EN = ["met", "criticised", "was discussed together with", "was named alongside", "issued a statement on", "was mentioned in a report about"];
const VERBS_RU = ["встретился с", "раскритиковал", "обсуждался вместе с", "упоминался рядом с"];

/** The label a writer in `lang` would use: the first one in that language, else the English name. */
function labelIn(entity: Entity, lang: "en" | "ru"): string {
  return entity.labels[lang]?.[0] ?? entity.name;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** Cumulative weights for drawing tail entities by rank. */
function tailSampler(next: () => number, tail: readonly Entity[]): () => Entity {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < tail.length; r++) cumulative.push((sum += 1 / (r + OFFSET) ** EXPONENT));
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return tail[lo]!;
  };
}

function seededShuffle<T>(next: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Articles before tagging: text that names the chosen entities in ordinary sentences. */
function* draftArticles(count: number, entities: readonly Entity[], seed: number): Generator<Article> {
  const next = seededRandom(seed);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const head = byId.get(HEAD_OF_STATE);
  if (!head) throw new Error(`the default gazetteer has no ${HEAD_OF_STATE}`);
  const tailStart = TAIL_HEAD.flatMap((id) => byId.get(id) ?? []);
  const rest = seededShuffle(next, entities.filter((e) => e.id !== HEAD_OF_STATE && !TAIL_HEAD.includes(e.id)));
  const drawTail = tailSampler(next, [...tailStart, ...rest]);
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 9, 31) - start;

  for (let i = 0; i < count; i++) {
    const lang = next() < 0.15 ? "ru" : "en";
    const filler = lang === "ru" ? FILLER_RU : FILLER_EN;
    const verbs = lang === "ru" ? VERBS_RU : VERBS_EN;
    const chosen = new Set<Entity>();
    if (next() < HEAD_SHARE) chosen.add(head);
    const extra = 1 + Math.floor(next() * 2);
    while (chosen.size < extra + (chosen.has(head) ? 1 : 0)) chosen.add(drawTail());
    const names = [...chosen].map((e) => labelIn(e, lang));
    const first = names[0]!;
    const second = names[1] ?? names[0]!;
    // ~2% of briefings print no date (the schema never invents one).
    const published = next() < 0.02 ? undefined : new Date(start + Math.floor(next() * span)).toISOString().slice(0, 10);
    const paragraphs = [
      `${first} ${pick(next, verbs)} ${second}. ${pick(next, filler)}`,
      `${names.slice(1).join(", ") || first} ${pick(next, verbs)} ${first}. ${pick(next, filler)}`,
      pick(next, filler),
    ];
    const title = lang === "ru" ? `${first}: обзор событий, выпуск ${i + 1}` : `${first}: weekly review no. ${i + 1}`;
    const url = `https://briefings.example/archive/${i + 1}`;
    yield {
      id: articleId({ url, source: SOURCE_ID, title }),
      title,
      url,
      ...(published !== undefined ? { published, dateText: published } : {}),
      source: SOURCE_ID,
      lang,
      category: pick(next, ["Politics", "Economy", "Human rights", "Foreign policy"]),
      summary: paragraphs[0]!,
      paragraphs,
      entityIds: [],
      mentions: [],
    };
  }
}

/** Generates `count` articles and writes them as a feed into `dir` (which should be empty). */
export async function writeArchiveFeed(dir: string, count: number, seed = 2024): Promise<GeneratedArchive> {
  const started = performance.now();
  const { entities, matcher } = loadDefaultMatcher();
  const articles: Article[] = [];
  const coverage = new Map<string, number>();
  for (const draft of draftArticles(count, entities, seed)) {
    const tagged = Article.parse(tagArticle(draft, matcher));
    for (const id of tagged.entityIds) coverage.set(id, (coverage.get(id) ?? 0) + 1);
    articles.push(tagged);
  }
  const plan = planFeed(undefined, { archiveId: SOURCE_ID, articles, gazetteer: entities, now: () => new Date(Date.UTC(2026, 10, 1)).toISOString() });
  const written = await writeFeedPlan(dir, plan);
  if (!written.ok) throw new Error(written.error);
  let feedBytes = plan.manifestText.length;
  for (const text of plan.files.values()) feedBytes += Buffer.byteLength(text);
  return {
    articles: plan.changes.articles,
    coverage,
    entities,
    generateMs: performance.now() - started,
    feedBytes,
    shards: plan.manifest.snapshot.shards.length,
  };
}
