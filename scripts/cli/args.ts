/** Command-line parsing for the briefings CLI: strict flags, and usage errors that exit with code 2. */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how the command was called (exit code 2), as opposed to a failure doing the work (1). */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    const message = (error as Error).message;
    // node's messages run on with advice about "--" positionals: the first sentence is the useful part.
    const first = message.split(/\.\s/)[0]?.replace(/\.$/, "") ?? message;
    throw new UsageError(`briefings ${command}: ${first}; run "briefings ${command} --help" for usage`);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function intFlag(command: string, args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`briefings ${command}: --${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
