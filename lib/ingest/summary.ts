/**
 * The article summary shown on cards: the first one or two sentences of the body,
 * at most 300 characters, cut at a sentence end.
 */
import { splitSentences } from "./sentences";

export const SUMMARY_MAX = 300;

/** Headings and list labels ("Key findings") are not where a summary starts. */
function isProse(paragraph: string): boolean {
  return /[.!?…]["'”’»)]*$/u.test(paragraph) || paragraph.length >= 80;
}

/**
 * First 1–2 sentences of the first prose paragraph (or of the first paragraph when none
 * reads as prose); a first sentence longer than the limit is cut at a word and marked "…".
 */
export function summarise(paragraphs: readonly string[]): string {
  const withText = paragraphs.filter((p) => p.trim().length > 0);
  const first = withText.find(isProse) ?? withText[0];
  if (first === undefined) return "";
  const sentences = splitSentences(first);
  const lead = sentences[0] ?? "";
  if (lead.length > SUMMARY_MAX) return cutAtWord(lead, SUMMARY_MAX);
  const second = sentences[1];
  if (second !== undefined && lead.length + 1 + second.length <= SUMMARY_MAX) return `${lead} ${second}`;
  return lead;
}

function cutAtWord(text: string, max: number): string {
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:–—-]+$/, "")}…`;
}
