import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
export default defineConfig({
  resolve: { alias: { "@eduplan/province-config": fileURLToPath(new URL("../province-config/src/schema.ts", import.meta.url)) } },
  test: { include: ["src/**/*.test.ts"] },
});
