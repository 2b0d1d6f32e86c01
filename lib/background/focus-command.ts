/** Forwards the `focus-next-mention` keyboard command to the content script of the active tab. */
import { browser } from "wxt/browser";
import { sendTabMessage, type Reply } from "../messages";

export const FOCUS_NEXT_MENTION_COMMAND = "focus-next-mention";

export async function forwardCommand(command: string, tab?: { id?: number }): Promise<Reply<null> | undefined> {
  if (command !== FOCUS_NEXT_MENTION_COMMAND) return undefined;
  // Chrome passes the active tab with the command; Firefox does not. In a background
  // context the "current" window is the one the user last focused.
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { ok: false, error: "No active tab to move through." };
  return sendTabMessage(tabId, { type: "focusNextMention" });
}
