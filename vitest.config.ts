import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

// Unit and integration tests run in node (fake-indexeddb, WXT's fakeBrowser).
// A test file that needs a DOM opts in with `// @vitest-environment happy-dom`.
// Real-browser tests live in tests/e2e and run through scripts/run-e2e.mjs.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
    setupFiles: ["tests/setup.ts"],
  },
});
