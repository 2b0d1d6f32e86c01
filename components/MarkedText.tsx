/**
 * Text with highlighted spans drawn as <mark> elements. Everything is rendered as text nodes:
 * snippets come from the feed and are never parsed as HTML.
 */
import type { JSX } from "preact";

export type MarkSpan = readonly [number, number];

/** Marks clipped to the text, sorted, overlaps merged: feed data may be sloppy. */
export function cleanMarks(text: string, marks: readonly MarkSpan[]): Array<[number, number]> {
  const clipped = marks
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function MarkedText({ text, marks }: { text: string; marks: readonly MarkSpan[] }): JSX.Element {
  const parts: Array<string | JSX.Element> = [];
  let at = 0;
  for (const [s, e] of cleanMarks(text, marks)) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
