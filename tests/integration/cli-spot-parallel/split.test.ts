import { describe, expect, it } from "vitest";
import { MARGIN_CHARS, blankLineFrom, splitAtBlankLines } from "@/scripts/cli/spot-split";

const para = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

describe("cutting a text at blank lines", () => {
  it("cuts right after a blank line, with cores that cover the text once and runs that end at blank lines", () => {
    const text = Array.from({ length: 200 }, (_, i) => para(40, `w${i}`)).join("\n\n");
    const pieces = splitAtBlankLines(text, 8);
    expect(pieces.length).toBe(8);
    expect(pieces[0]!.coreStart).toBe(0);
    expect(pieces.at(-1)!.coreEnd).toBe(text.length);
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (i > 0) {
        expect(p.coreStart).toBe(pieces[i - 1]!.coreEnd);
        expect(text.slice(p.coreStart - 2, p.coreStart)).toBe("\n\n");
        // The run starts after a blank line at least a margin before the core.
        expect(p.coreStart - p.runStart).toBeGreaterThanOrEqual(MARGIN_CHARS);
        expect(text.slice(p.runStart - 2, p.runStart)).toBe("\n\n");
      } else expect(p.runStart).toBe(0);
      if (i < pieces.length - 1) {
        expect(p.runEnd - p.coreEnd).toBeGreaterThanOrEqual(MARGIN_CHARS);
        expect(text.slice(p.runEnd, p.runEnd + 2)).toBe("\n\n");
      } else expect(p.runEnd).toBe(text.length);
    }
  });

  it("takes Windows blank lines and spaces on the blank line, not a single line break", () => {
    expect(blankLineFrom("a\r\n\r\nb", 0)).toEqual([2, 5]);
    expect(blankLineFrom("a\n \t\nb", 0)).toEqual([1, 5]);
    expect(blankLineFrom("Maksim\nZnak", 0)).toBeUndefined();
    const text = `${para(4000)}\r\n\r\n${para(3000)}`;
    expect(splitAtBlankLines(text, 2).map((p) => p.coreStart)).toEqual([0, text.indexOf("\r\n\r\n") + 4]);
  });

  it("leaves a text with no blank line whole", () => {
    const text = para(10_000).replace(/ /g, "\n");
    expect(splitAtBlankLines(text, 10)).toEqual([{ runStart: 0, coreStart: 0, coreEnd: text.length, runEnd: text.length }]);
  });
});
