import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { createMatcher } from "../../../lib/spot/match";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

const matcher = createMatcher(compileGazetteer(mini as Entity[]));
const found = (text: string) => matcher.find(text).map((m) => `${m.text}=${m.entityId.split("/")[1]}`);

describe("matcher", () => {
  it("finds Łukaszence as Alexander Lukashenko", () => {
    expect(found("Polska odpowiedziała Łukaszence.")).toEqual(["Łukaszence=alexander-lukashenko"]);
  });

  it("finds inflected forms in every language", () => {
    expect(found("Лукашэнкам і Ціханоўскай у Мінску")).toEqual([
      "Лукашэнкам=alexander-lukashenko", "Ціханоўскай=sviatlana-tsikhanouskaya", "Мінску=minsk",
    ]);
    expect(found("Lukašenkos ir Cichanouskajos Minske, iš Minsko")).toEqual([
      "Lukašenkos=alexander-lukashenko", "Cichanouskajos=sviatlana-tsikhanouskaya", "Minske=minsk", "Minsko=minsk",
    ]);
    expect(found("Тихановську, Тихановською")).toEqual(["Тихановську=sviatlana-tsikhanouskaya", "Тихановською=sviatlana-tsikhanouskaya"]);
    expect(found("w Mińsku i Brześciu, na Białorusi")).toEqual(["Mińsku=minsk", "Brześciu=brest", "Białorusi=belarus"]);
  });

  it("finds Latin spellings generated from Cyrillic labels (Łacinka, passport, German)", () => {
    expect(found("Łukašenka i Homiel")).toContain("Łukašenka=alexander-lukashenko");
    expect(found("Sviatlana Tsikhanouskaia spoke")).toEqual(["Sviatlana Tsikhanouskaia=sviatlana-tsikhanouskaya"]);
    expect(found("Swjatlana Zichanouskaja sprach")).toEqual(["Swjatlana Zichanouskaja=sviatlana-tsikhanouskaya"]);
  });

  it("declines every word of a multi-word name (Светланы Тихановской, Аляксандра Лукашэнкі)", () => {
    expect(found("Светланы Тихановской и Аляксандра Лукашэнкі")).toEqual([
      "Светланы Тихановской=sviatlana-tsikhanouskaya", "Аляксандра Лукашэнкі=alexander-lukashenko",
    ]);
  });

  it("prefers the longest match (Brest Fortress over Brest)", () => {
    expect(found("We visited the Brest Fortress.")).toEqual(["Brest Fortress=brest-fortress"]);
  });

  it("respects word boundaries: no hit inside Minsker, Brestois or Belarusian", () => {
    expect(found("Minsker Straße, le Stade Brestois, Belarusian food, XMinsk, Minsk2")).toEqual([]);
  });

  it("joins the words of a name across one line break, not across a paragraph break or punctuation", () => {
    expect(found("Sviatlana\nTsikhanouskaya")).toEqual(["Sviatlana\nTsikhanouskaya=sviatlana-tsikhanouskaya"]);
    expect(found("Sviatlana\r\nTsikhanouskaya")).toEqual(["Sviatlana\r\nTsikhanouskaya=sviatlana-tsikhanouskaya"]);
    expect(found("Sviatlana\n\nTsikhanouskaya")).toEqual(["Tsikhanouskaya=sviatlana-tsikhanouskaya"]);
    expect(found("Sviatlana. Tsikhanouskaya")).toEqual(["Tsikhanouskaya=sviatlana-tsikhanouskaya"]);
  });

  it("matches case-insensitively unless the entity is case-sensitive", () => {
    expect(found("MINSK and minsk")).toEqual(["MINSK=minsk", "minsk=minsk"]);
    expect(found("Lukashenka met people in brest, Belarus")).toEqual(["Lukashenka=alexander-lukashenko", "Belarus=belarus"]);
  });

  it("drops a weak label without evidence, keeps it when quoted, cued or anchored", () => {
    expect(found("вясна прыйшла рана")).toEqual([]);
    expect(found("Вясна прыйшла рана")).toEqual([]);
    expect(found("Паведаміла «Вясна».")).toEqual(["Вясна=viasna"]);
    expect(found("Праваабаронцы з Вясна кажуць")).toEqual(["Вясна=viasna"]);
    expect(found("The town of Lida lies west of Minsk.")).toEqual(["Lida=lida", "Minsk=minsk"]);
    expect(found("The town of Lida is quiet.")).toEqual([]);
  });

  it("does not anchor a sentence-initial weak place name on another mention", () => {
    expect(found("Вясна ў Мінску позняя.")).toEqual(["Мінску=minsk"]);
  });

  it("vetoes a mention when a forbidden word is near (Brest, Finistère)", () => {
    expect(found("Brest, Finistère, near Minsk")).toEqual(["Minsk=minsk"]);
    expect(found("Брест во Франции")).toEqual([]);
    expect(found("In Brest, Belarus")).toEqual(["Brest=brest", "Belarus=belarus"]);
  });

  it("reads a weak label followed by a capitalised word as part of another name (Lida Kovaleva)", () => {
    expect(found("Lida Kovaleva moved to Minsk")).toEqual(["Minsk=minsk"]);
  });

  it("returns offsets that slice back to the mention text", () => {
    const text = "Zu\u00adr Lukaschenkos Besuch in Minsk — «Вясна» 😀 Mińsku";
    for (const m of matcher.find(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found(text)).toContain("Lukaschenkos=alexander-lukashenko");
  });

  it("describes its entities", () => {
    expect(matcher.entity("place/minsk")).toEqual({ id: "place/minsk", name: "Minsk", type: "place" });
    expect(matcher.entity("place/nowhere")).toBeUndefined();
    expect(matcher.entities().length).toBe(mini.length);
  });

  it("rejects a damaged compiled matcher with a message", () => {
    const c = compileGazetteer(mini as Entity[]);
    expect(() => createMatcher({ ...c, edges: { ...c.edges, count: c.edges.count + 1 } })).toThrow(/damaged/);
  });

  it("finds one- and two-letter names and long inflected words (short and long lead paths)", () => {
    const tiny: Entity[] = [
      { id: "org/eu", type: "org", name: "EU", labels: { en: ["EU"] }, description: { en: "x" }, context: { caseSensitive: true } },
      { id: "event/minsk-i", type: "event", name: "Minsk I", labels: { en: ["Minsk I"] }, description: { en: "x" } },
      { id: "org/ministry", type: "org", name: "Ministry", labels: { pl: ["Ministerstwo Informacji"] }, description: { en: "x" } },
    ];
    const m = createMatcher(compileGazetteer(tiny));
    const ids = (t: string) => m.find(t).map((x) => `${x.text}=${x.entityId}`);
    expect(ids("the EU and the eu")).toEqual(["EU=org/eu"]);
    expect(ids("after Minsk I failed")).toEqual(["Minsk I=event/minsk-i"]);
    expect(ids("w Ministerstwie Informacji")).toEqual(["Ministerstwie Informacji=org/ministry"]);
  });
});
