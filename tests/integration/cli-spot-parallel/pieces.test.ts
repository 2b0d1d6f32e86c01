import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Matcher } from "@/lib/spot/match";
import type { SpotMention } from "@/lib/spot/types";
import { createMatcher } from "@/lib/spot/match";
import { loadDefaultMatcher } from "@/scripts/cli/default-matcher";
import { StrongLabels, anchorBlock } from "@/scripts/cli/spot-anchors";
import { SpotThreads, type SpotTally } from "@/scripts/cli/spot-parallel";
import { matchPiece, pieceMatcher } from "@/scripts/cli/spot-piece";
import { splitAtBlankLines } from "@/scripts/cli/spot-split";
import { multilingualText, SNIPPETS } from "./texts";

let matcher: Matcher;
let tmp: string;
/** The gazetteer the threads load, and the anchor block: this test's own, not the shared cache. */
let shared: { compiledFile: string; anchors: string };
const open: SpotThreads[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-spot-pieces-"));
  const { compiled } = loadDefaultMatcher();
  matcher = createMatcher(compiled);
  const compiledFile = path.join(tmp, "matcher.json");
  await writeFile(compiledFile, JSON.stringify(compiled));
  const anchors = anchorBlock(matcher, new StrongLabels(matcher));
  if (!anchors.ok) throw new Error(anchors.error);
  shared = { compiledFile, anchors: anchors.text };
}, 60_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function threads(): Promise<SpotThreads> {
  const started = SpotThreads.start(1);
  open.push(started);
  const init = started.init(matcher, shared);
  if (!init.ok) throw new Error(init.error);
  return started;
}

function mentionsOf(tally: SpotTally): SpotMention[] {
  if (!("mentions" in tally)) throw new Error("expected mentions, got counts");
  return tally.mentions;
}

function countsOf(mentions: readonly SpotMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return counts;
}

/** Paragraphs of filler without any name, to keep two parts of a text far apart. */
function filler(chars: number): string {
  const line = "The weather was mild and the markets were calm all week long.";
  const paragraphs: string[] = [];
  for (let n = 0; n < chars; n += line.length + 2) paragraphs.push(line);
  return paragraphs.join("\n\n");
}

