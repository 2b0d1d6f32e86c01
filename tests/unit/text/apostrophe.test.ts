import { describe, expect, it } from "vitest";
import { apostropheVariants } from "../../../lib/text/apostrophe";

describe("apostropheVariants", () => {
  it("adds the Ukrainian apostrophe a label lacks: Вячорка → В'ячорка", () => {
    expect(apostropheVariants("Франак Вячорка", "uk")).toEqual(["Франак В'ячорка"]);
  });

  it("drops the apostrophe a label has: Мар'іна Горка → Марїна-less spelling", () => {
    expect(apostropheVariants("Мар'іна Горка", "be")).toEqual(["Маріна Горка"]);
    expect(apostropheVariants("Мар’їна Гірка", "uk")).toContain("Марїна Гірка");
  });

  it("leaves Belarusian softening alone (Беларусь, Мінск) and other languages untouched", () => {
    expect(apostropheVariants("Беларусь", "be")).toEqual([]);
    expect(apostropheVariants("Мінск", "be")).toEqual([]);
    expect(apostropheVariants("Вячеслав", "ru")).toEqual([]);
    expect(apostropheVariants("O'Brien", "en")).toEqual([]);
  });
});
