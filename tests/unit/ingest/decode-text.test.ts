import { describe, expect, it } from "vitest";
import { BINARY_ERROR, EMPTY_ERROR, decodeText } from "@/lib/ingest/decode-text";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("decodes UTF-8 text and drops a byte order mark", () => {
    expect(decodeText(bytes("Лукашэнка “quoted”"))).toEqual({ ok: true, text: "Лукашэнка “quoted”" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, text: "A" });
  });

  it("refuses empty and whitespace-only input", () => {
    expect(decodeText(new Uint8Array())).toEqual({ ok: false, error: EMPTY_ERROR });
    expect(decodeText(bytes("\r\n \t"))).toEqual({ ok: false, error: EMPTY_ERROR });
  });

  it("refuses NUL bytes, invalid UTF-8 and control-character noise", () => {
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({ ok: false, error: BINARY_ERROR });
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, error: BINARY_ERROR });
    expect(decodeText(bytes("ab\u0001\u0002\u0003\u0004cd"))).toEqual({ ok: false, error: BINARY_ERROR });
  });

  it("tolerates a stray control character in a long text", () => {
    expect(decodeText(bytes(`${"word ".repeat(100)}\u0007`)).ok).toBe(true);
  });
});
