import { fileURLToPath } from "node:url";

/**
 * The sample province files EduPlan ships, as absolute paths: Lạng Sơn (with Bằng Mạc commune) and Lai Châu (with
 * Mường Tè district). Each is a declarative province file (`ProvinceConfigSchema` of `@eduplan/province-config`).
 */
export const SAMPLE_PROVINCE_FILES: readonly string[] = [
  fileURLToPath(new URL("../data/lang-son.yaml", import.meta.url)),
  fileURLToPath(new URL("../data/lai-chau.yaml", import.meta.url)),
];

