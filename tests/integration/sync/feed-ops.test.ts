import { describe, expect, it } from "vitest";
import { parseFeedOps } from "../../../lib/sync/feed-ops";
import { article } from "./feed-fixture";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("parseFeedOps", () => {
  it("reads NDJSON ops, skipping blank lines", () => {
    const text = `${JSON.stringify({ op: "put", article: article("aaaaaa01") })}\n\n${JSON.stringify({ op: "delete", id: "aaaaaa02" })}\n`;
    const parsed = parseFeedOps(bytes(text));
    expect(parsed).toEqual({ ok: true, ops: [{ op: "put", article: article("aaaaaa01") }, { op: "delete", id: "aaaaaa02" }] });
  });

  it("reads a JSON array of ops", () => {
    expect(parseFeedOps(bytes(JSON.stringify([{ op: "delete", id: "aaaaaa02" }])))).toEqual({ ok: true, ops: [{ op: "delete", id: "aaaaaa02" }] });
  });

  it("names the line of a truncated JSON line", () => {
    const text = `${JSON.stringify({ op: "delete", id: "aaaaaa02" })}\n{"op":"put","arti`;
    expect(parseFeedOps(bytes(text))).toMatchObject({ ok: false, error: expect.stringMatching(/^line 2: not valid JSON/) });
  });

  it("names the line and field of an invalid op", () => {
    const text = JSON.stringify({ op: "put", article: { ...article("aaaaaa01"), lang: "xx" } });
    expect(parseFeedOps(bytes(text))).toMatchObject({ ok: false, error: expect.stringMatching(/line 1: .*article\.lang/) });
  });

  it("rejects an unknown op and bytes that are not UTF-8", () => {
    expect(parseFeedOps(bytes(JSON.stringify({ op: "drop", id: "x" })))).toMatchObject({ ok: false, error: expect.stringContaining("line 1") });
    expect(parseFeedOps(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({ ok: false, error: expect.stringContaining("UTF-8") });
  });
});
