// Runs one command with inherited output and resolves with its exit code (never rejects).
import { spawn } from "node:child_process";

export function runStep(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts });
    child.on("error", (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
