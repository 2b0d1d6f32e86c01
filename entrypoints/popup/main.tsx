import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { Popup } from "../../components/Popup";
import { sendMessage, type BackgroundStatus } from "../../lib/messages";
import { siteOf, withSiteEnabled } from "../../lib/site-switch";

const DISABLED_SITES = "disabledSites";
/** While a sync runs the popup refreshes its numbers this often. */
const REFRESH_MS = 1000;

async function readDisabledSites(): Promise<string[]> {
  const raw = (await browser.storage.local.get(DISABLED_SITES))[DISABLED_SITES];
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];
}

function App() {
  const [status, setStatus] = useState<BackgroundStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [siteEnabled, setSiteEnabled] = useState(true);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const reply = await sendMessage({ type: "getStatus" });
      if (reply.ok) {
        setStatus(reply.value);
        setStatusError(null);
        if (reply.value.syncing) timer = setTimeout(() => void refresh(), REFRESH_MS);
      } else setStatusError(reply.error);
    };
    void refresh();
    // activeTab: opening the popup grants this tab's address, nothing more.
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      const s = siteOf(tab?.url);
      setSite(s);
      if (s) setSiteEnabled(!(await readDisabledSites()).includes(s));
    });
    return () => clearTimeout(timer);
  }, []);

  const onToggleSite = async (enabled: boolean) => {
    if (!site) return;
    setSiteEnabled(enabled);
    await browser.storage.local.set({ [DISABLED_SITES]: withSiteEnabled(await readDisabledSites(), site, enabled) });
  };

  return <Popup status={status} statusError={statusError} site={site} siteEnabled={siteEnabled} onToggleSite={(e) => void onToggleSite(e)} />;
}

const root = document.getElementById("app");
if (root) render(<App />, root);
