/** Spots names on every web page and shows their briefings on hover or Alt+Shift+B. */
import { defineContentScript } from "wxt/utils/define-content-script";
import { runOnPage } from "./page-app";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main: (ctx) => runOnPage(ctx),
});
