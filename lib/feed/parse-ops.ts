/** Reads the NDJSON ops of a shard or delta, collecting every bad line instead of stopping at the first. */
import { FeedOp } from "../schema";
import { ndjsonLines } from "./ndjson";

export interface OpProblem {
  line: number;
  /** Dotted path of the offending field inside the line, when the schema names one. */
  field?: string;
  message: string;
}

export interface ParsedOps {
  ops: FeedOp[];
  problems: OpProblem[];
}

/** Beyond this many bad lines a file is plainly broken: listing more only buries the first. */
const MAX_PROBLEMS_PER_FILE = 20;

export function parseOps(text: string): ParsedOps {
  const ops: FeedOp[] = [];
  const problems: OpProblem[] = [];
  let skipped = 0;
  const report = (problem: OpProblem) => {
    if (problems.length < MAX_PROBLEMS_PER_FILE) problems.push(problem);
    else skipped++;
  };
  for (const { line, text: lineText } of ndjsonLines(text)) {
    let json: unknown;
    try {
      json = JSON.parse(lineText);
    } catch (error) {
      report({ line, message: `not JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = FeedOp.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".");
        report({ line, ...(field ? { field } : {}), message: issue.message });
      }
      continue;
    }
    ops.push(parsed.data);
  }
  if (skipped > 0) problems.push({ line: 0, message: `${skipped} more problems in this file not listed` });
  return { ops, problems };
}
