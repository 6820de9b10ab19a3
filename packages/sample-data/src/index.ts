export { SAMPLE_PROVINCE_FILES } from "./files.js";
export { seedSampleData } from "./seed.js";

/** Which plan (by code, in the sample files) holds the targets of each source of the indicator catalog. */
export const CATALOG_SOURCE_TO_PLAN = {
  "lang-son-243-2025": "lang-son-243-2025",
  "bang-mac-2025": "bang-mac-2025",
  "muong-te-2025": "muong-te-2025",
} as const satisfies Record<string, string>;
export type CatalogSource = keyof typeof CATALOG_SOURCE_TO_PLAN;

export { generateSyntheticFigures, SYNTHETIC_NOTE, SYNTHETIC_YEARS } from "./synthetic.js";
