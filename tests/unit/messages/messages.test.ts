import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  handleMessages,
  handleTabMessages,
  sendMessage,
  sendTabMessage,
  type BackgroundHandlers,
  type BackgroundStatus,
} from "../../../lib/messages";

const status: BackgroundStatus = { articles: 5, entities: 3, syncing: false, lastSync: "2024-01-01T00:00:00.000Z" };

function handlers(over: Partial<BackgroundHandlers> = {}): BackgroundHandlers {
  return {
    getStatus: () => status,
    syncNow: async () => ({ ...status, articles: 6 }),
    lookup: (r) => ({ entity: null, total: 0, briefings: [], ...(r.entityId === "place/minsk" ? { total: 1 } : {}) }),
    openArticle: () => ({ openedIn: "tab" as const }),
    ...over,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe("background messages", () => {
  it("answers getStatus through the runtime with the handler's value", async () => {
    handleMessages(handlers());

    expect(await sendMessage({ type: "getStatus" })).toEqual({ ok: true, value: status });
    expect(await sendMessage({ type: "syncNow" })).toEqual({ ok: true, value: { ...status, articles: 6 } });
  });

  it("validates a lookup request and its answer", async () => {
    handleMessages(handlers());
    expect(await sendMessage({ type: "lookup", entityId: "place/minsk", pageEntityIds: [] })).toEqual({ ok: true, value: { entity: null, total: 1, briefings: [] } });
    const bad = await fakeBrowser.runtime.sendMessage({ type: "lookup", entityId: 42 });
    expect(bad).toMatchObject({ ok: false });
  });

  it("passes the validated request and the sender to the handler", async () => {
    const getStatus = vi.fn(() => status);
    handleMessages(handlers({ getStatus }));

    await fakeBrowser.runtime.sendMessage({ type: "getStatus", extra: "dropped by the schema" });

    expect(getStatus).toHaveBeenCalledWith({ type: "getStatus" }, expect.anything());
  });

  it("answers a malformed or unknown message with an error value", async () => {
    handleMessages(handlers());

    const unknown = await fakeBrowser.runtime.sendMessage({ type: "deleteEverything" });
    const garbage = await fakeBrowser.runtime.sendMessage("hello");

    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('"deleteEverything"') });
    expect(garbage).toMatchObject({ ok: false, error: expect.stringContaining("malformed") });
  });

  it("turns a throwing handler into an error value naming the request", async () => {
    handleMessages(handlers({ getStatus: () => Promise.reject(new Error("database is closed")) }));

    expect(await sendMessage({ type: "getStatus" })).toEqual({ ok: false, error: "getStatus failed: database is closed" });
  });

  it("rejects a reply that does not match the response schema", async () => {
    handleMessages(handlers({ getStatus: () => ({ articles: -1 }) as unknown as BackgroundStatus }));

    const reply = await sendMessage({ type: "getStatus" });

    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("malformed") });
  });

  it("reports a background that is not listening", async () => {
    expect(await sendMessage({ type: "getStatus" })).toMatchObject({ ok: false, error: expect.stringContaining("did not answer") });
  });

  it("stops answering once unsubscribed", async () => {
    const stop = handleMessages(handlers());
    stop();

    expect((await sendMessage({ type: "getStatus" })).ok).toBe(false);
  });
});

describe("tab messages", () => {
  it("runs the content script's focusNextMention handler", async () => {
    const focusNextMention = vi.fn();
    handleTabMessages({ focusNextMention });

    const reply = await fakeBrowser.runtime.sendMessage({ type: "focusNextMention" });

    expect(reply).toEqual({ ok: true, value: null });
    expect(focusNextMention).toHaveBeenCalledTimes(1);
  });

  it("answers an unknown tab message with an error value", async () => {
    const focusNextMention = vi.fn();
    handleTabMessages({ focusNextMention });

    expect(await fakeBrowser.runtime.sendMessage({ type: "getStatus" })).toMatchObject({ ok: false });
    expect(focusNextMention).not.toHaveBeenCalled();
  });

  it("sends to a tab and reports a tab without the content script", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage");
    send.mockResolvedValueOnce({ ok: true, value: null } as never);
    expect(await sendTabMessage(7, { type: "focusNextMention" })).toEqual({ ok: true, value: null });
    expect(send).toHaveBeenCalledWith(7, { type: "focusNextMention" });

    send.mockRejectedValueOnce(new Error("Could not establish connection. Receiving end does not exist."));
    expect(await sendTabMessage(7, { type: "focusNextMention" })).toMatchObject({ ok: false, error: expect.stringContaining("Receiving end") });
    send.mockRestore();
  });
});
