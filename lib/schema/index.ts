/**
 * The data model (docs/architecture.md §3–4). Every type the project passes across a
 * boundary (feed files, IndexedDB, extension messages, CLI output) is defined here once
 * and inferred with z.infer.
 */
import { z } from "zod";
import { ENTITY_TYPES, HTTP_URL_ONLY, isHttpUrl } from "./mini";

export const LANGS = ["en", "ru", "be", "uk", "pl", "de", "lt", "fr"] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** Only http(s) links are ever stored or rendered: feed content is untrusted. */
export const HttpUrl = z.string().url().refine(isHttpUrl, { message: HTTP_URL_ONLY });

/** ISO date (YYYY-MM-DD) or date-time. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
    message: "expected an ISO date like 2016-05-31 or 2016-05-31T11:51",
  });

/**
 * How often an article names an entity. Offsets are UTF-16 indices into the article's tagged
 * text: title + "\n\n" + paragraphs.join("\n\n") (see lib/spot/tag.ts).
 */
export const Mention = z.object({
  entityId: z.string().min(1),
  count: z.number().int().positive(),
  firstOffset: z.number().int().nonnegative(),
  /** Length of the first mention's surface text, to mark it in a snippet. */
  firstLength: z.number().int().positive().optional(),
  /** Mentions in the title and in the summary (ranking weighs title > summary > body). */
  inTitle: z.number().int().nonnegative().optional(),
  inSummary: z.number().int().nonnegative().optional(),
});
export type Mention = z.infer<typeof Mention>;

export const Article = z.object({
  /** Stable: hash of canonical url, or of title + date + source. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{5,80}$/, { message: "id must be a lower-case slug/hash" }),
  title: z.string().min(1).max(1000),
  url: HttpUrl.optional(),
  /** Absent when the source prints no date: never invented. */
  published: IsoDate.optional(),
  /** The date as printed, e.g. "July 24 – July 30, 2023". */
  dateText: z.string().max(200).optional(),
  /** End of a printed period ("July 24 – July 30, 2023" → 2023-07-30). */
  periodEnd: IsoDate.optional(),
  source: z.string().min(1),
  lang: Lang,
  category: z.string().max(200).optional(),
  /** e.g. "The situation has not changed". */
  status: z.string().max(200).optional(),
  summary: z.string().max(2000),
  paragraphs: z.array(z.string()).max(2000),
  entityIds: z.array(z.string()),
  mentions: z.array(Mention),
});
export type Article = z.infer<typeof Article>;

/** Defined once in lib/schema/mini.ts, which the content script validates with. */
export { ENTITY_TYPES };
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

const perLang = <T extends z.ZodType>(t: T) => z.partialRecord(Lang, t);

export const EntityContext = z.object({
  /** The label only counts when one of these words/entity ids occurs nearby. */
  requiresNearby: z.array(z.string()).optional(),
  /** The label does not count when one of these words occurs nearby. */
  forbidsNearby: z.array(z.string()).optional(),
  /** Match case exactly (short or common-word labels). */
  caseSensitive: z.boolean().optional(),
  /**
   * Labels that are also common words or names elsewhere ("Brest", "Lida", "Вясна"): they only
   * count with evidence (exact case and not sentence-initial, quoted, a cue word from
   * requiresNearby nearby, or an unambiguous Belarus mention elsewhere in the text).
   */
  weakLabels: z.array(z.string().min(1)).optional(),
});
export type EntityContext = z.infer<typeof EntityContext>;

export const Entity = z.object({
  id: z.string().regex(/^(person|org|place|event|other)\/[a-z0-9][a-z0-9-]*$/, {
    message: "id must look like type/slug, e.g. person/alexander-lukashenko",
  }),
  type: EntityType,
  /** English display name. */
  name: z.string().min(1),
  labels: perLang(z.array(z.string().min(1))),
  description: perLang(z.string().min(1)).refine((d) => typeof d.en === "string", {
    message: "an English description is required",
  }),
  context: EntityContext.optional(),
  related: z.array(z.string()).optional(),
});
export type Entity = z.infer<typeof Entity>;

export const SOURCE_KINDS = ["briefings-feed", "rss", "atom", "wp-rest"] as const;
export const Source = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  homepage: HttpUrl.optional(),
  feedUrl: HttpUrl.optional(),
  kind: z.enum(SOURCE_KINDS),
  enabled: z.boolean(),
  seq: z.number().int().nonnegative().optional(),
  /** The feed's archiveId at `seq`: a seq only means something within one archive. */
  archiveId: z.string().optional(),
  etag: z.string().optional(),
  lastOk: z.string().optional(),
  lastError: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: "expected a lower-case hex sha256" });
/** Relative (to the manifest) or absolute http(s) URL of a feed file. */
const FeedRef = z
  .string()
  .min(1)
  .refine((u) => !/^[a-z][a-z0-9+.-]*:/i.test(u) || /^https?:\/\//i.test(u), {
    message: "feed file URLs must be relative or http(s)",
  });

export const FEED_FORMAT = "briefings-feed/1";
export const Manifest = z.object({
  format: z.literal(FEED_FORMAT),
  archiveId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  generated: z.string(),
  gazetteer: z.object({ url: FeedRef, sha256: Sha256, version: z.string() }).optional(),
  snapshot: z.object({
    seq: z.number().int().nonnegative(),
    shards: z.array(z.object({ url: FeedRef, sha256: Sha256, articles: z.number().int().nonnegative() })),
  }),
  deltas: z.array(
    z.object({ from: z.number().int().nonnegative(), to: z.number().int().positive(), url: FeedRef, sha256: Sha256 }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

export const FeedOp = z.discriminatedUnion("op", [
  z.object({ op: z.literal("put"), article: Article }),
  z.object({ op: z.literal("delete"), id: z.string().min(1) }),
]);
export type FeedOp = z.infer<typeof FeedOp>;
