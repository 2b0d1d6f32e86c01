/**
 * A short excerpt of an article around the entity's first mention, with the places to mark.
 * Offsets refer to the tagged text: title + "\n\n" + paragraphs.join("\n\n") (lib/spot/tag.ts).
 */
import type { Article, Mention } from "../schema";
import { TAGGED_TEXT_SEPARATOR as PARAGRAPH_SEPARATOR, taggedText } from "../spot/tag";

export { taggedText };

export interface Snippet {
  text: string;
  /** [start, end) ranges in `text` to mark as the name. */
  marks: Array<[number, number]>;
}

/** About two lines of a card. */
export const SNIPPET_CHARS = 220;


/** Finds every case-insensitive occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): Array<[number, number]> {
  if (!needle) return [];
  const hay = text.toLocaleLowerCase();
  const n = needle.toLocaleLowerCase();
  // Lower-casing can change length (e.g. "İ"); only trust positions when it did not.
  if (hay.length !== text.length || n.length !== needle.length) return [];
  const out: Array<[number, number]> = [];
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

function excerpt(paragraph: string, at: number, len: number): string {
  if (paragraph.length <= SNIPPET_CHARS) return paragraph;
  // Put the name about a third into the excerpt so the reader sees what leads up to it.
  let start = Math.max(0, at - Math.floor((SNIPPET_CHARS - len) / 3));
  let end = Math.min(paragraph.length, start + SNIPPET_CHARS);
  start = Math.max(0, end - SNIPPET_CHARS);
  // Cut at word boundaries.
  if (start > 0) {
    const sp = paragraph.indexOf(" ", start);
    if (sp >= 0 && sp < at) start = sp + 1;
  }
  if (end < paragraph.length) {
    const sp = paragraph.lastIndexOf(" ", end);
    if (sp > at + len) end = sp;
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < paragraph.length ? "…" : "";
  return prefix + paragraph.slice(start, end) + suffix;
}

export function buildSnippet(article: Pick<Article, "title" | "paragraphs" | "summary">, mention: Mention): Snippet {
  const text = taggedText(article);
  const surface =
    mention.firstLength && mention.firstOffset + mention.firstLength <= text.length
      ? text.slice(mention.firstOffset, mention.firstOffset + mention.firstLength)
      : "";
  // Locate the paragraph that holds the first mention; a title mention shows the summary instead.
  let offset = article.title.length + PARAGRAPH_SEPARATOR.length;
  let paragraph: string | undefined;
  let at = -1;
  for (const p of article.paragraphs) {
    if (mention.firstOffset >= offset && mention.firstOffset < offset + p.length) {
      paragraph = p;
      at = mention.firstOffset - offset;
      break;
    }
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  if (paragraph === undefined) {
    const lead = article.summary || article.paragraphs[0] || "";
    const first = occurrences(lead, surface)[0];
    paragraph = lead;
    at = first ? first[0] : 0;
  }
  const snip = excerpt(paragraph, Math.max(0, at), surface.length);
  return { text: snip, marks: occurrences(snip, surface) };
}
