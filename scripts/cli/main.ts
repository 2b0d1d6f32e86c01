/** Entry of the briefings CLI: picks the subcommand, turns usage errors into exit code 2. */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from "./args";
import type { Command } from "./command";
import { buildCommand } from "./build";
import { serveCommand } from "./serve";
import { spotCommand } from "./spot";
import { validateCommand } from "./validate";

const COMMANDS: Command[] = [buildCommand, validateCommand, serveCommand, spotCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: briefings <command> [options]",
    "",
    "Publishes and checks Belarus Briefings archive feeds.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "briefings <command> --help" for the options of a command.',
    "",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === undefined) {
      process.stderr.write(usage());
      return EXIT_USAGE;
    }
    process.stdout.write(topic ? topic.help : usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`briefings: unknown command "${name}"; commands are ${COMMANDS.map((c) => c.name).join(", ")} (see "briefings --help")\n`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`briefings ${command.name}: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILED;
  }
}
