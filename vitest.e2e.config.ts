import { defineConfig } from "vitest/config";

// Browser end-to-end tests: real Chromium with the built extension (.output/chrome-mv3).
// One file at a time: each launches its own browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    retry: 0,
  },
});
