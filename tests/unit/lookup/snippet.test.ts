import { describe, expect, it } from "vitest";
import { buildSnippet, SNIPPET_CHARS, taggedText } from "../../../lib/lookup/snippet";

const long = "Minsk has always sought to have independent links with Russian regional elites, partially, to compensate for the Kremlin's diminishing interest in Belarus. " +
  "President Lukashenka has met with the head of Chechnya Ramzan Kadyrov, who visited Minsk and the Minsk Automobile Plant. " +
  "However, with some leaders of Russian regions, primarily heads of large republics, communication was more difficult to build.";
const article = { title: "Minsk strengthens ties with Russian regional elites", summary: "Minsk has always sought…", paragraphs: ["Intro paragraph.", long] };

describe("buildSnippet", () => {
  it("excerpts the paragraph around the first mention and marks the name", () => {
    const text = taggedText(article);
    const at = text.indexOf("Ramzan Kadyrov");
    const s = buildSnippet(article, { entityId: "person/ramzan-kadyrov", count: 1, firstOffset: at, firstLength: "Ramzan Kadyrov".length });
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.marks.length).toBe(1);
    const [a, b] = s.marks[0]!;
    expect(s.text.slice(a, b)).toBe("Ramzan Kadyrov");
  });

  it("shows the summary when the first mention is in the title, marking the name there too", () => {
    const a2 = { title: "Lukashenko offers to release political prisoners", summary: "President Lukashenko declared his readiness.", paragraphs: ["President Lukashenko declared his readiness."] };
    const s = buildSnippet(a2, { entityId: "person/x", count: 2, firstOffset: 0, firstLength: 10 });
    expect(s.text).toBe("President Lukashenko declared his readiness.");
    expect(s.marks).toEqual([[10, 20]]);
  });

  it("marks nothing, rather than the wrong words, when the mention length is unknown", () => {
    const s = buildSnippet(article, { entityId: "place/minsk", count: 3, firstOffset: 0 });
    expect(s.marks).toEqual([]);
    expect(s.text.length).toBeGreaterThan(0);
  });
});
