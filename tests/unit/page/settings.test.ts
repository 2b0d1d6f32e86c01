import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SETTINGS, PageSettings, readPageSettings } from "../../../lib/page/settings";
import { z } from "../../../lib/schema/mini";

describe("page settings", () => {
  it("defaults to a 300 ms hover delay and an underline", () => {
    expect(readPageSettings(undefined)).toEqual({ hoverDelayMs: 300, highlightStyle: "underline" });
    expect(DEFAULT_PAGE_SETTINGS).toEqual(readPageSettings({}));
  });

  it("keeps valid fields and replaces only the damaged ones", () => {
    expect(readPageSettings({ hoverDelayMs: 120, highlightStyle: "blink" })).toEqual({ hoverDelayMs: 120, highlightStyle: "underline" });
    expect(readPageSettings({ hoverDelayMs: "fast", highlightStyle: "background" })).toEqual({ hoverDelayMs: 300, highlightStyle: "background" });
    expect(readPageSettings("garbage")).toEqual(DEFAULT_PAGE_SETTINGS);
  });

  it("rejects out-of-range values in the strict schema the options page saves with", () => {
    expect(PageSettings.safeParse({ hoverDelayMs: -5 }).success).toBe(false);
    expect(PageSettings.safeParse({ hoverDelayMs: 10_000 }).success).toBe(false);
    expect(PageSettings.safeParse({ highlightStyle: "none" }).success).toBe(true);
  });

  it("says which setting is wrong and why", () => {
    const result = PageSettings.safeParse({ hoverDelayMs: 10_000, highlightStyle: "blink" });

    expect(result.success).toBe(false);
    const message = z.prettifyError(result.error!);
    expect(message).toMatch(/Too big: expected number to be <=5000\n\s+→ at hoverDelayMs/);
    expect(message).toMatch(/Invalid option: expected one of "underline"\|"background"\|"none"\n\s+→ at highlightStyle/);
  });
});
