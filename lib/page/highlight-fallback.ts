/**
 * Highlighting where the CSS Custom Highlight API is missing: each mention's text is wrapped
 * in <span class="briefings-mention">. Only text nodes the scanner accepted are wrapped, so
 * editable content is never touched; the DOM change runs outside the scanner's observer.
 */
import type { MentionPainter } from "./highlight";
import { FALLBACK_FOCUS_ATTR, fallbackCss } from "./highlight-style";
import { inDocumentOrder, makeRange, type PageMention } from "./mention";
import { FALLBACK_MENTION_CLASS } from "./own-ui";
import { createPageStylesheet } from "./page-stylesheet";
import type { HighlightStyle } from "./settings";

export interface SpanPainter extends MentionPainter {
  /** The mention whose span is (or contains) the event target. */
  mentionAt(target: EventTarget | null): PageMention | null;
}

/** `mutate` runs our DOM change without the scanner seeing it as a page change. */
export function createSpanPainter(doc: Document, style: HighlightStyle, mutate: (change: () => void) => void): SpanPainter {
  const sheet = createPageStylesheet(doc);
  sheet.set(fallbackCss(style));
  const spansOf = new Map<PageMention, HTMLSpanElement[]>();
  const mentionOf = new WeakMap<Element, PageMention>();
  let focused: PageMention | null = null;

  const wrap = (mention: PageMention) => {
    const { range } = mention;
    const spans: HTMLSpanElement[] = [];
    const wrapped: Text[] = [];
    for (const node of mention.nodes) {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start || !node.parentNode) continue;
      const middle = start > 0 ? node.splitText(start) : node;
      if (end - start < middle.data.length) middle.splitText(end - start);
      const span = doc.createElement("span");
      span.className = FALLBACK_MENTION_CLASS;
      middle.parentNode!.insertBefore(span, middle);
      span.append(middle);
      mentionOf.set(span, mention);
      spans.push(span);
      wrapped.push(middle);
    }
    const first = wrapped[0];
    const last = wrapped[wrapped.length - 1];
    if (!first || !last) return;
    mention.nodes = wrapped;
    mention.range = makeRange(doc, first, 0, last, last.data.length);
    spansOf.set(mention, spans);
  };

  const unwrap = (mention: PageMention) => {
    for (const span of spansOf.get(mention) ?? []) {
      const parent = span.parentNode;
      if (!parent) continue;
      while (span.firstChild) parent.insertBefore(span.firstChild, span);
      span.remove();
    }
    spansOf.delete(mention);
  };

  const setFocusAttr = (mention: PageMention | null, on: boolean) => {
    for (const span of (mention && spansOf.get(mention)) || []) span.toggleAttribute(FALLBACK_FOCUS_ATTR, on);
  };

  return {
    kind: "spans",
    add(list) {
      // Later mentions first: splitting a text node keeps its head, where earlier mentions live.
      const ordered = inDocumentOrder(list).reverse();
      mutate(() => ordered.forEach(wrap));
    },
    remove(list) {
      if (list.includes(focused as PageMention)) focused = null;
      mutate(() => list.forEach(unwrap));
    },
    focus(mention) {
      setFocusAttr(focused, false);
      focused = mention;
      setFocusAttr(mention, true);
    },
    setStyle(next) {
      sheet.set(fallbackCss(next));
    },
    dispose() {
      const all = [...spansOf.keys()];
      mutate(() => all.forEach(unwrap));
      sheet.remove();
    },
    mentionAt(target) {
      if (!(target instanceof Element)) return null;
      const span = target.closest(`span.${FALLBACK_MENTION_CLASS}`);
      return span ? (mentionOf.get(span) ?? null) : null;
    },
  };
}
