import { describe, expect, it } from "vitest";
import data from "../../../data/given-names.json";
import { LANGS } from "../../../lib/schema";
import { BUILT_IN_GIVEN_NAMES, GivenNames, nameSkeleton, sameGivenName } from "../../../lib/text/given-names";

describe("given names", () => {
  it("ships a sorted list of at least forty capitalised names for every language", () => {
    const names = data.names as Record<string, string[]>;
    for (const lang of LANGS) {
      const list = names[lang];
      expect(list, lang).toBeDefined();
      expect(list!.length, lang).toBeGreaterThanOrEqual(40);
      expect(list, lang).toEqual([...list!].sort());
      for (const n of list!) expect(n.charAt(0), `${lang}: ${n}`).toBe(n.charAt(0).toUpperCase());
    }
    expect(BUILT_IN_GIVEN_NAMES.has("igor")).toBe(true);
    expect(BUILT_IN_GIVEN_NAMES.has("олена")).toBe(true);
  });

  it("recognises case forms of listed names (Ирины, Igora, Jana) but not longer words", () => {
    const names = new GivenNames(["Ирина", "Igor", "Jan"]);
    expect(names.has("Ирина")).toBe(true);
    expect(names.has("Ирины")).toBe(true);
    expect(names.has("Igora")).toBe(true);
    expect(names.has("Jana")).toBe(true);
    expect(names.has("January")).toBe(false);
    expect(names.has("Игорь")).toBe(false);
  });

  it("gives spellings of one name one skeleton across scripts", () => {
    for (const n of ["Alexander", "Aliaksandr", "Aleksandr", "Олександр", "Аляксандр", "Alexandre"]) expect(nameSkeleton(n), n).toBe("lksndr");
    expect(sameGivenName("Uladzimir", "Vladimir")).toBe(true);
    expect(sameGivenName("Сяргей", "Sergei")).toBe(true);
    expect(sameGivenName("Ihar", "Igor")).toBe(true);
    expect(sameGivenName("Марии", "Maria")).toBe(true);
  });

  it("tells different names apart (Igor/Vladimir, Ирина/Мария, Олена/Олександр, Jan/Kastus)", () => {
    expect(sameGivenName("Igor", "Vladimir")).toBe(false);
    expect(sameGivenName("Ирина", "Maria")).toBe(false);
    expect(sameGivenName("Олена", "Alexander")).toBe(false);
    expect(sameGivenName("Jan", "Kastus")).toBe(false);
  });
});
