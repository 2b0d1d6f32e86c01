import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "@/scripts/cli/decode-utf8";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("decoding a spot input file", () => {
  it("gives the same text as a UTF-8 decoder for Latin, Cyrillic, marks, emoji, CJK and a byte-order mark", () => {
    const samples = [
      "",
      "plain ASCII only, with\nline breaks\r\n",
      "Лукашэнка сустрэўся з Ціханоўскай у Мінску.",
      "Łukaszence, Lukašenkos, Mińsku — «Вясна» ’ʼ'",
      "e\u0301 a\u0308 soft\u00adhyphen zero\u200bwidth",
      "emoji 😀 and 𝔘 outside the BMP, 中文, 한국어",
      "\ufeffBOM first",
      "x".repeat(100_000) + "Мінск".repeat(10_000),
    ];
    for (const text of samples) expect(decodeUtf8(bytes(text))).toBe(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes(text)));
  });
});
