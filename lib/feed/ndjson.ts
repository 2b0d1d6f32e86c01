/** The NDJSON lines of feed shards and deltas: one FeedOp per line, "\n"-terminated. */
import type { Article } from "../schema";
import { canonicalJson } from "./canonical-json";

/** `op` first so a human skimming a shard sees what each line does. */
export function putLine(article: Article): string {
  return `{"op":"put","article":${canonicalJson(article)}}`;
}

export function deleteLine(id: string): string {
  return `{"op":"delete","id":${JSON.stringify(id)}}`;
}

export function toNdjson(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join("");
}

/** Splits NDJSON text into lines with their 1-based line numbers; blank lines are skipped. */
export function ndjsonLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const parts = text.split("\n");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]?.replace(/\r$/, "") ?? "";
    if (part.trim() !== "") out.push({ line: i + 1, text: part });
  }
  return out;
}
