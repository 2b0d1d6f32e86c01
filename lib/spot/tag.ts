/**
 * Tags an article with the entities it mentions, using the same matcher as the page.
 *
 * Counted text: title + "\n\n" + paragraphs.join("\n\n"). The summary is left out because it
 * repeats the first paragraph(s) and would double-count; firstOffset is an index into that
 * counted text (so 0 … title.length-1 means "in the title"). For ranking (title > summary >
 * body) each mention also records how many of its hits are in the title and, matched
 * separately, in the summary, and the length of the first hit to mark it in a snippet.
 */
import type { Article, Mention } from "../schema";
import type { Matcher } from "./match";

/** Between the title and each paragraph of the tagged text. */
export const TAGGED_TEXT_SEPARATOR = "\n\n";

/** The exact text tagArticle counts mentions over. */
export function taggedText(article: Pick<Article, "title" | "paragraphs">): string {
  return [article.title, ...article.paragraphs].join(TAGGED_TEXT_SEPARATOR);
}

export function tagArticle(article: Article, matcher: Matcher): Article {
  const found = new Map<string, Mention>();
  for (const m of matcher.find(taggedText(article))) {
    const inTitle = m.start < article.title.length ? 1 : 0;
    const prev = found.get(m.entityId);
    if (prev === undefined) {
      found.set(m.entityId, { entityId: m.entityId, count: 1, firstOffset: m.start, firstLength: m.end - m.start, inTitle, inSummary: 0 });
    } else {
      prev.count++;
      prev.inTitle = (prev.inTitle ?? 0) + inTitle;
    }
  }
  for (const m of matcher.find(article.summary)) {
    const mention = found.get(m.entityId);
    if (mention) mention.inSummary = (mention.inSummary ?? 0) + 1;
  }
  const mentions = [...found.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return { ...article, entityIds: mentions.map((m) => m.entityId), mentions };
}
