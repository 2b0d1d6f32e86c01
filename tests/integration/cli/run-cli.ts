/** Runs the real `briefings` CLI (node scripts/briefings.mjs) as a child process. */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../..", import.meta.url));
export const CLI = path.join(REPO, "scripts", "briefings.mjs");
export const SEEDS = path.join(REPO, "data", "seeds");
export const FIXTURES = path.join(REPO, "tests", "fixtures", "cli");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI and resolves once its stdout matches `ready`, for long-running commands like serve. */
export function startCli(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO });
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = stdout.match(ready);
      if (match) resolve({ child, match, exited });
    });
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`CLI exited (${code}) before it was ready: ${stderr}`)));
  });
}

/** Every file under dir with the sha256 of its bytes, for byte-for-byte comparisons of feed directories. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash("sha256").update(await readFile(full)).digest("hex");
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
