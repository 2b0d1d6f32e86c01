/** Expands the build command's inputs (files and directories) into a sorted list of files to ingest. */
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

/** Extensions picked up when walking a directory; files named explicitly are always tried. */
export const INPUT_EXTENSIONS = [".txt", ".html", ".htm", ".xml", ".rss", ".atom"] as const;

export interface InputFailure {
  path: string;
  message: string;
}

export interface CollectedInputs {
  files: string[];
  failures: InputFailure[];
}

export async function collectInputs(inputs: readonly string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  const seen = new Set<string>();

  const add = async (file: string) => {
    // The same file reached twice (named and inside a named directory) is ingested once.
    const real = await realpath(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };

  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failures.push({ path: input, message: code === "ENOENT" ? "no such file or directory" : `cannot read (${(error as Error).message})` });
      continue;
    }
    if (info.isFile()) {
      await add(input);
      continue;
    }
    if (!info.isDirectory()) {
      failures.push({ path: input, message: "not a regular file or directory" });
      continue;
    }
    const before = files.length;
    await walk(input, add, failures);
    if (files.length === before) {
      failures.push({ path: input, message: `no input files (${INPUT_EXTENSIONS.join(" ")}) in this directory` });
    }
  }
  return { files, failures };
}

async function walk(dir: string, add: (file: string) => Promise<void>, failures: InputFailure[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    failures.push({ path: dir, message: `cannot list directory (${(error as Error).message})` });
    return;
  }
  // Sorted so the ingest order (which decides duplicates) is the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    // Symlinked directories are not followed: they can loop.
    if (entry.isDirectory()) await walk(full, add, failures);
    else if ((entry.isFile() || entry.isSymbolicLink()) && INPUT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      try {
        await add(full);
      } catch (error) {
        failures.push({ path: full, message: `cannot read (${(error as Error).message})` });
      }
    }
  }
}
