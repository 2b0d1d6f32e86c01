import { describe, expect, it } from "vitest";
import { deleteLine, putLine, toNdjson } from "@/lib/feed/ndjson";
import { parseOps } from "@/lib/feed/parse-ops";
import { makeArticle } from "./make-article";

describe("parseOps", () => {
  it("reads back the ops it writes", () => {
    const article = makeArticle("a0000001");
    const text = toNdjson([putLine(article), deleteLine("b0000002")]);
    expect(text.endsWith("\n")).toBe(true);
    expect(parseOps(text)).toEqual({ ops: [{ op: "put", article }, { op: "delete", id: "b0000002" }], problems: [] });
  });

  it("reports each bad line with its number and the failing field", () => {
    const text = ['{"op":"put","article":{"id":"x"}}', "{", '{"op":"merge","id":"a"}'].join("\n");
    const { ops, problems } = parseOps(text);
    expect(ops).toEqual([]);
    expect(problems.filter((p) => p.line === 1).map((p) => p.field)).toEqual(expect.arrayContaining(["article.id", "article.title"]));
    expect(problems.find((p) => p.line === 2)?.message).toMatch(/^not JSON/);
    expect(problems.some((p) => p.line === 3 && p.field === "op")).toBe(true);
  });

  it("stops listing after 20 problems and says how many more there were", () => {
    const { problems } = parseOps(Array.from({ length: 25 }, () => "nope").join("\n"));
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)?.message).toBe("5 more problems in this file not listed");
  });
});
