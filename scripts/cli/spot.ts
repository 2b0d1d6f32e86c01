/** `briefings spot`: prints the names the matcher finds in files, as JSON or as counts per entity. */
import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { BINARY_ERROR } from "../../lib/ingest/decode-text";
import type { Matcher } from "../../lib/spot/match";
import type { SpotEntity, SpotMention } from "../../lib/spot/types";
import { EXIT_FAILED, EXIT_OK, UsageError, parseCommandArgs } from "./args";
import type { Command } from "./command";
import { decodeUtf8 } from "./decode-utf8";
import type { SpotThreads, SpotTally } from "./spot-parallel";

const HELP = `Usage: briefings spot [--stats] FILE...

Finds Belarus-related names in each FILE with the default gazetteer, the same matcher the
extension runs on pages. HTML files (.html, .htm, or content starting with <!doctype html>
or <html>) are reduced to their visible text first; other files are read as UTF-8 text.

Output (stdout):
  one FILE     a JSON array of mentions, one per line:
               [{"text":"Lukashenka","start":120,"end":130,
                 "entity":{"id":"person/alexander-lukashenko","name":"Alexander Lukashenko","type":"person"}}, ...]
  several      one JSON object per file per line (NDJSON): {"file":"a.txt","mentions":[...]}
  --stats      instead of mentions, "count<TAB>entity id<TAB>name" per entity over all
               files, most frequent first; characters, mentions and time go to stderr
start and end are UTF-16 offsets into the text (for HTML: into its visible text), so
text === input.slice(start, end).

A text of several million characters is cut at blank lines and matched on all CPU cores at
once; the output is the same as matching it in one pass.

Options:
  --stats      print counts per entity instead of the mentions
  -h, --help   show this help

A file that cannot be read or is not text is reported on stderr as "path: message" and
the exit code is 1; the other files are still processed.
`;

/** Worker threads beside the main one, at most (a text of 40 M characters has about 40 pieces). */
const MAX_THREADS = 7;

interface MentionOut {
  text: string;
  start: number;
  end: number;
  entity: SpotEntity;
}

export const spotCommand: Command = {
  name: "spot",
  summary: "print the names found in files as JSON (or counts with --stats)",
  help: HELP,
  async run(argv) {
    const args = parseCommandArgs("spot", argv, { stats: { type: "boolean" } });
    const files = args.positionals;
    if (files.length === 0) throw new UsageError('briefings spot: name at least one file; run "briefings spot --help" for usage');
    const stats = args.values["stats"] === true;

    const started = performance.now();
    // Threads start first: they get going while the main thread loads the gazetteer and reads.
    let threads = await startThreads(files);
    try {
      // Loaded here, not at the top: the matcher is heavy and other commands do not need it.
      const { loadCachedMatcher } = await import("./cached-matcher");
      const { matcher, fromCache } = await loadCachedMatcher();
      const loadedMs = performance.now() - started;
      const init = threads?.init(matcher);
      if (init !== undefined && !init.ok) {
        process.stderr.write(`briefings spot: matching on one thread (${init.error})\n`);
        threads = undefined;
      }
      const counts = new Map<string, number>();
      let failed = false;
      let chars = 0;
      let mentionCount = 0;
      let matchMs = 0;
      let readMs = 0;

      for (const file of files) {
        const r0 = performance.now();
        const text = await readSpotText(file);
        readMs += performance.now() - r0;
        if (!text.ok) {
          process.stderr.write(`${file}: ${text.error}\n`);
          failed = true;
          continue;
        }
        const t0 = performance.now();
        let tally: SpotTally;
        if (threads !== undefined && text.text.length >= threads.minChars) tally = await threads.spot(text.text, stats);
        else {
          const mentions = matcher.find(text.text);
          tally = { count: mentions.length, mentions };
        }
        matchMs += performance.now() - t0;
        chars += text.text.length;
        if ("counts" in tally) {
          mentionCount += tally.count;
          for (const [id, n] of tally.counts) counts.set(id, (counts.get(id) ?? 0) + n);
          continue;
        }
        const mentions = tally.mentions;
        mentionCount += mentions.length;
        if (stats) {
          for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
        } else if (files.length === 1) {
          await writeMentionArray(mentions, matcher);
        } else {
          await writeOut(`{"file":${JSON.stringify(file)},"mentions":[`);
          await writeMentions(mentions, matcher, ",");
          await writeOut("]}\n");
        }
      }

      if (stats) {
        const rows = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
        await writeOut(rows.map(([id, n]) => `${n}\t${id}\t${matcher.entity(id)?.name ?? id}\n`).join(""));
        const total = performance.now() - started;
        const onThreads = threads !== undefined && threads.textsInPieces > 0 ? ` on ${threads.size + 1} threads` : "";
        const rate = matchMs > 0 ? ` (${(chars / matchMs / 1000).toFixed(0)} M chars/s${onThreads})` : "";
        process.stderr.write(
          `${files.length} file${files.length === 1 ? "" : "s"}, ${chars} chars, ${mentionCount} mentions of ${counts.size} entities; ` +
            `matcher load ${loadedMs.toFixed(0)} ms${fromCache ? " (cached)" : ""}, reading ${readMs.toFixed(0)} ms, matching ${matchMs.toFixed(0)} ms${rate}, total ${total.toFixed(0)} ms\n`,
        );
      }
      return failed ? EXIT_FAILED : EXIT_OK;
    } finally {
      await threads?.close();
    }
  },
};

