import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Development: `pnpm dev` serves the console on http://localhost:5173 and forwards `/trpc` to the API server
 * (`pnpm start` at the root, http://127.0.0.1:3000). Production: `pnpm build` writes `dist/`, which
 * `@eduplan/server` serves at `/`.
 */
type ModuleInfo = { isEntry: boolean; importedIds: readonly string[] };
type ModuleGraph = { getModuleIds(): Iterable<string>; getModuleInfo(id: string): ModuleInfo | null };
/** The modules the entry reaches through static imports, found once the module graph is complete. */
let firstLoad = new Set<string>();

const firstLoadGraph: Plugin = {
  name: "eduplan-first-load",
  apply: "build",
  buildEnd(this: ModuleGraph) {
    firstLoad = new Set();
    const queue = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
    while (queue.length) {
      const id = queue.pop()!;
      if (firstLoad.has(id)) continue;
      firstLoad.add(id);
      queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
    }
  },
};

/** "first-load" for those modules (one chunk), none for the others (split as usual). */
const firstLoadChunk = (moduleId: string): string | null => (firstLoad.has(moduleId) ? "first-load" : null);

export default defineConfig({
  plugins: [react(), firstLoadGraph],
  resolve: {
    // Workspace packages (ra-data-trpc, ra-language-vietnamese) resolve their own copies of these peers;
    // one copy each in the bundle.
    dedupe: ["react", "react-dom", "ra-core", "react-hook-form", "@tanstack/react-query", "@trpc/client"],
  },
  server: {
    port: 5173,
    proxy: {
      "/trpc": { target: process.env.EDUPLAN_API ?? "http://127.0.0.1:3000", changeOrigin: false },
      "/healthz": { target: process.env.EDUPLAN_API ?? "http://127.0.0.1:3000" },
    },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // @eduplan/domain is pure (no I/O, no side effects at import): importing `foldVietnamese` must not bring the
      // zod schemas of every other module into the first bundle.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) },
      // Everything the entry imports statically goes into one chunk: the login page's first load is one script (it
      // compresses better and costs one round trip, not ~70 on a slow network); lazy pages keep their own chunks.
      output: { codeSplitting: { groups: [{ name: firstLoadChunk, debugName: "first-load" }] } },
    },
  },
});
