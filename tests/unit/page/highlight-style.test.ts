// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { fallbackCss, highlightCss } from "../../../lib/page/highlight-style";
import { createPageStylesheet } from "../../../lib/page/page-stylesheet";

afterEach(() => {
  document.adoptedStyleSheets = [];
});

describe("highlight styles", () => {
  it("underlines names by default and can paint a background or nothing", () => {
    expect(highlightCss("underline")).toMatch(/::highlight\(briefings-mention\) \{[^}]*text-decoration: underline/);
    expect(highlightCss("background")).toMatch(/::highlight\(briefings-mention\) \{[^}]*background-color/);
    expect(highlightCss("none")).not.toContain("briefings-mention");
    // The keyboard focus ring is drawn whatever the mention style.
    for (const style of ["underline", "background", "none"] as const) expect(highlightCss(style)).toContain("::highlight(briefings-focus)");
    expect(fallbackCss("underline")).toMatch(/span\.briefings-mention \{[^}]*text-decoration/);
  });

  it("adds its sheet to the page without a <style> element, updates and removes it", () => {
    const sheet = createPageStylesheet(document);
    sheet.set(highlightCss("background"));
    expect(document.querySelector("style")).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    sheet.set(highlightCss("underline"));
    expect(document.adoptedStyleSheets).toHaveLength(1);
    sheet.remove();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
