#!/usr/bin/env node
// The `briefings` publisher CLI. Plain JS so `npx briefings` works straight after
// `npm install`: it registers tsx and runs the TypeScript sources, no build step.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The repository's tsconfig (for the "@/" path alias), whatever directory the command runs from.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("./cli/main.ts");
// exitCode rather than process.exit(): lets pending stdout writes finish (large `spot` output).
process.exitCode = await main(process.argv.slice(2));
