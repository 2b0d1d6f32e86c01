import { describe, expect, it } from "vitest";
import { fold } from "../../../lib/text/fold";
import { isTransliterable, latinVariants, SYSTEM_IDS, transliterate } from "../../../lib/text/translit";

const folded = (label: string, lang: "ru" | "be" | "uk") => latinVariants(label, lang).map((v) => fold(v.text));

describe("translit", () => {
  it("romanises Лукашэнка as the press writes it in each system", () => {
    const v = latinVariants("Лукашэнка", "be").map((x) => x.text);
    expect(v).toEqual(expect.arrayContaining(["Lukashenka", "Łukašenka", "Lukašenka", "Łukaszenka", "Lukaschenka", "Loukachenka"]));
  });

  it("romanises Ціханоўская as Tsikhanouskaya, Cichanoŭskaja, Cichanouskaja and Cichanouska", () => {
    const v = latinVariants("Ціханоўская", "be").map((x) => x.text);
    expect(v).toEqual(expect.arrayContaining(["Tsikhanouskaya", "Cichanoŭskaja", "Cichanouskaja", "Cichanouska", "Zichanouskaja"]));
  });

  it("romanises Russian forms with g for г and German/French conventions", () => {
    expect(transliterate("Светлана Тихановская", "ru", "de")).toBe("Swetlana Tichanowskaja");
    expect(transliterate("Светлана Тихановская", "ru", "fr")).toBe("Svetlana Tikhanovskaïa");
    expect(transliterate("Гомель", "ru", "bgn")).toBe("Gomel");
    expect(transliterate("Александр Лукашенко", "ru", "pl")).toBe("Ałeksandr Łukaszenko");
  });

  it("uses h for Belarusian г and Belarusian BGN ye (Vitsyebsk, Hrodna)", () => {
    expect(transliterate("Віцебск", "be", "bgn")).toBe("Vitsyebsk");
    expect(transliterate("Гродна", "be", "passport")).toBe("Hrodna");
    expect(transliterate("Аляксандр", "be", "passport")).toBe("Aliaksandr");
  });

  it("simplifies Russian -ий endings per system (Tikhanovsky, Tikhanovskiy, Tichanowski)", () => {
    expect(transliterate("Тихановский", "ru", "press")).toBe("Tikhanovsky");
    expect(transliterate("Тихановский", "ru", "bgn")).toBe("Tikhanovskiy");
    expect(transliterate("Тихановский", "ru", "de")).toBe("Tichanowski");
  });

  it("romanises Ukrainian labels with the national system", () => {
    expect(transliterate("Світлана Тихановська", "uk", "ukNational")).toBe("Svitlana Tykhanovska");
  });

  it("gives at most one variant per system, without duplicates", () => {
    for (const label of ["Лукашэнка", "Мінск", "Святлана Ціханоўская"]) {
      const v = latinVariants(label, "be");
      expect(v.length).toBeLessThanOrEqual(SYSTEM_IDS.length);
      expect(new Set(v.map((x) => `${x.text}|${x.inflectAs}`)).size).toBe(v.length);
    }
  });

  it("leaves acronyms and common-noun phrases alone", () => {
    expect(isTransliterable("КГБ")).toBe(false);
    expect(isTransliterable("белорусский КГБ")).toBe(false);
    expect(latinVariants("Гродненская область", "ru")).toEqual([]);
    expect(isTransliterable("Minsk")).toBe(false);
  });

  it("keys variants that differ only in diacritics to the same folded form", () => {
    const keys = folded("Лукашэнка", "be");
    expect(keys.filter((k) => k === "lukasenka").length).toBeGreaterThanOrEqual(2);
  });

  it("leaves no Cyrillic letter in a Ukrainian romanisation (Гомель → Homel)", () => {
    for (const v of latinVariants("Гомель", "uk")) expect(v.text, v.system).not.toMatch(/[\u0400-\u04ff]/);
    expect(latinVariants("Гомель", "uk").map((v) => v.text)).toContain("Homel");
  });
});
