/** `briefings build`: ingest inputs, tag them, write or update a static feed directory. */
import { EXIT_FAILED, EXIT_OK, UsageError, intFlag, parseCommandArgs, stringFlag } from "./args";
import type { Command } from "./command";
import { INPUT_EXTENSIONS } from "./inputs";

const HELP = `Usage: briefings build --out DIR [options] INPUT...

Ingests the INPUT files and directories (directories are searched recursively for
${INPUT_EXTENSIONS.join(" ")} files), tags every article with the default gazetteer and
writes a static archive feed to DIR: manifest.json, snapshot shards, a delta against the
previous run, and gazetteer.json. Running it again on the same inputs changes nothing;
a changed input set gives the next seq with a delta holding only the changes.

Options:
  --out DIR            feed directory to create or update (required)
  --source ID          source id stored on the articles (default: chosen by input kind)
  --archive-id ID      archive id in the manifest (default: the existing feed's, else the
                       source id, else "briefings")
  --shard-size N       articles per snapshot shard (default 1000)
  --keep-deltas N      deltas listed in the manifest (default 50)
  -h, --help           show this help

Inputs that cannot be used (unreadable, binary, empty, a page with no article) are
reported on stderr as "path: message"; the other inputs are still published and the exit
code is 1. SOURCE_DATE_EPOCH, when set, fixes the manifest's "generated" time.

Exit codes: 0 success, 1 some input or the feed failed, 2 bad usage.
`;

export const buildCommand: Command = {
  name: "build",
  summary: "ingest inputs and write or update a static feed directory",
  help: HELP,
  async run(argv) {
    const args = parseCommandArgs("build", argv, {
      out: { type: "string", short: "o" },
      source: { type: "string" },
      "archive-id": { type: "string" },
      "shard-size": { type: "string" },
      "keep-deltas": { type: "string" },
    });
    const out = stringFlag(args, "out");
    if (!out) throw new UsageError('briefings build: --out DIR is required; run "briefings build --help" for usage');
    if (args.positionals.length === 0) throw new UsageError('briefings build: name at least one input file or directory; run "briefings build --help" for usage');
    const source = stringFlag(args, "source");
    const archiveId = stringFlag(args, "archive-id");
    const shardSize = intFlag("build", args, "shard-size", 1, 1_000_000);
    const keepDeltas = intFlag("build", args, "keep-deltas", 0, 100_000);

    const started = performance.now();
    // Loaded here, not at the top: ingest and the matcher are heavy and other commands do not need them.
    const { buildFeed } = await import("./build-feed");
    const { loadDefaultMatcher } = await import("./default-matcher");
    const { entities, matcher } = loadDefaultMatcher();
    const result = await buildFeed({
      inputs: args.positionals,
      out,
      matcher,
      entities,
      ...(source === undefined ? {} : { source }),
      ...(archiveId === undefined ? {} : { archiveId }),
      ...(shardSize === undefined ? {} : { shardSize }),
      ...(keepDeltas === undefined ? {} : { keepDeltas }),
    });
    for (const failure of result.failures) process.stderr.write(`${failure.path}: ${failure.message}\n`);
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      process.stderr.write(`briefings build: ${result.error}\n`);
      return EXIT_FAILED;
    }
    const c = result.changes;
    const state = result.changed ? `seq ${c.seq}${c.previousSeq === undefined ? "" : ` (was ${c.previousSeq})`}` : `unchanged at seq ${c.seq}`;
    process.stdout.write(
      `${out}: ${c.articles} articles from ${result.filesUsed} of ${result.files} files ` +
        `(${c.added} new, ${c.updated} changed, ${c.removed} removed), ${state}, ` +
        `${result.written.written.length} files written, ${result.written.removed.length} pruned, ${ms} ms\n`,
    );
    return result.failures.length > 0 ? EXIT_FAILED : EXIT_OK;
  },
};
