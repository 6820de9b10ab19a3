/** The builds the console's benches measure: the console as shipped, and a bare react-admin app (./bare-app). */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { build } from "vite";

export const CONSOLE_ROOT = fileURLToPath(new URL("../", import.meta.url));
const BARE_ROOT = fileURLToPath(new URL("./bare-app/", import.meta.url));
/** Out of git (node_modules is ignored), rebuilt by every run of the first-load bench. */
export const OUT = join(CONSOLE_ROOT, "node_modules/.cache/eduplan-bench");
export const CONSOLE_OUT = join(OUT, "console");
export const BARE_OUT = join(OUT, "bare-app");

/** The console with its own vite.config.ts (a manifest added), into {@link CONSOLE_OUT}. */
export async function buildConsole(): Promise<string> {
  await build({ root: CONSOLE_ROOT, configFile: join(CONSOLE_ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir: CONSOLE_OUT, emptyOutDir: true, manifest: true } });
  return CONSOLE_OUT;
}

/** The bare app with the same vite, React plugin, target and deduplication as the console, into {@link BARE_OUT}. */
export async function buildBare(): Promise<string> {
  await build({
    root: BARE_ROOT,
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    resolve: { dedupe: ["react", "react-dom", "ra-core", "react-hook-form", "@tanstack/react-query"] },
    build: { target: "es2022", sourcemap: false, outDir: BARE_OUT, emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 5000 },
  });
  return BARE_OUT;
}

/** The console build of the last first-load run, or a new one. */
export async function consoleBuild(): Promise<string> {
  return existsSync(join(CONSOLE_OUT, "index.html")) ? CONSOLE_OUT : buildConsole();
}
