/** Every article leaves ingest checked against the Article schema, so bad data stops here with a clear message. */
import { Article } from "../schema";
import { ingestError, ingestOk, type IngestResult } from "./result";

export function validateArticles(articles: unknown[]): IngestResult {
  const valid: Article[] = [];
  for (let i = 0; i < articles.length; i++) {
    const parsed = Article.safeParse(articles[i]);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? "(article)" : issue.path.map(String).join(".");
    const raw = articles[i] as { title?: unknown };
    const title = typeof raw?.title === "string" ? ` "${raw.title.slice(0, 80)}"` : "";
    return ingestError(`article ${i + 1}${title} is invalid: field "${field}": ${issue?.message ?? "does not match the schema"}`);
  }
  return ingestOk(valid);
}
