import { describe, expect, it } from "vitest";
import { siteOf, withSiteEnabled } from "../../lib/site-switch";

describe("per-site switch", () => {
  it("takes the host name of web pages only", () => {
    expect(siteOf("https://news.example.org/a/b?c")).toBe("news.example.org");
    expect(siteOf("http://127.0.0.1:8080/")).toBe("127.0.0.1");
    expect(siteOf("chrome://extensions")).toBeNull();
    expect(siteOf("not a url")).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
  it("switches a site off once and keeps the list sorted", () => {
    const off = withSiteEnabled(["b.org"], "a.org", false);
    expect(off).toEqual(["a.org", "b.org"]);
    expect(withSiteEnabled(off, "a.org", false)).toEqual(["a.org", "b.org"]);
  });
  it("switches a site back on without touching the others", () => {
    expect(withSiteEnabled(["a.org", "b.org"], "a.org", true)).toEqual(["b.org"]);
  });
});
