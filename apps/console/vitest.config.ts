import { defineConfig } from "vitest/config";

/** Unit tests: pure helpers next to the code (`src/**\/*.test.ts`), no browser. */
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
