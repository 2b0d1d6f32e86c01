/**
 * The publisher pipeline behind `briefings build` and the embedded archive: ingest every
 * input, tag the articles with the matcher, and write the feed directory (lib/feed).
 * Inputs that fail are reported one per file; the others are still published.
 */
import { readFile } from "node:fs/promises";
import { readPreviousFeed, writeFeedPlan, type WriteReport } from "../../lib/feed/fs";
import { planFeed, type FeedChanges } from "../../lib/feed/write";
import { ingestFile } from "../../lib/ingest";
import { Article, type Entity } from "../../lib/schema";
import { tagArticle } from "../../lib/spot/tag";
import type { Matcher } from "../../lib/spot/match";
import { collectInputs, type InputFailure } from "./inputs";

export interface BuildFeedOptions {
  inputs: readonly string[];
  out: string;
  /** Source id stored on the articles; ingest picks one by input kind when absent. */
  source?: string;
  /** Default: the existing feed's, else the source id, else "briefings". */
  archiveId?: string;
  shardSize?: number;
  keepDeltas?: number;
  /** See FeedInput.retainPrevious. */
  retainPrevious?: boolean;
  /** The matcher to tag with and the entity list published as gazetteer.json. */
  matcher: Matcher;
  entities: readonly Entity[];
  /** Clock for `generated`; default honours SOURCE_DATE_EPOCH for reproducible builds. */
  now?: () => string;
}

export type BuildFeedResult =
  | {
      ok: true;
      /** Inputs that produced no article, one message each. */
      failures: InputFailure[];
      warnings: string[];
      /** Input files found, and how many of them gave at least one article. */
      files: number;
      filesUsed: number;
      changed: boolean;
      changes: FeedChanges;
      written: WriteReport;
    }
  | { ok: false; error: string; failures: InputFailure[]; warnings: string[] };

export async function buildFeed(options: BuildFeedOptions): Promise<BuildFeedResult> {
  const { files, failures } = await collectInputs(options.inputs);
  const warnings: string[] = [];

  const previous = await readPreviousFeed(options.out);
  if (!previous.ok) return { ok: false, error: previous.error, failures, warnings };
  warnings.push(...previous.warnings.map((w) => `${options.out}: ${w}`));

  let filesUsed = 0;
  const chosen = new Map<string, { article: Article; file: string; size: number }>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      failures.push({ path: file, message: `cannot read (${(error as Error).message})` });
      continue;
    }
    const ingested = ingestFile(file, bytes, options.source === undefined ? {} : { source: options.source });
    if (!ingested.ok) {
      failures.push({ path: file, message: ingested.error });
      continue;
    }
    if (ingested.articles.length === 0) {
      failures.push({ path: file, message: "no article found in this file" });
      continue;
    }
    filesUsed++;
    for (const article of ingested.articles) {
      const tagged = Article.safeParse(tagArticle(article, options.matcher));
      if (!tagged.success) {
        const issue = tagged.error.issues[0];
        failures.push({ path: file, message: `article "${article.title}" is invalid: ${issue?.path.join(".")}: ${issue?.message}` });
        continue;
      }
      const size = tagged.data.paragraphs.reduce((sum, p) => sum + p.length, 0);
      const earlier = chosen.get(tagged.data.id);
      // Pages repeat other articles as short teasers ("Similar articles"): the fullest copy wins,
      // the first one on a tie, so the choice does not depend on anything but the sorted inputs.
      if (earlier && earlier.size >= size) continue;
      chosen.set(tagged.data.id, { article: tagged.data, file, size });
    }
  }
  const articles = [...chosen.values()].map((c) => c.article);

  // Publishing an empty set would delete every article clients hold: far more likely a mistyped
  // input than a wish to empty the archive.
  if (articles.length === 0) {
    return { ok: false, error: `no articles to publish; the feed in ${options.out} was left as it was`, failures, warnings };
  }

  const plan = planFeed(previous.previous, {
    archiveId: options.archiveId ?? previous.previous?.manifest.archiveId ?? options.source ?? "briefings",
    articles,
    gazetteer: options.entities,
    now: options.now ?? reproducibleNow,
    ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    ...(options.keepDeltas === undefined ? {} : { keepDeltas: options.keepDeltas }),
    ...(options.retainPrevious === undefined ? {} : { retainPrevious: options.retainPrevious }),
  });
  const written = await writeFeedPlan(options.out, plan);
  if (!written.ok) return { ok: false, error: written.error, failures, warnings };
  return {
    ok: true,
    failures,
    warnings,
    files: files.length,
    filesUsed,
    changed: plan.changed,
    changes: plan.changes,
    written: { written: written.written, removed: written.removed },
  };
}

/** SOURCE_DATE_EPOCH (seconds) is the reproducible-builds convention for "the time of this build". */
function reproducibleNow(): string {
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}
