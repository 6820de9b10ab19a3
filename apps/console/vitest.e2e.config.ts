import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the real server (`@eduplan/server`) on a temporary seeded SQLite file serves the built console
 * (`dist/`, built by the `test` script before this runs), driven by headless Chromium through playwright-core.
 * One file at a time, one test after another: they share a browser and a database.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { concurrent: false },
    pool: "forks",
  },
});
