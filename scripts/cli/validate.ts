/** `briefings validate`: checks a feed directory or URL and lists every problem. */
import { formatProblem, validateFeed } from "../../lib/feed/validate";
import { EXIT_FAILED, EXIT_OK, UsageError, parseCommandArgs } from "./args";
import type { Command } from "./command";

const HELP = `Usage: briefings validate DIR|URL

Checks a feed the way the extension reads it: the manifest schema, that every shard, delta
and the gazetteer exist with the sha256 the manifest lists, that every NDJSON line is a valid
operation, the article counts, that the deltas form a chain ending at the manifest's seq, and
the gazetteer's entities. URL is the feed's base (http://host/feed/) or its manifest.json.

Prints each problem as "file: field: message" and exits 1 if there is any; otherwise prints
"feed OK: N articles, seq S" and exits 0.

Options:
  -h, --help   show this help
`;

export const validateCommand: Command = {
  name: "validate",
  summary: "check a feed directory or URL and list every problem",
  help: HELP,
  async run(argv) {
    const args = parseCommandArgs("validate", argv, {});
    const [location, ...extra] = args.positionals;
    if (location === undefined || extra.length > 0) {
      throw new UsageError('briefings validate: name exactly one feed directory or URL; run "briefings validate --help" for usage');
    }
    const report = await validateFeed(location);
    for (const problem of report.problems) process.stdout.write(`${formatProblem(problem)}\n`);
    if (report.problems.length > 0) {
      const n = report.problems.length;
      process.stderr.write(`feed at ${report.location} has ${n} problem${n === 1 ? "" : "s"}\n`);
      return EXIT_FAILED;
    }
    process.stdout.write(
      `feed OK: ${report.articles} articles, seq ${report.seq ?? 0} (${report.deltas} deltas, ${report.entities} entities)\n`,
    );
    return EXIT_OK;
  },
};
