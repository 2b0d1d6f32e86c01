/**
 * Where `briefings spot` cuts a long text so that pieces can be matched apart and give the
 * mentions one pass over the whole text gives.
 *
 * Cuts lie at blank lines: a name never runs over one (lib/spot/match.ts joins the words of a
 * name across one line break at most), so no mention spans a cut. The context rules
 * (lib/spot/context.ts) do look past a blank line: a cue or a veto word counts within ±200
 * characters and in the same paragraph up to 1,000 characters away. So each piece is matched
 * with a margin of text on both sides (at least MARGIN_CHARS, far beyond that reach), and only
 * the mentions that start in its own core are kept. Margins also end at blank lines, so the
 * names inside them are found exactly as in the whole text.
 */

/** A blank line: two line breaks with only spaces, tabs or carriage returns between. */
const BLANK_LINE = /\n[ \t\r]*\n/g;

/**
 * Context each piece sees beyond its core, in UTF-16 units. The rules reach about 1,200 units
 * (a 1,000-unit paragraph cap plus the mention, ±200 for cues); over three times that is cheap.
 */
export const MARGIN_CHARS = 4096;

/** One piece of the text: its core [coreStart, coreEnd) and the run [runStart, runEnd) matched for it. */
export interface TextPiece {
  runStart: number;
  coreStart: number;
  coreEnd: number;
  runEnd: number;
}

/** The first blank line that starts at or after `from`, as [start, end), or undefined. */
export function blankLineFrom(text: string, from: number): [number, number] | undefined {
  BLANK_LINE.lastIndex = Math.max(0, from);
  const m = BLANK_LINE.exec(text);
  return m === null ? undefined : [m.index, m.index + m[0].length];
}

/** The end of the last blank line that ends at or before `to`, or 0 (the text start). */
function blankLineEndingBy(text: string, to: number): number {
  // Blank lines are short: look back a little, then further, rather than scan from the start.
  for (let span = 4096; ; span *= 4) {
    const from = Math.max(0, to - span);
    let best = -1;
    BLANK_LINE.lastIndex = from;
    for (let m = BLANK_LINE.exec(text); m !== null && m.index + m[0].length <= to; m = BLANK_LINE.exec(text)) {
      best = m.index + m[0].length;
      // Overlapping matches ("\n\n\n") are found one by one: step past the first line break only.
      BLANK_LINE.lastIndex = m.index + 1;
    }
    if (best >= 0) return best;
    if (from === 0) return 0;
  }
}

/**
 * Splits text into about `pieces` pieces of similar length, each cut at a blank line. Returns
 * one piece (the whole text) when there is no blank line to cut at.
 */
export function splitAtBlankLines(text: string, pieces: number, margin = MARGIN_CHARS): TextPiece[] {
  const cuts: number[] = [];
  for (let i = 1; i < pieces; i++) {
    const ideal = Math.floor((text.length * i) / pieces);
    const from = Math.max(ideal, cuts.length > 0 ? cuts[cuts.length - 1]! : 0);
    const blank = blankLineFrom(text, from);
    if (blank === undefined) break;
    const cut = blank[1];
    if (cut >= text.length) break;
    if (cuts.length === 0 || cut > cuts[cuts.length - 1]!) cuts.push(cut);
  }
  const bounds = [0, ...cuts, text.length];
  const out: TextPiece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const coreStart = bounds[i]!;
    const coreEnd = bounds[i + 1]!;
    const runStart = coreStart === 0 ? 0 : blankLineEndingBy(text, coreStart - margin);
    let runEnd = text.length;
    if (coreEnd < text.length) {
      const after = blankLineFrom(text, coreEnd + margin);
      if (after !== undefined) runEnd = after[0];
    }
    out.push({ runStart, coreStart, coreEnd, runEnd });
  }
  return out;
}
