import { fileURLToPath } from "node:url";

/**
 * The sample province files EduPlan ships, as absolute paths: Lạng Sơn (with Bằng Mạc commune) and Lai Châu (with
 * Mường Tè district). Each is a declarative province file (`ProvinceConfigSchema` of `@eduplan/province-config`).
 */
export const SAMPLE_PROVINCE_FILES: readonly string[] = [
  fileURLToPath(new URL("../data/lang-son.yaml", import.meta.url)),
  fileURLToPath(new URL("../data/lai-chau.yaml", import.meta.url)),
];

/** Which plan (by code, in the sample files) holds the targets of each source of the indicator catalog. */
export const CATALOG_SOURCE_TO_PLAN = {
  "lang-son-243-2025": "lang-son-243-2025",
  "bang-mac-2025": "bang-mac-2025",
  "muong-te-2025": "muong-te-2025",
} as const satisfies Record<string, string>;
export type CatalogSource = keyof typeof CATALOG_SOURCE_TO_PLAN;

export { generateSyntheticFigures, SYNTHETIC_NOTE, SYNTHETIC_YEARS } from "./synthetic.js";
