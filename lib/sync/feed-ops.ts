/**
 * Parsing a shard or delta: UTF-8 NDJSON (one op per line) or a JSON array of ops, each op
 * validated with `FeedOp`. One bad line rejects the whole file, so a file is either applied
 * completely or not at all.
 */
import { FeedOp } from "../schema";
import { describeIssues } from "./zod-issues";

export type ParsedOps = { ok: true; ops: FeedOp[] } | { ok: false; error: string };

function validateOp(value: unknown, where: string): { ok: true; op: FeedOp } | { ok: false; error: string } {
  const parsed = FeedOp.safeParse(value);
  if (!parsed.success) return { ok: false, error: `${where}: invalid feed op (${describeIssues(parsed.error)})` };
  return { ok: true, op: parsed.data };
}

export function parseFeedOps(bytes: Uint8Array): ParsedOps {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    return { ok: false, error: `not UTF-8 text (${err instanceof Error ? err.message : String(err)})` };
  }
  const ops: FeedOp[] = [];
  if (text.trimStart().startsWith("[")) {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch (err) {
      return { ok: false, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
    if (!Array.isArray(items)) return { ok: false, error: "expected a JSON array of feed ops" };
    for (const [i, item] of items.entries()) {
      const op = validateOp(item, `item ${i + 1}`);
      if (!op.ok) return op;
      ops.push(op.op);
    }
    return { ok: true, ops };
  }
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      return { ok: false, error: `line ${i + 1}: not valid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
    const op = validateOp(value, `line ${i + 1}`);
    if (!op.ok) return op;
    ops.push(op.op);
  }
  return { ok: true, ops };
}
