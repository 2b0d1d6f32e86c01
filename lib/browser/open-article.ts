/**
 * Opens an archived briefing for reading: in the side panel of the reader's tab where the
 * browser has one (Chromium), otherwise in a new tab with the same reader page.
 */
import { browser } from "wxt/browser";

export type OpenedIn = "sidepanel" | "tab";

interface SidePanelApi {
  setOptions(o: { tabId: number; path: string; enabled: boolean }): Promise<void>;
  open(o: { tabId: number }): Promise<void>;
}

export function readerPath(articleId: string): `/sidepanel.html?article=${string}` {
  return `/sidepanel.html?article=${encodeURIComponent(articleId)}`;
}

export async function openArticle(articleId: string, tabId: number | undefined): Promise<OpenedIn> {
  const path = readerPath(articleId);
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (sidePanel && tabId !== undefined) {
    // Both calls start before any await: open() is only allowed while the click's user
    // gesture is still current.
    const configured = sidePanel.setOptions({ tabId, path, enabled: true });
    const opened = sidePanel.open({ tabId });
    try {
      await Promise.all([configured, opened]);
      return "sidepanel";
    } catch (err) {
      console.warn(`Belarus Briefings: side panel unavailable (${err instanceof Error ? err.message : String(err)}); opening a tab`);
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
  return "tab";
}
