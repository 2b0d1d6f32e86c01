/**
 * Tags an article with the entities it mentions, using the same matcher as the page.
 *
 * Counted text: title + "\n\n" + paragraphs.join("\n\n"). The summary is left out because it
 * repeats the first paragraph(s) and would double-count; firstOffset is an index into that
 * counted text (so 0 … title.length-1 means "in the title").
 */
import type { Article, Mention } from "../schema";
import type { Matcher } from "./match";

/** The exact text tagArticle counts mentions over. */
export function taggedText(article: Pick<Article, "title" | "paragraphs">): string {
  return [article.title, ...article.paragraphs].join("\n\n");
}

export function tagArticle(article: Article, matcher: Matcher): Article {
  const found = new Map<string, Mention>();
  for (const m of matcher.find(taggedText(article))) {
    const prev = found.get(m.entityId);
    if (prev === undefined) found.set(m.entityId, { entityId: m.entityId, count: 1, firstOffset: m.start });
    else prev.count++;
  }
  const mentions = [...found.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  return { ...article, entityIds: mentions.map((m) => m.entityId), mentions };
}
