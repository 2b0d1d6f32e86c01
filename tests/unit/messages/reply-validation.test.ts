// Only zod/mini schemas load in this file (no classic zod), as in the content script: the
// messages below must still name the field and the problem in English.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleTabMessages, sendMessage } from "../../../lib/messages";
import type { LookupResult } from "../../../lib/lookup/types";

const minsk: LookupResult = {
  entity: { id: "place/minsk", name: "Minsk", type: "place", description: "Capital of Belarus", labels: ["Мінск"] },
  total: 1,
  briefings: [
    {
      id: "brief-1",
      title: "Minsk in July",
      source: "demo",
      sourceName: "Demo",
      url: "https://example.org/minsk",
      snippet: { text: "Minsk …", marks: [[0, 5]] },
      score: 1,
      why: ["title"],
    },
  ],
};

function backgroundAnswers(raw: unknown) {
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockResolvedValue(raw as never);
}

async function lookupError(raw: unknown): Promise<string> {
  backgroundAnswers(raw);
  const reply = await sendMessage({ type: "lookup", entityId: "place/minsk", pageEntityIds: [] });
  if (reply.ok) throw new Error(`expected a rejected reply, got ${JSON.stringify(reply.value)}`);
  return reply.error;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe("replies the content script receives", () => {
  it("accepts a well-formed lookup answer unchanged", async () => {
    backgroundAnswers({ ok: true, value: minsk });

    expect(await sendMessage({ type: "lookup", entityId: "place/minsk", pageEntityIds: [] })).toEqual({ ok: true, value: minsk });
  });

  it("rejects a briefing link that is not http(s), naming the field", async () => {
    const bad = { ...minsk, briefings: [{ ...minsk.briefings[0], url: "javascript:alert(1)" }] };

    const error = await lookupError({ ok: true, value: bad });

    expect(error).toContain("The background's answer to lookup was malformed");
    expect(error).toContain("only http(s) URLs are allowed");
    expect(error).toContain("briefings[0].url");
  });

  it("rejects an unknown entity type with the allowed ones", async () => {
    const error = await lookupError({ ok: true, value: { ...minsk, entity: { ...minsk.entity, type: "planet" } } });

    expect(error).toContain('expected one of "person"|"org"|"place"|"event"|"other"');
    expect(error).toContain("entity.type");
  });

  it("rejects a wrong field type and a negative count in English", async () => {
    const error = await lookupError({ ok: true, value: { ...minsk, total: -1, briefings: [{ ...minsk.briefings[0], title: 7 }] } });

    expect(error).toContain("expected string, received number");
    expect(error).toContain("briefings[0].title");
    expect(error).toMatch(/Too small: expected number to be >=0[\s\S]*total/);
  });

  it("rejects an answer that is not a reply at all", async () => {
    expect(await lookupError(minsk)).toContain("malformed");
    expect(await lookupError({ ok: false })).toContain("error");
  });

  it("passes on the background's own error value", async () => {
    backgroundAnswers({ ok: false, error: "lookup failed: database is closed" });

    expect(await sendMessage({ type: "lookup", entityId: "place/minsk", pageEntityIds: [] })).toEqual({ ok: false, error: "lookup failed: database is closed" });
  });

  it("rejects an openArticle answer naming a place the reader cannot open", async () => {
    backgroundAnswers({ ok: true, value: { openedIn: "window" } });

    const reply = await sendMessage({ type: "openArticle", articleId: "brief-1" });

    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('expected one of "sidepanel"|"tab"') });
  });
});

describe("tab messages the content script receives", () => {
  it("answers a malformed tab message with an error that says what is wrong", async () => {
    const focusNextMention = vi.fn();
    handleTabMessages({ focusNextMention });

    const reply = await fakeBrowser.runtime.sendMessage({ type: 42 });

    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("Unknown or malformed tab message") });
    expect((reply as { error: string }).error).toContain("Invalid discriminator value. Expected 'focusNextMention'");
    expect(focusNextMention).not.toHaveBeenCalled();
  });
});
