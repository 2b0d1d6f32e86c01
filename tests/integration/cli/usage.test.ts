import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

describe("briefings usage", () => {
  it("lists the commands with --help", async () => {
    const res = await runCli(["--help"]);
    expect(res.code).toBe(0);
    for (const command of ["build", "validate", "serve", "spot"]) expect(res.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it.each(["build", "validate", "serve", "spot"])("documents %s with --help", async (command) => {
    const res = await runCli([command, "--help"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^Usage: briefings ${command} `));
  });

  it("rejects an unknown command with exit code 2", async () => {
    const res = await runCli(["publish"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown command "publish"; commands are build, validate, serve, spot/);
  });

  it("rejects an unknown flag with exit code 2", async () => {
    const res = await runCli(["build", "--out", "x", "--fast", "y"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^briefings build: Unknown option '--fast'; run "briefings build --help" for usage/);
  });

  it("rejects a missing --out and a bad port with exit code 2", async () => {
    expect((await runCli(["build", "data/seeds"])).stderr).toMatch(/--out DIR is required/);
    const port = await runCli(["serve", ".", "--port", "http"]);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number from 0 to 65535, got "http"/);
  });

  it("exits 2 with the usage on stderr when no command is given", async () => {
    const res = await runCli([]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^Usage: briefings <command>/);
  });
});
