/** The look of highlighted names, per the `highlightStyle` setting, for both highlighters. */
import type { HighlightStyle } from "./settings";
import { FALLBACK_MENTION_CLASS } from "./own-ui";

export const MENTION_HIGHLIGHT = "briefings-mention";
export const FOCUS_HIGHLIGHT = "briefings-focus";
/** Attribute the span fallback sets on the focused mention's spans. */
export const FALLBACK_FOCUS_ATTR = "data-briefings-focus";

const MENTION_LOOK: Record<HighlightStyle, string> = {
  // Subtle by default: a dotted line under the name in a muted red that reads on light and dark pages.
  underline: "text-decoration: underline dotted rgba(190, 60, 60, 0.75); text-decoration-thickness: 1.5px; text-underline-offset: 3px;",
  background: "background-color: rgba(255, 200, 60, 0.35);",
  none: "",
};

const FOCUS_LOOK = "background-color: rgba(40, 110, 230, 0.28); text-decoration: underline solid rgb(40, 110, 230); text-decoration-thickness: 2px; text-underline-offset: 3px;";

export function highlightCss(style: HighlightStyle): string {
  const mention = MENTION_LOOK[style];
  return [
    mention ? `::highlight(${MENTION_HIGHLIGHT}) { ${mention} }` : "",
    `::highlight(${FOCUS_HIGHLIGHT}) { ${FOCUS_LOOK} }`,
  ].join("\n");
}

export function fallbackCss(style: HighlightStyle): string {
  const mention = MENTION_LOOK[style];
  return [
    mention ? `span.${FALLBACK_MENTION_CLASS} { ${mention} }` : "",
    `span.${FALLBACK_MENTION_CLASS}[${FALLBACK_FOCUS_ATTR}] { ${FOCUS_LOOK} }`,
  ].join("\n");
}
