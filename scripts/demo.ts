/**
 * npm run demo: build the extension and a demo feed, serve a small demo news site and the feed
 * on 127.0.0.1, and open the site in Chromium with the extension loaded. With no display (or
 * --headless) it hovers a name, waits for the briefing card and writes a screenshot.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { CHROMIUM, launchExtension, pointOfText } from "./browser";
import { startFeedServer } from "../lib/feed/serve";

const OUT = path.resolve(".demo");
const headless = process.argv.includes("--headless") || !process.env.DISPLAY;

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is not installed at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log("Installing Chromium with apt (one time)…");
  const r = spawnSync("bash", ["-c", "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium"], { stdio: "inherit" });
  if (r.status !== 0 || !existsSync(CHROMIUM)) {
    console.error("Could not install Chromium with apt-get; install the Debian package 'chromium' and run the demo again.");
    process.exit(1);
  }
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: "inherit" });
}

async function main(): Promise<void> {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  console.log("Building the extension…");
  run("npm", ["run", "--silent", "build"]);
  console.log("Building the demo feed from the seed articles…");
  run("node", ["scripts/briefings.mjs", "build", "--out", path.join(OUT, "feed"), "data/seeds"]);

  const site = await startFeedServer(path.resolve("data/demo-site"), { port: 0, host: "127.0.0.1" });
  const feed = await startFeedServer(path.join(OUT, "feed"), { port: 0, host: "127.0.0.1" });
  console.log(`Demo news site: ${site.url}/index.html (Russian: ${site.url}/ru.html)`);
  console.log(`Demo feed:      ${feed.url}/manifest.json`);

  const session = await launchExtension({ headless });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(`${site.url}/index.html`);

  if (!headless) {
    console.log("Chromium is open with Belarus Briefings loaded: hover a highlighted name. Close the window or press Ctrl-C to stop.");
    await new Promise<void>((resolve) => {
      session.context.on("close", () => resolve());
      process.on("SIGINT", () => resolve());
    });
  } else {
    // Wait until the page's names are highlighted, then hover one and wait for its card.
    await page.waitForFunction(() => (CSS.highlights?.get("briefings-mention")?.size ?? 0) > 0, null, { timeout: 60_000 });
    const point = await pointOfText(page, "Alexander Lukashenko");
    if (!point) throw new Error("demo page has no 'Alexander Lukashenko'");
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(
      () => (document.querySelector("briefings-card")?.shadowRoot?.querySelector("[role=dialog]")?.textContent ?? "").length > 0,
      null,
      { timeout: 30_000 },
    );
    const shot = path.join(OUT, "screenshot.png");
    await page.screenshot({ path: shot });
    console.log(`Screenshot written: ${shot}`);
  }
  await session.close();
  await site.close();
  await feed.close();
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
