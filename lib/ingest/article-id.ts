/**
 * Stable article ids (docs/architecture.md §3): the same article always gets the same id,
 * whichever machine or run ingests it, so re-ingesting updates instead of duplicating.
 */
import { sha256Hex } from "./sha256";

/** Ids are the first 16 hex characters (64 bits) of a SHA-256: collisions are negligible at archive sizes. */
const ID_LENGTH = 16;

export interface ArticleIdentity {
  /** Canonical http(s) url, when the source has one: it identifies the article by itself. */
  url?: string | undefined;
  source: string;
  title: string;
  /** The date as printed (or the ISO date when nothing was printed). */
  dateText?: string | undefined;
}

/** Hash of the canonical url when known, otherwise of source + title + printed date. */
export function articleId(identity: ArticleIdentity): string {
  // A newline cannot occur inside a single-line title or source, so the joined key is unambiguous.
  const key = identity.url ?? [identity.source, identity.title, identity.dateText ?? ""].join("\n");
  return sha256Hex(key).slice(0, ID_LENGTH);
}
