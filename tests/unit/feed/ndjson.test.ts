import { describe, expect, it } from "vitest";
import { deleteLine, ndjsonLines, putLine, toNdjson } from "@/lib/feed/ndjson";
import { makeArticle } from "./make-article";

describe("feed NDJSON lines", () => {
  it("writes op first, one line per op, each ending in a newline", () => {
    const text = toNdjson([putLine(makeArticle("a0000001")), deleteLine("b0000002")]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]?.startsWith('{"op":"put","article":{"entityIds":')).toBe(true);
    expect(lines[1]).toBe('{"op":"delete","id":"b0000002"}');
    expect(lines[2]).toBe("");
    expect(toNdjson([])).toBe("");
  });

  it("numbers lines from 1, skips blank lines and tolerates CRLF", () => {
    expect(ndjsonLines('{"a":1}\r\n\n{"b":2}\n')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
    ]);
  });
});
