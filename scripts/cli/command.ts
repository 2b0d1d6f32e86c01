/** The shape every briefings subcommand has, so main.ts can list, describe and run them alike. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  help: string;
  /** Returns the process exit code; throws UsageError for a bad invocation. */
  run(argv: string[]): Promise<number>;
}
