import { describe, expect, it } from "vitest";
import { summarise, SUMMARY_MAX } from "@/lib/ingest/summary";
import { splitSentences } from "@/lib/ingest/sentences";

describe("splitSentences", () => {
  it("splits at sentence ends but not at initials or abbreviations", () => {
    expect(splitSentences("A. Lukashenko met Mr. Putin in Sochi. They talked for hours! Was it useful? Nobody knows.")).toEqual([
      "A. Lukashenko met Mr. Putin in Sochi.",
      "They talked for hours!",
      "Was it useful?",
      "Nobody knows.",
    ]);
    expect(splitSentences("He said: “We will win.” The crowd cheered.")).toEqual(["He said: “We will win.”", "The crowd cheered."]);
    expect(splitSentences("Встреча прошла 5 июня 2024 г. в Минске. Итоги не объявлены.")).toEqual([
      "Встреча прошла 5 июня 2024 г. в Минске.",
      "Итоги не объявлены.",
    ]);
  });
});

describe("summarise", () => {
  it("takes two sentences when they fit", () => {
    expect(summarise(["One sentence here. Two sentences here. Three here."])).toBe("One sentence here. Two sentences here.");
  });

  it("takes one sentence when two would exceed the limit", () => {
    const first = `${"word ".repeat(30).trim()}.`;
    const second = `More ${"words ".repeat(40).trim()}.`;
    expect(summarise([`${first} ${second}`])).toBe(first);
  });

  it("cuts an over-long first sentence at a word and marks the cut", () => {
    const summary = summarise([`${"longword ".repeat(60).trim()}.`]);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(summary).toMatch(/longword…$/);
  });

  it("starts at the first prose paragraph, skipping headings", () => {
    expect(summarise(["Key findings", "Most people agree. Some do not."])).toBe("Most people agree. Some do not.");
    expect(summarise(["Only a heading"])).toBe("Only a heading");
    expect(summarise([])).toBe("");
  });
});
