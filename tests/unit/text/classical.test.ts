import { describe, expect, it } from "vitest";
import { classicalVariant } from "../../../lib/text/classical";

describe("classical Belarusian spelling (taraškievica)", () => {
  it("marks assimilated softness before a soft consonant: Калесьнікава, Сьвятлана, сьцяг", () => {
    expect(classicalVariant("Марыя Калеснікава")).toBe("Марыя Калесьнікава");
    expect(classicalVariant("Святлана Ціханоўская")).toBe("Сьвятлана Ціханоўская");
    expect(classicalVariant("бел-чырвона-белы сцяг")).toBe("бел-чырвона-белы сьцяг");
  });

  it("leaves a label without such a cluster alone: Вясна, Мінск, Лукашэнка", () => {
    expect(classicalVariant("Вясна")).toBeUndefined(); // сн before а: not soft
    expect(classicalVariant("Мінск")).toBeUndefined();
    expect(classicalVariant("Аляксандр Лукашэнка")).toBeUndefined();
  });
});
