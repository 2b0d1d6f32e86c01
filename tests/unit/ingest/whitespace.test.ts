import { describe, expect, it } from "vitest";
import { foldToLine, normaliseLine } from "@/lib/ingest/whitespace";

describe("whitespace clean-up", () => {
  it("turns NBSP and odd spaces into single spaces and trims", () => {
    expect(normaliseLine("\u00a0 rights,\u00a0 however,\u202fthey\t\u2009said \u200b")).toBe("rights, however, they said");
  });

  it("keeps quotes, dashes and Cyrillic as they are", () => {
    const text = "“FoRB Initiative” – Лукашэнка’s «слова» — ok";
    expect(normaliseLine(text)).toBe(text);
  });

  it("folds multi-line text into one line", () => {
    expect(foldToLine("  one\n  two\r\nthree ")).toBe("one two three");
  });
});
