/** Loads one archived article with what the reader shows next to it. */
import type { BriefingsDB } from "../db/database";
import type { Article, Entity } from "../schema";

export interface ArticleView {
  article: Article;
  sourceName: string;
  entities: Pick<Entity, "id" | "name" | "type">[];
}

export async function loadArticleView(db: BriefingsDB, id: string): Promise<ArticleView | null> {
  const article = await db.articles.get(id);
  if (!article) return null;
  const [source, entities] = await Promise.all([db.sources.get(article.source), db.entities.bulkGet(article.entityIds)]);
  return {
    article,
    sourceName: source?.name ?? article.source,
    entities: entities.flatMap((e) => (e ? [{ id: e.id, name: e.name, type: e.type }] : [])),
  };
}
