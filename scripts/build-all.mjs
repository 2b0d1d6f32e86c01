// npm run build: the embedded archive (seed articles + compiled gazetteer), then both browser builds.
import { runStep } from "./run-step.mjs";

const steps = [
  ["npx", ["tsx", "scripts/build-archive.ts"]],
  ["npx", ["wxt", "build", "-b", "chrome"]],
  ["npx", ["wxt", "build", "-b", "firefox"]],
];
for (const [cmd, args] of steps) {
  const code = await runStep(cmd, args);
  if (code !== 0) {
    console.error(`build failed: ${cmd} ${args.join(" ")} exited with ${code}`);
    process.exit(code);
  }
}
