import { defineConfig } from "wxt";
import preact from "@preact/preset-vite";

// See docs/permissions in README: every permission here is justified there.
export default defineConfig({
  srcDir: ".",
  outDir: ".output",
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: "Belarus Briefings",
    description:
      "Spots Belarus-related names on news pages and shows analytical briefings from a local archive.",
    permissions: ["storage", "alarms", "activeTab", ...(browser === "firefox" ? [] : ["sidePanel"])],
    commands: {
      "focus-next-mention": {
        suggested_key: { default: "Alt+Shift+B" },
        description: "Move to the next name on the page and open its briefings",
      },
    },
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "briefings@belarus-briefings.example",
              strict_min_version: "115.0",
              // Nothing the extension sees ever leaves the browser.
              data_collection_permissions: { required: ["none"] },
            },
          },
        }
      : {}),
  }),
});