describe("matching a long text in pieces", () => {
  it("finds the same mentions as one pass over a multilingual text with names at every cut", async () => {
    const text = multilingualText(1_500_000, 1);
    const whole = matcher.find(text);
    expect(whole.length).toBeGreaterThan(10_000);
    const t = await threads();
    expect(await t.settled()).toBe(1);
    // Small pieces: about 75 cuts, each at a blank line with names right beside it.
    expect(mentionsOf(await t.spot(text, false, 20_000))).toEqual(whole);
    const counted = await t.spot(text, true, 20_000);
    expect("counts" in counted && counted.counts).toEqual(countsOf(whole));
    expect(counted.count).toBe(whole.length);
    // Really in pieces, and partly by the worker thread, not by the one-pass fallback.
    expect(t.textsInPieces).toBe(2);
    expect(t.piecesFromThreads).toBeGreaterThan(0);
  });

  it("keeps a name that runs over a single line break right before a cut", async () => {
    const text = `${filler(30_000)}\n\nMaksim\nZnak was sentenced in Minsk.\n\nLukashenka spoke.\n\n${filler(30_000)}`;
    const whole = matcher.find(text);
    expect(whole.map((m) => m.text)).toContain("Maksim\nZnak");
    const t = await threads();
    for (const pieceChars of [29_000, 30_010, 30_040, 30_100]) expect(mentionsOf(await t.spot(text, false, pieceChars))).toEqual(whole);
    expect(t.textsInPieces).toBe(4);
  });

  it("sees context rules across a cut: a veto word in the paragraph before it", async () => {
    // "Brest" right after a paragraph on Brest in Brittany: its veto words within 200
    // characters make this Brest the French one too, in the whole text.
    const french = SNIPPETS.find((s) => s.includes("Finistère"))!;
    const head = `Lukashenka in Minsk.\n\n${filler(40_000)}\n\nMinsk and Hrodna.\n\n`;
    const brest = "On Sunday Brest hosted the match again.";
    // A tail that puts the middle of the text inside the French paragraph: the cut into two
    // pieces then falls on the blank line right before "On Sunday Brest".
    const body = `${head}${french}\n\n${brest}\n\nLukashenka in Minsk.\n\n`;
    const middle = head.length + french.length / 2;
    const tailLength = Math.round(2 * middle - body.length);
    const tail = filler(tailLength).slice(0, tailLength);
    const text = body + tail;
    const cut = text.indexOf(brest);
    const pieces = splitAtBlankLines(text, 2);
    expect(pieces.map((p) => p.coreStart)).toEqual([0, cut]);
    const whole = matcher.find(text);
    expect(whole.some((m) => m.text === "Brest" && m.start > cut && m.start < cut + brest.length)).toBe(false);
    const t = await threads();
    expect(mentionsOf(await t.spot(text, false, Math.ceil(text.length / 2)))).toEqual(whole);
    expect(t.textsInPieces).toBe(1);
    // Matched without the margin, the second piece loses the veto: the margin is what keeps it right.
    const bare = matchPiece(pieceMatcher(matcher, new StrongLabels(matcher), shared.anchors), text.slice(cut), 0, text.length - cut, false);
    expect(bare.starts[0]).toBe(brest.indexOf("Brest"));
  });

  it("keeps 'Lida' as a first name and as a town the way one pass does, across cuts", async () => {
    const lida = SNIPPETS.filter((s) => /\bLida\b/.test(s));
    expect(lida.length).toBeGreaterThanOrEqual(3);
    const text = lida.map((s) => `${filler(5_000)}\n\n${s}`).join("\n\n");
    const whole = matcher.find(text);
    const t = await threads();
    for (const pieceChars of [3_000, 5_000, 7_777]) expect(mentionsOf(await t.spot(text, false, pieceChars))).toEqual(whole);
    expect(t.textsInPieces).toBe(3);
  });

  it("gives a surname the person's full name from another piece ('Kolesnikowas Schwester')", async () => {
    const text = `Maria Kolesnikowa wurde in Minsk verurteilt.\n\n${filler(60_000)}\n\nKolesnikowas Schwester sprach in Berlin über Belarus.`;
    const whole = matcher.find(text);
    expect(whole.map((m) => m.text)).toContain("Kolesnikowas");
    const t = await threads();
    expect(mentionsOf(await t.spot(text, false, 20_000))).toEqual(whole);
    // The pieces could not prove it alone: the text was matched in one pass.
    expect(t.textsInPieces).toBe(0);
  });

  it("drops 'Kolesnikowas Schwester' as one pass does when no piece names her in full", async () => {
    const text = `Lukashenka and Tsikhanouskaya in Minsk.\n\n${filler(60_000)}\n\nKolesnikowas Schwester sprach in Berlin.\n\nMinsk again.`;
    const whole = matcher.find(text);
    expect(whole.map((m) => m.text)).not.toContain("Kolesnikowas");
    const t = await threads();
    expect(mentionsOf(await t.spot(text, false, 20_000))).toEqual(whole);
    // The anchored piece alone keeps it (the anchors name every person): the merge saw the doubt.
    const from = text.indexOf("Kolesnikowas");
    const alone = matchPiece(pieceMatcher(matcher, new StrongLabels(matcher), shared.anchors), text.slice(from), 0, text.length - from, false);
    expect(alone.starts[0]).toBe(0);
    expect(t.textsInPieces).toBe(0);
  });

  it("matches a text with a single unambiguous name in one pass, the same as before", async () => {
    const text = `${filler(50_000)}\n\nLida, a town near Hrodna.\n\n${filler(50_000)}`;
    const t = await threads();
    expect(mentionsOf(await t.spot(text, false, 10_000))).toEqual(matcher.find(text));
    expect(t.textsInPieces).toBe(0);
  });

  it("cuts a text whose only blank lines are far apart, and one without any", async () => {
    const paragraph = (n: number) => Array.from({ length: n }, (_, i) => SNIPPETS[i % SNIPPETS.length]).join("\n");
    const sparse = [paragraph(2_000), paragraph(2_000), paragraph(2_000)].join("\n\n");
    const pieces = splitAtBlankLines(sparse, 30);
    // Three pieces, cut at the two blank lines; each run reaches to the next blank line or the end.
    expect(pieces.map((p) => [p.coreStart, p.coreEnd])).toEqual([
      [0, sparse.indexOf("\n\n") + 2],
      [sparse.indexOf("\n\n") + 2, sparse.lastIndexOf("\n\n") + 2],
      [sparse.lastIndexOf("\n\n") + 2, sparse.length],
    ]);
    expect(pieces.map((p) => [p.runStart, p.runEnd])).toEqual([
      [0, sparse.lastIndexOf("\n\n")],
      [0, sparse.length],
      [sparse.indexOf("\n\n") + 2, sparse.length],
    ]);
    const t = await threads();
    expect(mentionsOf(await t.spot(sparse, false, 10_000))).toEqual(matcher.find(sparse));
    expect(t.textsInPieces).toBe(1);
    const none = paragraph(3_000);
    expect(splitAtBlankLines(none, 30)).toEqual([{ runStart: 0, coreStart: 0, coreEnd: none.length, runEnd: none.length }]);
    expect(mentionsOf(await t.spot(none, false, 10_000))).toEqual(matcher.find(none));
  });

  it("falls back to the main thread when a thread cannot load the gazetteer, with a note", async () => {
    const corrupt = path.join(tmp, "matcher-corrupt.json");
    await writeFile(corrupt, '{"format":"briefings-matcher/2","entities":[');
    const started = SpotThreads.start(1);
    open.push(started);
    expect(started.init(matcher, { compiledFile: corrupt, anchors: shared.anchors }).ok).toBe(true);
    const notes: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (notes.push(String(chunk)), true));
    const text = multilingualText(300_000, 2);
    let tally: SpotTally;
    try {
      // Once the thread has failed, so the note is certain to be written with this text.
      expect(await started.settled()).toBe(0);
      tally = await started.spot(text, false, 10_000);
    } finally {
      spy.mockRestore();
    }
    expect(mentionsOf(tally)).toEqual(matcher.find(text));
    expect(started.piecesFromThreads).toBe(0);
    expect(notes.join("")).toMatch(/a matching thread failed \(.*JSON.*\); its pieces were matched by the main thread/);
  });
});
