import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GoldTargetsSchema, GoldTasksSchema } from "./evaluate.js";

/** The repository's copy of the sample documents and their gold (test-data/). */
export const TEST_DATA = fileURLToPath(new URL("../test-data/", import.meta.url));
export const SAMPLES = [
  { id: "lang-son-243-2025", file: "lang-son-province-plan-243-KH-UBND-2025" },
  { id: "muong-te-2025", file: "muong-te-district-plan-2025" },
  { id: "bang-mac-2025", file: "bang-mac-commune-resolution-2025" },
] as const;
export const sampleText = (file: string) => readFileSync(`${TEST_DATA}${file}.txt`, "utf8");
export const goldTargets = () => GoldTargetsSchema.parse(JSON.parse(readFileSync(`${TEST_DATA}targets.gold.json`, "utf8")));
export const goldTasks = () => GoldTasksSchema.parse(JSON.parse(readFileSync(`${TEST_DATA}tasks.gold.json`, "utf8")));
