/** `briefings serve`: serves a feed directory on 127.0.0.1 until interrupted. */
import { access, stat } from "node:fs/promises";
import path from "node:path";
import { startFeedServer } from "../../lib/feed/serve";
import { EXIT_FAILED, EXIT_OK, UsageError, intFlag, parseCommandArgs } from "./args";
import type { Command } from "./command";

const HELP = `Usage: briefings serve DIR [--port N]

Serves the feed directory DIR over HTTP on 127.0.0.1 for trying a feed with the extension
(add http://127.0.0.1:PORT/manifest.json as a feed source). Sends strong ETags and answers
If-None-Match with 304, marks manifest.json no-cache and content-addressed shards immutable,
and allows cross-origin requests. Runs until Ctrl-C.

Options:
  --port N     port to listen on (default 8787; 0 picks a free one)
  -h, --help   show this help
`;

export const serveCommand: Command = {
  name: "serve",
  summary: "serve a feed directory on 127.0.0.1 (until Ctrl-C)",
  help: HELP,
  async run(argv) {
    const args = parseCommandArgs("serve", argv, { port: { type: "string", short: "p" } });
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) {
      throw new UsageError('briefings serve: name exactly one feed directory; run "briefings serve --help" for usage');
    }
    const port = intFlag("serve", args, "port", 0, 65535) ?? 8787;
    try {
      if (!(await stat(dir)).isDirectory()) {
        process.stderr.write(`briefings serve: ${dir} is not a directory\n`);
        return EXIT_FAILED;
      }
    } catch (error) {
      process.stderr.write(`briefings serve: cannot open ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return EXIT_FAILED;
    }
    try {
      await access(path.join(dir, "manifest.json"));
    } catch {
      // Serving still makes sense (a site for the demo), but a feed client would get 404.
      process.stderr.write(`warning: ${dir} has no manifest.json; build a feed into it with "briefings build --out ${dir} …"\n`);
    }

    let server;
    try {
      server = await startFeedServer(dir, { port, host: "127.0.0.1" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const hint = code === "EADDRINUSE" ? `port ${port} is in use; pick another with --port` : (error as Error).message;
      process.stderr.write(`briefings serve: cannot listen on 127.0.0.1:${port}: ${hint}\n`);
      return EXIT_FAILED;
    }
    process.stdout.write(`Serving ${path.resolve(dir)} at ${server.url}/ (feed: ${server.url}/manifest.json). Press Ctrl-C to stop.\n`);
    const running = server;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        running.close().then(resolve, (error: unknown) => {
          process.stderr.write(`briefings serve: error while closing: ${(error as Error).message}\n`);
          resolve();
        });
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return EXIT_OK;
  },
};
