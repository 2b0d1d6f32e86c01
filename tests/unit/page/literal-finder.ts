/**
 * A stand-in for the name matcher in page tests: finds whole-word, case-insensitive
 * occurrences of fixed labels and records every text it was asked to read.
 */
import type { SpotMention } from "../../../lib/spot/types";
import type { MentionFinder } from "../../../lib/page/scanner";

export interface RecordingFinder extends MentionFinder {
  readonly texts: string[];
}

export function literalFinder(labels: Record<string, string>, onFind?: (text: string) => void): RecordingFinder {
  const texts: string[] = [];
  const escaped = Object.keys(labels)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const byLower = new Map(Object.entries(labels).map(([k, v]) => [k.toLowerCase(), v]));
  const find = (text: string): SpotMention[] => {
    texts.push(text);
    onFind?.(text);
    const out: SpotMention[] = [];
    for (const m of text.matchAll(pattern)) {
      const entityId = byLower.get(m[0].toLowerCase());
      if (entityId) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, entityId });
    }
    return out;
  };
  return { texts, findEach: (list) => list.map(find) };
}
