import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { forwardCommand } from "../../../lib/background/focus-command";

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe("forwardCommand", () => {
  it("sends focusNextMention to the active tab when the browser does not name one", async () => {
    const win = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: win?.id, url: "https://example.com/news", active: true });
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue({ ok: true, value: null } as never);

    expect(await forwardCommand("focus-next-mention")).toEqual({ ok: true, value: null });
    expect(send).toHaveBeenCalledWith(tab.id, { type: "focusNextMention" });
  });

  it("ignores other commands", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage");

    expect(await forwardCommand("_execute_action", { id: 3 })).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
