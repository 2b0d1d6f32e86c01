import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import background from "../../../entrypoints/background";
import { sendMessage } from "../../../lib/messages";
import { startPackagedArchive, writeArchive, writeMatcher, type PackagedArchive } from "./packaged-archive";

let pkg: PackagedArchive;

beforeEach(async () => {
  fakeBrowser.reset();
  pkg = await startPackagedArchive();
  // The worker fetches chrome-extension:// URLs; route them to the package's test server.
  vi.stubGlobal("fetch", pkg.fetchFn);
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await pkg.close();
});

describe("background entrypoint", () => {
  it("wires install, messages and the focus command to the background", async () => {
    await writeArchive(pkg.dir);
    await writeMatcher(pkg.dir, "m1");
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation((cb) => {
      onCommand = cb as typeof onCommand;
    });
    const toTab = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue({ ok: true, value: null } as never);

    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: "install" });

    await vi.waitFor(async () => {
      const reply = await sendMessage({ type: "getStatus" });
      expect(reply).toMatchObject({ ok: true, value: { articles: 3, entities: 2, syncing: false } });
    });
    expect((await fakeBrowser.storage.local.get("matcher")).matcher).toMatchObject({ version: "m1" });

    onCommand?.("focus-next-mention", { id: 42 });
    await vi.waitFor(() => expect(toTab).toHaveBeenCalledWith(42, { type: "focusNextMention" }));
  });
});
