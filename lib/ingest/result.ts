/** What every ingest function returns: articles, or one message a person can act on. */
import type { Article } from "../schema";

export type IngestResult = { ok: true; articles: Article[] } | { ok: false; error: string };

export function ingestOk(articles: Article[]): IngestResult {
  return { ok: true, articles };
}

export function ingestError(error: string): IngestResult {
  return { ok: false, error };
}
