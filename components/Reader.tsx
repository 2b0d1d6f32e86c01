/** The article reader of the side panel: a briefing as plain text, never as HTML. */
import type { Article, Entity } from "../lib/schema";

export interface ReaderProps {
  article: Article;
  sourceName: string;
  entities: Pick<Entity, "id" | "name" | "type">[];
}

function dateLine(a: Article): string {
  if (a.dateText) return a.dateText;
  if (a.published) return a.published.slice(0, 10);
  return "undated";
}

export function Reader({ article, sourceName, entities }: ReaderProps) {
  return (
    <article class="reader" lang={article.lang} aria-labelledby="reader-title">
      <p class="reader-meta">
        <span>{sourceName}</span> · <time dateTime={article.published}>{dateLine(article)}</time>
        {article.category ? <> · <span>{article.category}</span></> : null}
      </p>
      <h1 id="reader-title">{article.title}</h1>
      {article.status ? <p class="reader-status">{article.status}</p> : null}
      {article.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {article.url ? (
        <p>
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            Read at the source
          </a>
        </p>
      ) : null}
      {entities.length > 0 ? (
        <section aria-label="Names in this briefing">
          <h2>Names in this briefing</h2>
          <ul class="reader-entities">
            {entities.map((e) => (
              <li key={e.id} title={e.type}>
                {e.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function ReaderMessage({ title, children }: { title: string; children?: preact.ComponentChildren }) {
  return (
    <div class="reader-message" role="status">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