/** Matching threads when a file is long enough to be cut into pieces and the machine has more than one core. */
async function startThreads(files: readonly string[]): Promise<SpotThreads | undefined> {
  const count = Math.min(availableParallelism() - 1, MAX_THREADS);
  if (count < 1) return undefined;
  const { PARALLEL_MIN_CHARS, SpotThreads } = await import("./spot-parallel");
  // UTF-8 takes at least one byte per UTF-16 unit, so a shorter file is a shorter text.
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0 /* reported when it is read */)));
  if (!sizes.some((size) => size >= PARALLEL_MIN_CHARS)) return undefined;
  return SpotThreads.start(count);
}

async function readSpotText(file: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  let bytes: Buffer;
  try {
    // Read in one call: a third faster than fs/promises' chunked readFile on a 40 MB file, and
    // nothing else waits on this thread meanwhile (the matching threads run on their own).
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === "ENOENT" ? "no such file" : `cannot read (${(error as Error).message})` };
  }
  // The same verdicts as ingest's decodeText, through node's native checks: on a 40 MB file
  // this is ~10 ms instead of ~300 ms for a fatal TextDecoder plus a control-character scan.
  if (bytes.includes(0) || !isUtf8(bytes)) return { ok: false, error: BINARY_ERROR };
  let text = decodeUtf8(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const looksHtml = /\.x?html?$/i.test(file) || /^\s*<(!doctype\s+html|html)[\s>]/i.test(text.slice(0, 1024));
  if (!looksHtml) return { ok: true, text };
  const { visibleTextFromHtml } = await import("../../lib/spot/visible-text-node");
  return { ok: true, text: visibleTextFromHtml(text) };
}

async function writeMentionArray(mentions: readonly SpotMention[], matcher: Matcher): Promise<void> {
  if (mentions.length === 0) {
    await writeOut("[]\n");
    return;
  }
  await writeOut("[\n  ");
  await writeMentions(mentions, matcher, ",\n  ");
  await writeOut("\n]\n");
}

/** Serialises in batches: one string for millions of mentions would cost memory, one write each would cost time. */
async function writeMentions(mentions: readonly SpotMention[], matcher: Matcher, separator: string): Promise<void> {
  const entities = new Map<string, SpotEntity>();
  const BATCH = 5000;
  for (let i = 0; i < mentions.length; i += BATCH) {
    const parts: string[] = [];
    for (const m of mentions.slice(i, i + BATCH)) {
      let entity = entities.get(m.entityId);
      if (!entity) {
        const known = matcher.entity(m.entityId);
        entity = { id: m.entityId, name: known?.name ?? m.entityId, type: known?.type ?? "other" };
        entities.set(m.entityId, entity);
      }
      const out: MentionOut = { text: m.text, start: m.start, end: m.end, entity };
      parts.push(JSON.stringify(out));
    }
    await writeOut((i === 0 ? "" : separator) + parts.join(separator));
  }
}

/** Waits for stdout to drain when its buffer is full, so piping into a slow reader does not grow memory. */
function writeOut(text: string): Promise<void> {
  if (text === "") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const flushed = process.stdout.write(text, (error) => {
      if (error) reject(error);
    });
    if (flushed) resolve();
    else process.stdout.once("drain", resolve);
  });
}
