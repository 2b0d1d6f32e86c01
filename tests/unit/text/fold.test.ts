import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CharClass, charClass, fold, foldText, isUpperCaseUnit } from "../../../lib/text/fold";

describe("fold", () => {
  it("case-folds and strips diacritics for matching", () => {
    expect(fold("Łukašenka")).toBe("lukasenka");
    expect(fold("Cichanoŭskaja")).toBe("cichanouskaja");
    expect(fold("Tikhanovskaïa")).toBe("tikhanovskaia");
    expect(fold("Mińsku")).toBe("minsku");
  });

  it("folds ё to е, й to и and ў to у so Cyrillic spellings meet", () => {
    expect(fold("Магілёў")).toBe("магілеу");
    expect(fold("Ціханоўская")).toBe(fold("Ціхановская").replace("в", "у"));
    expect(fold("Могилёв")).toBe(fold("Могилев"));
    expect(fold("Тихановский")).toBe("тихановскии");
  });

  it("keeps Cyrillic і apart from и", () => {
    expect(fold("Мінск")).not.toBe(fold("Минск"));
  });

  it("expands letters NFKD leaves whole: ß, æ, œ, ł, ø and ligatures", () => {
    expect(fold("Straße")).toBe("strasse");
    expect(fold("Æøœ")).toBe("aeooe");
    expect(fold("ﬁnal")).toBe("final");
  });

  it("unifies apostrophes, dashes and odd spaces", () => {
    expect(fold("Lukashenka’s")).toBe("lukashenka's");
    expect(fold("Марʼіна")).toBe("мар'іна");
    expect(fold("a\u00a0b\u2009c")).toBe("a b c");
    expect(fold("Brest–Litovsk")).toBe("brest-litovsk");
  });

  it("removes soft hyphens, zero-width characters and combining marks", () => {
    expect(fold("Lu\u00adka\u200bshen\u200dka")).toBe("lukashenka");
    expect(fold("Mine\u0301sk")).toBe("minesk");
  });

  it("maps every folded position back to the original so slices return the surface text", () => {
    const input = "Sa\u00adße Łódź e\u0301 😀 Ма\u0301гілёў";
    const { text, offsets } = foldText(input);
    expect(offsets.length).toBe(text.length + 1);
    expect(offsets[text.length]).toBe(input.length);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThanOrEqual(offsets[i - 1]!);
    const at = text.indexOf("lodz");
    expect(input.slice(offsets[at]!, offsets[at + 4]!)).toBe("Łódź");
    const ss = text.indexOf("ss");
    expect(offsets[ss]).toBe(offsets[ss + 1]); // both s come from ß
    expect(input.charAt(offsets[ss]!)).toBe("ß");
  });

  it("keeps lone surrogates and emoji as separators without throwing", () => {
    expect(charClass(0xd83d)).toBe(CharClass.Separator);
    expect(foldText("\ud800a\udfff").text.length).toBe(3);
  });

  it("classifies letters of any script as word characters", () => {
    for (const ch of ["a", "Ж", "ł", "ў", "α", "7", "中"]) expect(charClass(ch.charCodeAt(0))).toBe(CharClass.Word);
    for (const ch of [" ", ",", "«", "-", "\n"]) expect(charClass(ch.charCodeAt(0))).toBe(CharClass.Separator);
  });

  it("tells upper-case units from the rest", () => {
    expect(isUpperCaseUnit("Ł")).toBe(true);
    expect(isUpperCaseUnit("ł")).toBe(false);
    expect(isUpperCaseUnit("1")).toBe(false);
  });
});

describe("fold without offsets", () => {
  it("gives the same units as foldText on any string", () => {
    const samples = ["Łukaszence", "Straße", "Ціханоўская\u00ad", "ǅ\u0301x", "ﬁne 𝔘 ß ǰ", "\ud800 lone", ""];
    for (const s of samples) expect(fold(s)).toBe(foldText(s).text);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 64 }), (s) => fold(s) === foldText(s).text));
  });
});
