import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Development: `pnpm dev` serves the console on http://localhost:5173 and forwards `/trpc` to the API server
 * (`pnpm start` at the root, http://127.0.0.1:3000). Production: `pnpm build` writes `dist/`, which
 * `@eduplan/server` serves at `/`.
 */
export default defineConfig({
  plugins: [react()],
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
    },
  },
});
