/**
 * Two context rules of lib/spot/context.ts look at the whole text, not at a paragraph:
 *
 * - "anchored elsewhere": a weak label counts when the text has an unambiguous mention
 *   anywhere else;
 * - "named elsewhere": a surname alone counts (and "Kolesnikowas Schwester" is kept) when the
 *   same person is named by an unambiguous label anywhere else.
 *
 * A piece of the text matched alone cannot see the rest. So every piece is matched with an
 * anchor block appended far past its end: the unambiguous name of every person in the
 * gazetteer, one per paragraph. That makes both rules hold for every candidate of the piece.
 * piecesAgreeWithWhole (spot-piece.ts) then checks, from what the pieces found, that they hold
 * in the whole text too wherever the answer could change a mention: the text has unambiguous
 * mentions in two pieces or two paragraphs, and so has each person whose surname was kept
 * before a capitalised word (the one case "named elsewhere" still decides once "anchored
 * elsewhere" holds). Otherwise the text is matched in one pass.
 *
 * "Unambiguous" is tested the way the rules define it: a label the matcher accepts on its own,
 * with no context at all, is a strong label (a weak one needs evidence, and alone it has none).
 */
import type { Matcher } from "../../lib/spot/match";

/**
 * Line breaks between a piece and its anchors: more than any context rule reaches (about 1,200
 * units), so no mention of the piece sees an anchor and no anchor sees the piece.
 */
const ANCHOR_GAP = 4096;

/** Remembers which mention texts are strong labels of their entity. */
export class StrongLabels {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly matcher: Matcher) {}

  /** True when `text`, matched on its own, is exactly one mention of `entityId`. */
  isStrong(text: string, entityId: string): boolean {
    const key = `${entityId}\u0000${text}`;
    let strong = this.known.get(key);
    if (strong === undefined) {
      const alone = this.matcher.find(text);
      const only = alone[0];
      strong = alone.length === 1 && only !== undefined && only.start === 0 && only.end === text.length && only.entityId === entityId;
      this.known.set(key, strong);
    }
    return strong;
  }
}

export type AnchorBlock = { ok: true; text: string } | { ok: false; error: string };

/**
 * The anchor block for pieces of a text: ANCHOR_GAP line breaks, then each person's display
 * name in its own paragraph. Fails when a person's display name is not a strong label of that
 * person: such a person could not be anchored, so the text is matched in one pass.
 */
export function anchorBlock(matcher: Matcher, strong: StrongLabels): AnchorBlock {
  const names: string[] = [];
  for (const e of matcher.entities()) {
    if (e.type !== "person") continue;
    if (!strong.isStrong(e.name, e.id)) return { ok: false, error: `"${e.name}" is not an unambiguous label of ${e.id}` };
    names.push(e.name);
  }
  // Persons there must be: the anchors also stand for "an unambiguous mention elsewhere".
  if (names.length === 0) return { ok: false, error: "the gazetteer has no person to anchor with" };
  return { ok: true, text: "\n".repeat(ANCHOR_GAP) + names.join("\n\n") };
}
