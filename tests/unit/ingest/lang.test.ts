import { describe, expect, it } from "vitest";
import { detectLang, langFromTag } from "@/lib/ingest/lang";

describe("detectLang", () => {
  it("tells Belarusian, Russian and Ukrainian apart by their letters", () => {
    expect(detectLang("Аляксандр Лукашэнка сустрэўся з дэлегацыяй у Мінску.")).toBe("be");
    expect(detectLang("Беларускія праваабаронцы патрабуюць вызваліць палітвязняў")).toBe("be");
    expect(detectLang("Александр Лукашенко встретился с делегацией в Минске.")).toBe("ru");
    expect(detectLang("Свет Тихановская призвала Евросоюз ещё усилить санкции.")).toBe("ru");
    expect(detectLang("Олександр Лукашенко зустрівся з делегацією в Мінську.")).toBe("uk");
    expect(detectLang("Білоруські правозахисники закликали звільнити політв’язнів")).toBe("uk");
    expect(detectLang("Україна та Європа")).toBe("uk");
  });

  it("is not swayed by a Belarusian name quoted in Russian text", () => {
    expect(
      detectLang("Правозащитный центр «Вясна» сообщил, что в Минске снова задержаны журналисты и активисты, в том числе Алесь Беляцкий."),
    ).toBe("ru");
  });

  it("treats mostly Latin text as the Latin default", () => {
    expect(detectLang("Lukashenko met the delegation in Minsk (Лукашенко).")).toBe("en");
    expect(detectLang("Łukaszenka spotkał się z delegacją", { latinDefault: "pl" })).toBe("pl");
  });

  it("falls back when the text has no letters", () => {
    expect(detectLang("2024 — 12:30")).toBe("en");
    expect(detectLang("", { fallback: "de" })).toBe("de");
  });
});

describe("langFromTag", () => {
  it("maps language tags to supported languages", () => {
    expect(langFromTag("ru-RU")).toBe("ru");
    expect(langFromTag("be_BY")).toBe("be");
    expect(langFromTag("ua")).toBe("uk");
    expect(langFromTag(" EN-gb ")).toBe("en");
    expect(langFromTag("ja")).toBeUndefined();
    expect(langFromTag(null)).toBeUndefined();
  });
});
