import { describe, expect, it } from "vitest";
import { inflectedForms, inflectionStems, MIN_STEM } from "../../../lib/text/inflect";

describe("inflect", () => {
  it("declines Belarusian -ка surnames: Лукашэнкі, Лукашэнку, Лукашэнкам", () => {
    expect(inflectedForms("Лукашэнка", "be")).toEqual(expect.arrayContaining(["лукашэнка", "лукашэнкі", "лукашэнку", "лукашэнкам"]));
  });

  it("declines -ская surnames in ru, be, uk, pl and lt", () => {
    expect(inflectedForms("Тихановская", "ru")).toEqual(expect.arrayContaining(["тихановской", "тихановскую"]));
    expect(inflectedForms("Ціханоўская", "be")).toEqual(expect.arrayContaining(["ціханоўскай", "ціханоўскую"]));
    expect(inflectedForms("Тихановська", "uk")).toEqual(expect.arrayContaining(["тихановської", "тихановській", "тихановською"]));
    expect(inflectedForms("Cichanouska", "pl")).toEqual(expect.arrayContaining(["cichanouskiej", "cichanouską"]));
    expect(inflectedForms("Cichanouskaja", "lt")).toEqual(expect.arrayContaining(["cichanouskajos", "cichanouskajai", "cichanouskają"]));
  });

  it("declines Ukrainian -ко surnames (Лукашенкові) and leaves Russian ones alone", () => {
    expect(inflectedForms("Лукашенко", "uk")).toEqual(expect.arrayContaining(["лукашенка", "лукашенкові", "лукашенком"]));
    expect(inflectedForms("Лукашенко", "ru")).toEqual(["лукашенко"]);
  });

  it("adds consonant alternations as extra stems: Łukaszence, Лідзе, Брэсце, Homla", () => {
    expect(inflectedForms("Łukaszenka", "pl")).toContain("łukaszence");
    expect(inflectedForms("Ліда", "be")).toContain("лідзе");
    expect(inflectedForms("Брэст", "be")).toContain("брэсце");
    expect(inflectedForms("Homel", "pl")).toEqual(expect.arrayContaining(["homla", "homlu"]));
    expect(inflectedForms("Lida", "pl")).toContain("lidzie");
  });

  it("declines places: Мінску, Mińsku, Minske, Minsko, Гомелі, Магілёве, Białorusi, Brześciu", () => {
    expect(inflectedForms("Мінск", "be")).toContain("мінску");
    expect(inflectedForms("Mińsk", "pl")).toEqual(expect.arrayContaining(["mińsku", "mińskiem"]));
    expect(inflectedForms("Minsk", "lt")).toEqual(expect.arrayContaining(["minske", "minsko"]));
    expect(inflectedForms("Minskas", "lt")).toEqual(expect.arrayContaining(["minske", "minsko", "minskui"]));
    expect(inflectedForms("Гомель", "be")).toContain("гомелі");
    expect(inflectedForms("Магілёў", "be")).toEqual(expect.arrayContaining(["магілёва", "магілёве"]));
    expect(inflectedForms("Białoruś", "pl")).toEqual(expect.arrayContaining(["białorusi", "białorusią"]));
    expect(inflectedForms("Brześć", "pl")).toEqual(expect.arrayContaining(["brześcia", "brześciu"]));
    expect(inflectedForms("Беларусь", "be")).toEqual(expect.arrayContaining(["беларусі", "беларуссю"]));
  });

  it("gives only genitive endings in English, German and French", () => {
    expect(inflectedForms("Minsk", "en").sort()).toEqual(["minsk", "minsk's", "minsk’s"].sort());
    expect(inflectedForms("Lukaschenko", "de")).toContain("lukaschenkos");
    expect(inflectedForms("Loukachenko", "fr")).toEqual(["loukachenko"]);
  });

  it("never turns a proper noun into its adjective", () => {
    expect(inflectedForms("Belarus", "en")).not.toContain("belarusian");
    expect(inflectedForms("Беларусь", "be")).not.toContain("беларускі");
    expect(inflectedForms("Беларусь", "ru")).not.toContain("белорусский");
    expect(inflectedForms("Białoruś", "pl")).not.toContain("białoruski");
    expect(inflectedForms("Mińsk", "pl")).not.toContain("miński");
    expect(inflectedForms("Минск", "ru")).not.toContain("минский");
    expect(inflectedForms("Minsk", "de")).not.toContain("minsker");
    expect(inflectedForms("Мінськ", "uk")).not.toContain("мінський");
  });

  it("does not inflect stems shorter than the minimum", () => {
    for (const r of inflectionStems("Мір", "be")) expect(r.stem.length).toBeGreaterThanOrEqual(MIN_STEM);
    expect(inflectionStems("Ош", "ru").every((r) => r.endings.length === 1 && r.endings[0] === "")).toBe(true);
  });

  it("keeps the gender of -ский/-ская, -скі/-ская, -ський/-ська and -ski/-ska stems", () => {
    expect(inflectedForms("Тихановский", "ru")).not.toContain("тихановской");
    expect(inflectedForms("Тихановский", "ru")).not.toContain("тихановскую");
    expect(inflectedForms("Тихановская", "ru")).not.toContain("тихановского");
    expect(inflectedForms("Тихановская", "ru")).not.toContain("тихановским");
    expect(inflectedForms("Ціханоўскі", "be")).not.toContain("ціханоўскай");
    expect(inflectedForms("Тихановський", "uk")).not.toContain("тихановської");
    expect(inflectedForms("Cichanouski", "pl")).not.toContain("cichanouskiej");
    expect(inflectedForms("Cichanouski", "pl")).not.toContain("cichanouską");
    expect(inflectedForms("Cichanouska", "pl")).not.toContain("cichanouskiego");
    expect(inflectedForms("Трубецкой", "ru")).toEqual(expect.arrayContaining(["трубецкой", "трубецкого"]));
  });

  it("declines feminine -awa surnames as adjectives in Polish: Kalesnikawej, Kolesnikową", () => {
    expect(inflectedForms("Kalesnikawa", "pl")).toEqual(expect.arrayContaining(["kalesnikawej", "kalesnikawą"]));
    expect(inflectedForms("Kolesnikowa", "pl")).toEqual(expect.arrayContaining(["kolesnikowej", "kolesnikową"]));
  });

  it("declines plurals and plural-only place names", () => {
    expect(inflectedForms("Киберпартизаны", "ru")).toEqual(expect.arrayContaining(["киберпартизанами", "киберпартизанам"]));
    expect(inflectedForms("Барановичи", "ru")).toEqual(expect.arrayContaining(["барановичах", "барановичей"]));
    expect(inflectedForms("Кіберпартызаны", "be")).toEqual(expect.arrayContaining(["кіберпартызанамі", "кіберпартызанаў"]));
    expect(inflectedForms("Кіберпартизани", "uk")).toEqual(expect.arrayContaining(["кіберпартизанів", "кіберпартизанами"]));
    expect(inflectedForms("Осиповичі", "uk")).toEqual(expect.arrayContaining(["осиповичів", "осиповичами"]));
    expect(inflectedForms("Cyberpartyzantów", "pl")).toEqual(expect.arrayContaining(["cyberpartyzantami", "cyberpartyzantom"]));
    expect(inflectedForms("Kiberpartizanai", "lt")).toEqual(expect.arrayContaining(["kiberpartizanų", "kiberpartizanams"]));
  });

  it("declines Łacinka with Latin endings: Pucinym, Miensku, Lukašenku, Lidzie", () => {
    expect(inflectedForms("Pucin", "be")).toContain("pucinym");
    expect(inflectedForms("Miensk", "be")).toContain("miensku");
    expect(inflectedForms("Lukašenka", "be")).toContain("lukašenku");
    expect(inflectedForms("Lida", "be")).toContain("lidzie");
    expect(inflectedForms("Ciachanoŭskaja", "be")).toContain("ciachanoŭskaj");
  });

  it("declines Ukrainian -на place adjectives: Мар'їній Гірці", () => {
    expect(inflectedForms("Мар'їна", "uk")).toContain("мар'їній");
  });

  it("declines the adjectives and neuter nouns of multi-word names", () => {
    const has = (token: string, lang: Parameters<typeof inflectedForms>[1], forms: string[]) => expect(inflectedForms(token, lang)).toEqual(expect.arrayContaining(forms));
    has("Народное", "ru", ["народного", "народном", "народным"]);
    has("Координационный", "ru", ["координационного", "координационном"]);
    has("Центральная", "ru", ["центральной", "центральную"]);
    has("управление", "ru", ["управления", "управлении", "управлением"]);
    has("Народнае", "be", ["народнага", "народным"]);
    has("Каардынацыйная", "be", ["каардынацыйнай", "каардынацыйную"]);
    has("упраўленне", "be", ["упраўлення", "упраўленні"]);
    has("народны", "be", ["народнага", "народным"]);
    has("народныя", "be", ["народных"]);
    // A noun in -ыя keeps its own endings.
    has("Марыя", "be", ["марыі", "марыяй", "марыю"]);
    has("Народне", "uk", ["народного", "народному"]);
    has("Координаційна", "uk", ["координаційної", "координаційну"]);
    has("управління", "uk", ["управлінням"]);
    has("Narodowe", "pl", ["narodowego", "narodowym"]);
    has("Zarządzanie", "pl", ["zarządzania", "zarządzaniu"]);
    has("Najwyższy", "pl", ["najwyższego", "najwyższym"]);
    has("Koordynacyjna", "pl", ["koordynacyjnej"]);
    // A noun never takes them: Минск stays a noun, Białoruś too (see above).
    expect(inflectedForms("Минск", "ru")).not.toContain("минского");
  });

  it("declines Russian first names in -ий: Юрия, Юрием, Дмитрию", () => {
    expect(inflectedForms("Юрий", "ru")).toEqual(expect.arrayContaining(["юрия", "юрием", "юрию"]));
    expect(inflectedForms("Дмитрий", "ru")).toContain("дмитрию");
  });

  it("drops the fleeting vowel: Островце, Астраўцы, Островці, Ostrowcem, Гомлі", () => {
    expect(inflectedForms("Островец", "ru")).toEqual(expect.arrayContaining(["островце", "островца", "островцом"]));
    expect(inflectedForms("Астравец", "be")).toEqual(expect.arrayContaining(["астраўца", "астраўцы"]));
    expect(inflectedForms("Островець", "uk")).toEqual(expect.arrayContaining(["островця", "островці"]));
    expect(inflectedForms("Ostrowiec", "pl")).toEqual(expect.arrayContaining(["ostrowca", "ostrowcu", "ostrowcem"]));
    expect(inflectedForms("Гомель", "be")).toEqual(expect.arrayContaining(["гомля", "гомлі", "гомелі"]));
    expect(inflectedForms("Городок", "ru")).toContain("городка");
  });

  it("declines Polish plural-only towns in -e: Osipowiczach, Osipowiczami, do Osipowicz", () => {
    expect(inflectedForms("Osipowicze", "pl")).toEqual(expect.arrayContaining(["osipowiczach", "osipowiczami", "osipowicz"]));
  });
});
