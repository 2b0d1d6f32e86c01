import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "@/lib/ingest/http-url";

describe("safeHttpUrl", () => {
  it("keeps absolute http(s) urls", () => {
    expect(safeHttpUrl(" https://example.org/a?b=1 ")).toBe("https://example.org/a?b=1");
    expect(safeHttpUrl("HTTP://EXAMPLE.org")).toBe("http://example.org/");
  });

  it("resolves relative urls only against a base", () => {
    expect(safeHttpUrl("/x", "https://example.org/a/b")).toBe("https://example.org/x");
    expect(safeHttpUrl("/x")).toBeUndefined();
  });

  it("drops every other scheme and non-urls", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ftp://x.org", "mailto:a@b.c", "", null, undefined]) {
      expect(safeHttpUrl(bad, "https://example.org/")).toBeUndefined();
    }
  });
});
