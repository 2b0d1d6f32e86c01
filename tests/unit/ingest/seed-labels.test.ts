import { describe, expect, it } from "vitest";
import { isStatusLine, parseLabelLine } from "@/lib/ingest/seed-labels";

describe("seed label lines", () => {
  it("stores nothing for empty labels", () => {
    expect(parseLabelLine("Category status:")).toEqual({});
  });

  it("reads filled labels", () => {
    expect(parseLabelLine("Category Economy status: The situation has improved")).toEqual({
      category: "Economy",
      status: "The situation has improved",
    });
    expect(parseLabelLine("Category: Belarus-West relations")).toEqual({ category: "Belarus-West relations" });
    expect(parseLabelLine("Status: The situation has worsened")).toEqual({ status: "The situation has worsened" });
  });

  it("ignores lines that are not labels", () => {
    expect(parseLabelLine("Categorically, Minsk refused.")).toBeUndefined();
    expect(parseLabelLine("The status of the talks is unclear.")).toBeUndefined();
  });

  it("recognises trend verdicts", () => {
    for (const line of ["The situation has not changed", "The situation has worsened", "Ситуация не изменилась", "Сітуацыя палепшылася"]) {
      expect(isStatusLine(line), line).toBe(true);
    }
    expect(isStatusLine("The situation has not changed since 2020, experts say.")).toBe(false);
  });
});
