/**
 * Turns parsed article parts into an Article: stable id, summary, language. Tagging with
 * entities happens later, so entityIds and mentions start empty.
 */
import type { Article, Lang } from "../schema";
import { articleId } from "./article-id";
import { detectLang, type DetectLangOptions } from "./lang";
import { summarise } from "./summary";

export interface ArticleParts {
  title: string;
  paragraphs: string[];
  source: string;
  url?: string | undefined;
  published?: string | undefined;
  dateText?: string | undefined;
  periodEnd?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  /** Declared by the source (html lang, feed language); detected from the text when absent. */
  lang?: Lang | undefined;
}

export function buildArticle(parts: ArticleParts, langOptions: DetectLangOptions = {}): Article {
  const lang = parts.lang ?? detectLang([parts.title, ...parts.paragraphs].join("\n"), langOptions);
  const article: Article = {
    id: articleId({ url: parts.url, source: parts.source, title: parts.title, dateText: parts.dateText ?? parts.published }),
    title: parts.title,
    source: parts.source,
    lang,
    summary: summarise(parts.paragraphs),
    paragraphs: parts.paragraphs,
    entityIds: [],
    mentions: [],
  };
  // Optional fields are left out rather than set to undefined, so stored records stay minimal.
  if (parts.url !== undefined) article.url = parts.url;
  if (parts.published !== undefined) article.published = parts.published;
  if (parts.dateText !== undefined) article.dateText = parts.dateText;
  if (parts.periodEnd !== undefined) article.periodEnd = parts.periodEnd;
  if (parts.category !== undefined) article.category = parts.category;
  if (parts.status !== undefined) article.status = parts.status;
  return article;
}
