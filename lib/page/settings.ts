/**
 * Page-behaviour settings stored in `browser.storage.local` under `settings`. The options page
 * edits them; the content script reads them. A bad or missing field falls back to its default
 * so one stale value never switches the whole feature off. zod/mini: the content script reads
 * these on every page (lib/schema/mini.ts).
 */
import { z } from "../schema/mini";

export const HIGHLIGHT_STYLES = ["underline", "background", "none"] as const;
export const HighlightStyle = z.enum(HIGHLIGHT_STYLES);
export type HighlightStyle = z.infer<typeof HighlightStyle>;

export const DEFAULT_HOVER_DELAY_MS = 300;

/** Strict schema: what the options page validates before saving. */
export const PageSettings = z.object({
  /** Hover intent: how long the pointer rests on a name before its card opens, in ms. */
  hoverDelayMs: z._default(z.int().check(z.minimum(0), z.maximum(5000)), DEFAULT_HOVER_DELAY_MS),
  highlightStyle: z._default(HighlightStyle, "underline"),
});
export type PageSettings = z.infer<typeof PageSettings>;

export const DEFAULT_PAGE_SETTINGS: PageSettings = PageSettings.parse({});

/** Lenient schema: what the content script reads; each invalid field takes its default. */
const LenientPageSettings = z.object({
  hoverDelayMs: z.catch(PageSettings.shape.hoverDelayMs, DEFAULT_PAGE_SETTINGS.hoverDelayMs),
  highlightStyle: z.catch(PageSettings.shape.highlightStyle, DEFAULT_PAGE_SETTINGS.highlightStyle),
});

/** Settings from whatever is stored (possibly nothing, possibly an older or damaged value). */
export function readPageSettings(stored: unknown): PageSettings {
  const parsed = LenientPageSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_PAGE_SETTINGS;
}
