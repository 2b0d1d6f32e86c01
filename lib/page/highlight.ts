/**
 * Paints mentions. The CSS Custom Highlight API draws them without touching the page's DOM;
 * where it is missing, the span fallback (highlight-fallback.ts) wraps the text instead.
 */
import type { PageMention } from "./mention";
import { createPageStylesheet, type PageStylesheet } from "./page-stylesheet";
import type { HighlightStyle } from "./settings";
import { FOCUS_HIGHLIGHT, MENTION_HIGHLIGHT, highlightCss } from "./highlight-style";

export interface MentionPainter {
  readonly kind: "css-highlight" | "spans";
  add(mentions: readonly PageMention[]): void;
  remove(mentions: readonly PageMention[]): void;
  /** The keyboard focus ring: one mention, or none. */
  focus(mention: PageMention | null): void;
  setStyle(style: HighlightStyle): void;
  dispose(): void;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => { add(r: AbstractRange): void; delete(r: AbstractRange): boolean; clear(): void; readonly size: number };

export function supportsCssHighlights(doc: Document): boolean {
  const view = doc.defaultView as (Window & { Highlight?: unknown; CSS?: { highlights?: unknown } }) | null;
  return typeof view?.Highlight === "function" && view.CSS?.highlights !== undefined;
}

export function createCssHighlightPainter(doc: Document, style: HighlightStyle): MentionPainter {
  const view = doc.defaultView as Window & { Highlight: HighlightCtor; CSS: { highlights: HighlightRegistryLike } };
  const mentions = new view.Highlight();
  const focusRing = new view.Highlight();
  view.CSS.highlights.set(MENTION_HIGHLIGHT, mentions);
  view.CSS.highlights.set(FOCUS_HIGHLIGHT, focusRing);
  const sheet: PageStylesheet = createPageStylesheet(doc);
  sheet.set(highlightCss(style));
  let focused: PageMention | null = null;
  return {
    kind: "css-highlight",
    add(list) {
      for (const m of list) mentions.add(m.range);
    },
    remove(list) {
      for (const m of list) {
        mentions.delete(m.range);
        if (m === focused) this.focus(null);
      }
    },
    focus(mention) {
      focusRing.clear();
      focused = mention;
      if (mention) focusRing.add(mention.range);
    },
    setStyle(next) {
      sheet.set(highlightCss(next));
    },
    dispose() {
      mentions.clear();
      focusRing.clear();
      view.CSS.highlights.delete(MENTION_HIGHLIGHT);
      view.CSS.highlights.delete(FOCUS_HIGHLIGHT);
      sheet.remove();
    },
  };
}
